"""Celery tasks of the satisfaction app: idempotent, retried with back-off, enqueued after commit."""

from celery import shared_task

from permitportal.core.tasks import RETRY


@shared_task(bind=True, **RETRY)
def send_invitation(self, invitation_id: int):
    """Send one survey invitation; does nothing when it was sent, answered or cancelled already."""
    from satisfaction import services

    return services.send_invitation(invitation_id=invitation_id)


@shared_task(bind=True, **RETRY)
def sweep_pending_invitations(self):
    """Send invitations that were never sent (for example when the broker was down)."""
    from satisfaction import services

    ids = services.pending_invitation_ids()
    for invitation_id in ids:
        send_invitation.delay(invitation_id)
    return len(ids)


@shared_task(bind=True, **RETRY)
def refresh_recent_facts(self):
    """Bring the KPI facts of recently changed cases up to date (anything the receivers missed)."""
    from satisfaction import facts

    return facts.refresh_recent_facts(minutes=30)

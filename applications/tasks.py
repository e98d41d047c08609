"""Celery tasks of the applications app: idempotent, retried with back-off (``RETRY``), enqueued after
commit (``enqueue``); both from ``permitportal.core.tasks``."""


from celery import shared_task

from permitportal.core.tasks import RETRY, enqueue  # noqa: F401 - enqueue: this app's services use it


@shared_task(bind=True, **RETRY)
def send_receipt(self, case_id: int):
    from applications.services import receipts

    return receipts.send_receipt(case_id=case_id)


@shared_task(bind=True, **RETRY)
def send_draft_reminders(self):
    from applications.services import draft_expiry

    return draft_expiry.send_draft_reminders()


@shared_task(bind=True, **RETRY)
def expire_drafts(self):
    from applications.services import draft_expiry

    return draft_expiry.expire_drafts()


@shared_task(bind=True, **RETRY)
def sweep_unsent_receipts(self):
    """Re-enqueue receipts of submitted cases that never got one (e.g. the broker was down)."""
    from applications.services import receipts

    return receipts.sweep_unsent_receipts(enqueue=lambda case_id: send_receipt.delay(case_id))


@shared_task(bind=True, **RETRY)
def screen_case(self, case_id: int, trigger: str = "submission"):
    from applications.services import screening

    run = screening.run_screening(case_id=case_id, trigger=trigger)
    return run.pk if run else None


@shared_task(bind=True, **RETRY)
def sweep_unscreened_cases(self):
    """Re-enqueue submitted cases that never got a screening result."""
    from django.conf import settings

    from applications.services import screening

    ids = screening.cases_needing_screening(older_than_minutes=settings.SCREENING_SWEEP_MINUTES)
    for case_id in ids:
        screen_case.delay(case_id, "sweep")
    return len(ids)


@shared_task(bind=True, **RETRY)
def sweep_unscreened_uploads(self):
    """Re-enqueue cases whose newest document was never screened (the task after the upload was lost)."""
    from django.conf import settings

    from applications.services import screening

    ids = screening.cases_with_unscreened_documents(older_than_minutes=settings.SCREENING_SWEEP_MINUTES)
    for case_id in ids:
        screen_case.delay(case_id, "sweep")
    return len(ids)


@shared_task(bind=True, **RETRY)
def sweep_advisories(self):
    from applications.services import advisories

    return {"at_risk": advisories.sweep_targets_at_risk(), "overdue": advisories.sweep_overdue_requests(),
            "screening_due": advisories.sweep_screening_due()}


@shared_task(bind=True, **RETRY)
def send_advisory_digests(self):
    from applications.services import advisories

    return advisories.send_daily_digests()


@shared_task(bind=True, **RETRY)
def close_decided_cases(self):
    from applications.services import decisions

    return decisions.close_after_appeal_period()


@shared_task(bind=True, **RETRY)
def generate_decision_letter(self, case_id: int):
    from applications.services import decisions

    return decisions.generate_letter(case_id=case_id)


@shared_task(bind=True, **RETRY)
def notify_status_change(self, case_id: int, to_status: str, event_id: int):
    from applications.services import notify

    return notify.notify_status_change(case_id=case_id, to_status=to_status, event_id=event_id)


@shared_task(bind=True, **RETRY)
def notify_information_request(self, request_id: int):
    from applications.services import notify

    return notify.notify_information_request(request_id=request_id)


@shared_task(bind=True, **RETRY)
def expire_mandates(self):
    """Daily: digital mandates past their last day end (idempotent)."""
    from applications.services import mandates

    return mandates.expire_mandates()


@shared_task(bind=True, **RETRY)
def notify_date_changes(self, case_id: int):
    """E-mail the moves of a case's expected decision date (each move once per person)."""
    from applications.services import notify

    return notify.notify_date_changes(case_id=case_id)


@shared_task(bind=True, **RETRY)
def notify_appeal(self, appeal_id: int, what: str):
    from applications.services import notify

    return notify.notify_appeal(appeal_id=appeal_id, what=what)


@shared_task(bind=True, **RETRY)
def sweep_permit_lapses(self):
    """Daily: remind holders of unstarted permits before the lapse day, and lapse those past it."""
    from applications.services import start_of_work

    return {"reminded": start_of_work.send_lapse_reminders(), "lapsed": start_of_work.lapse_permits()}


@shared_task(bind=True, **RETRY)
def send_assisted_link(self, case_id: int, link: str, actor_id: int):
    """The citizen's link to confirm an assisted application. A retry after a failure to send sends the one message
    again (nothing was sent before it)."""
    from applications.services import assisted

    return assisted.mail_confirmation_link(case_id=case_id, link=link, actor_id=actor_id)


@shared_task(bind=True, **RETRY)
def notify_stage_document_refused(self, stage_document_id: int):
    from applications.services import stage_documents

    return stage_documents.mail_refusal(stage_document_id=stage_document_id)

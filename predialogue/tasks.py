"""Celery tasks of predialogue: idempotent, retried with back-off, enqueued after commit."""

from celery import shared_task

from permitportal.core.tasks import RETRY, enqueue

__all__ = ["enqueue", "send_request_received", "send_meeting_notice", "send_minutes",
           "send_registration_confirmation", "send_registration_link"]


@shared_task(bind=True, **RETRY)
def send_request_received(self, meeting_id: int):
    from predialogue import notices

    return notices.send_request_received(meeting_id=meeting_id)


@shared_task(bind=True, **RETRY)
def send_meeting_notice(self, meeting_id: int, kind: str, sequence: int):
    from predialogue import notices

    return notices.send_meeting_notice(meeting_id=meeting_id, kind=kind, sequence=sequence)


@shared_task(bind=True, **RETRY)
def send_minutes(self, minutes_id: int):
    from predialogue import notices

    return notices.send_minutes(minutes_id=minutes_id)


@shared_task(bind=True, **RETRY)
def send_registration_confirmation(self, registration_id: int):
    from predialogue import notices

    return notices.send_registration_confirmation(registration_id=registration_id)


@shared_task(bind=True, **RETRY)
def send_registration_link(self, registration_id: int):
    from predialogue import notices

    return notices.send_registration_link(registration_id=registration_id)

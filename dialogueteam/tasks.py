"""Celery tasks of the dialogue team: idempotent, retried with back-off, enqueued after commit."""

from celery import shared_task

from permitportal.core.tasks import RETRY, enqueue

__all__ = ["enqueue", "send_question_answer", "sweep_dialogue"]


@shared_task(bind=True, **RETRY)
def send_question_answer(self, contact_id: int):
    """E-mail the dialogue team's answer to the person who asked (once)."""
    from dialogueteam import services

    return services.send_question_answer(contact_id=contact_id)


@shared_task(bind=True, **RETRY)
def sweep_dialogue(self):
    """Periodic (settings.CELERY_BEAT_SCHEDULE): advise on forwarded questions not answered within the
    service norm, and send answers whose e-mail never went out (the broker was down, say)."""
    from dialogueteam import services

    overdue = services.sweep_overdue_forwards()
    resent = services.sweep_unsent_answers(enqueue=lambda contact_id: send_question_answer.delay(contact_id))
    return {"overdue": overdue, "answers_resent": resent}

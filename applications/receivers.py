"""The core listens to its own signals to notify applicants (signals fire after commit)."""

from django.dispatch import receiver

from applications import signals

# The receipt tells about submission, the information-request e-mail about that change, and the
# decision e-mail (with the letter) about the decision.
SILENT_TARGETS = {"submitted", "awaiting_information", "decided"}


@receiver(signals.case_status_changed)
def on_status_changed(sender, case, actor, from_status, to_status, **kwargs):
    if to_status in SILENT_TARGETS:
        return
    from applications.models import CaseEvent
    from applications.tasks import notify_status_change

    event = CaseEvent.objects.filter(case=case, kind=f"status:{to_status}").order_by("-at", "-id").first()
    _send(notify_status_change, case.pk, to_status, event.pk if event else 0)


@receiver(signals.information_requested)
def on_information_requested(sender, case, actor, request, **kwargs):
    from applications.tasks import notify_information_request

    _send(notify_information_request, request.pk)


def _send(task, *args):
    import logging

    try:
        task.apply_async(args=args)
    except Exception:  # noqa: BLE001 - the broker is down; the notification is not critical to the case
        logging.getLogger(__name__).warning("Could not enqueue %s%r", task.name, args, exc_info=True)

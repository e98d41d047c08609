"""What the hearings hear from the core: a decision goes to the parties who objected."""

from django.dispatch import receiver

from applications.signals import case_decided
from permitportal.core.tasks import enqueue


@receiver(case_decided, dispatch_uid="hearings.send_decision_to_objectors")
def send_decision_to_objectors(sender, case, **kwargs):
    from .tasks import send_decision_to_objectors as task

    enqueue(task, case.pk)

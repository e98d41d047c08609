"""The one table of allowed status changes, and the one function that changes a case's status.

No other code assigns ``Case.status``. A change not in the table raises ``TransitionNotAllowed``
(the API answers 409).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import signals
from applications.models import Case

S = Case.Status

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.AWAITING_INFORMATION, S.COMPLETE, S.WITHDRAWN}),
    S.AWAITING_INFORMATION: frozenset({S.SUBMITTED, S.COMPLETE, S.IN_REVIEW, S.WITHDRAWN}),
    S.COMPLETE: frozenset({S.AWAITING_INFORMATION, S.IN_REVIEW, S.WITHDRAWN}),
    S.IN_REVIEW: frozenset({S.AWAITING_INFORMATION, S.DECIDED, S.WITHDRAWN}),
    S.DECIDED: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
    S.WITHDRAWN: frozenset(),
}

# Who has the ball in each status: "applicant", "municipality" or None.
WAITING_FOR = {
    S.DRAFT: "applicant",
    S.SUBMITTED: "municipality",
    S.AWAITING_INFORMATION: "applicant",
    S.COMPLETE: "municipality",
    S.IN_REVIEW: "municipality",
    S.DECIDED: None,
    S.CLOSED: None,
    S.WITHDRAWN: None,
}

_TIMESTAMP_FIELD = {
    S.SUBMITTED: "submitted_at",
    S.COMPLETE: "completed_at",
    S.DECIDED: "decided_at",
    S.CLOSED: "closed_at",
    S.WITHDRAWN: "closed_at",
}


class TransitionNotAllowed(Exception):
    def __init__(self, case, to_status):
        self.case = case
        self.to_status = to_status
        super().__init__(
            _("A case that is “%(current)s” cannot become “%(target)s”.")
            % {"current": S(case.status).label, "target": S(to_status).label}
        )


def is_allowed(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def allowed_targets(case: Case) -> frozenset[str]:
    return TRANSITIONS.get(case.status, frozenset())


@transaction.atomic
def transition(*, case: Case, to: str, actor=None, event_params: dict | None = None, note: str = "") -> Case:
    """Move ``case`` to status ``to``; lock the row, stamp the time, write the event, signal after commit."""
    from applications.services import clock, events

    locked = Case.objects.select_for_update().get(pk=case.pk)
    if not is_allowed(locked.status, to):
        raise TransitionNotAllowed(locked, to)
    from_status = locked.status
    now = timezone.now()
    locked.status = to
    field = _TIMESTAMP_FIELD.get(to)
    fields = ["status", "updated_at"]
    first_time = bool(field) and getattr(locked, field) is None
    if first_time:
        setattr(locked, field, now)
        fields.append(field)
    fields += clock.on_transition(case=locked, from_status=from_status, to_status=to,
                                  today=timezone.localdate(now), first_time=first_time)
    locked.save(update_fields=sorted(set(fields)))
    events.record(case=locked, kind=f"status:{to}", actor=actor,
                  params={"from": from_status, **(event_params or {})}, note=note)
    transaction.on_commit(
        lambda: signals.case_status_changed.send(
            sender=Case, case=locked, actor=actor, from_status=from_status, to_status=to
        )
    )
    # Keep the caller's instance in step with the database.
    for name in set(fields) | {"status"}:
        setattr(case, name, getattr(locked, name))
    return locked

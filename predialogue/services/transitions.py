"""A meeting's status changes only through ``transition`` and the one table ``TRANSITIONS``:
requested -> scheduled -> held, and requested or scheduled -> cancelled. Rescheduling keeps a
meeting scheduled (scheduled -> scheduled)."""

from django.db import transaction
from django.utils import timezone

from ..models import Meeting, MeetingEvent
from .errors import TransitionNotAllowed

M = Meeting.Status

TRANSITIONS: dict[str, frozenset[str]] = {
    M.REQUESTED: frozenset({M.SCHEDULED, M.CANCELLED}),
    M.SCHEDULED: frozenset({M.SCHEDULED, M.HELD, M.CANCELLED}),  # scheduled -> scheduled: a new time
    M.HELD: frozenset(),
    M.CANCELLED: frozenset(),
}

_TIMESTAMP_FIELD = {M.SCHEDULED: "scheduled_at", M.HELD: "held_at", M.CANCELLED: "cancelled_at"}


def is_allowed(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def allowed_targets(meeting: Meeting) -> frozenset[str]:
    return TRANSITIONS.get(meeting.status, frozenset())


def record_event(*, meeting: Meeting, kind: str, actor=None, params: dict | None = None) -> MeetingEvent:
    return MeetingEvent.objects.create(meeting=meeting, kind=kind, params=params or {},
                                       actor=actor if getattr(actor, "pk", None) else None)


@transaction.atomic
def transition(*, meeting: Meeting, to: str, actor=None, event: str | None = None, params: dict | None = None,
               fields: dict | None = None) -> Meeting:
    """Move ``meeting`` to ``to`` (setting ``fields`` with it); lock the row, stamp the time, record the event."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not is_allowed(locked.status, to):
        raise TransitionNotAllowed(locked, to)
    from_status = locked.status
    now = timezone.now()
    changed = {"status", "updated_at"}
    locked.status = to
    for name, value in (fields or {}).items():
        setattr(locked, name, value)
        changed.add(name)
    stamp = _TIMESTAMP_FIELD.get(to)
    if stamp:
        setattr(locked, stamp, now)
        changed.add(stamp)
    locked.save(update_fields=sorted(changed))
    record_event(meeting=locked, kind=event or to, actor=actor, params={"from": from_status, **(params or {})})
    for name in changed:
        setattr(meeting, name, getattr(locked, name))
    return locked

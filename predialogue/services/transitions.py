"""A meeting's status changes only through ``transition`` and the one table ``EDGES`` (a
``permitportal.core.state_machine.StateMachine``; ``Meeting.status`` is protected):
requested -> scheduled -> held, and requested or scheduled -> cancelled. Rescheduling keeps a
meeting scheduled (scheduled -> scheduled)."""

from permitportal.core.state_machine import Edge, StateMachine

from ..models import Meeting, MeetingEvent
from .errors import TransitionNotAllowed

M = Meeting.Status

EDGES = (
    Edge(M.REQUESTED, M.SCHEDULED, "The dialogue team books a time (Norway: within 2 weeks of the request, "
         "DOMAIN.md)."),
    Edge(M.REQUESTED, M.CANCELLED, "The applicant or the team cancels the request (staff give a reason)."),
    Edge(M.SCHEDULED, M.SCHEDULED, "Rescheduled: a new time, the calendar invitation's sequence raised."),
    Edge(M.SCHEDULED, M.HELD, "The meeting took place: minutes can be written."),
    Edge(M.SCHEDULED, M.CANCELLED, "The applicant or the team cancels the meeting (staff give a reason)."),
)


def record_event(*, meeting: Meeting, kind: str, actor=None, params: dict | None = None) -> MeetingEvent:
    return MeetingEvent.objects.create(meeting=meeting, kind=kind, params=params or {},
                                       actor=actor if getattr(actor, "pk", None) else None)


def _record_transition(meeting, from_status, to_status, actor, event=None, params=None):
    record_event(meeting=meeting, kind=event or to_status, actor=actor, params={"from": from_status, **(params or {})})


MACHINE = StateMachine(
    model=Meeting,
    edges=EDGES,
    timestamps={M.SCHEDULED: "scheduled_at", M.HELD: "held_at", M.CANCELLED: "cancelled_at"},
    restamp=True,  # a new time stamps scheduled_at again
    not_allowed=TransitionNotAllowed,
    record_event=_record_transition,
)

TRANSITIONS: dict[str, frozenset[str]] = MACHINE.table


def is_allowed(from_status: str, to_status: str) -> bool:
    return MACHINE.is_allowed(from_status, to_status)


def allowed_targets(meeting: Meeting) -> frozenset[str]:
    return MACHINE.allowed_targets(meeting)


def transition(*, meeting: Meeting, to: str, actor=None, event: str | None = None, params: dict | None = None,
               fields: dict | None = None) -> Meeting:
    """Move ``meeting`` to ``to`` (setting ``fields`` with it); lock the row, stamp the time, record the event."""
    return MACHINE.transition(obj=meeting, to=to, actor=actor, fields=fields, event=event, params=params)

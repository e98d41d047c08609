"""The table of a digital mandate's status (``Mandate.status``, protected by the state machine).

Kept beside the case's table (``transitions.py``) rather than in it, so that the case's edges stay one
list. A refusal is a ``MandateNotAllowed`` (409)."""

from django.utils.translation import gettext as _

from applications.models import Mandate
from applications.services import events
from permitportal.core.errors import NotAllowed
from permitportal.core.state_machine import Edge, StateMachine

M = Mandate.Status


class MandateNotAllowed(NotAllowed):
    pass


EDGES = (
    Edge(M.REQUESTED, M.GRANTED, "The owner, logged in with the owner's e-mail address, grants it."),
    Edge(M.REQUESTED, M.REFUSED, "The owner refuses it."),
    Edge(M.GRANTED, M.REVOKED, "The owner revokes it; it stops covering the cases at once."),
    Edge(M.REQUESTED, M.EXPIRED, "Its last day passed before the owner answered.", internal=True),
    Edge(M.GRANTED, M.EXPIRED, "Its last day passed (the daily sweep).", internal=True),
)


def _record_event(mandate, from_status, to_status, actor, **event):
    events.record(case=mandate.case, kind=f"mandate_{to_status}", actor=actor,
                  params={"agent": mandate.agent.get_full_name(), "until": mandate.valid_until.isoformat()})


def _not_allowed(mandate, to_status):
    return MandateNotAllowed(_("This mandate is %(status)s: it cannot be changed that way.")
                             % {"status": mandate.get_status_display().lower()})


MACHINE = StateMachine(
    model=Mandate, edges=EDGES, timestamps={M.GRANTED: "granted_at", M.REVOKED: "ended_at",
                                            M.REFUSED: "ended_at", M.EXPIRED: "ended_at"},
    record_event=_record_event, not_allowed=_not_allowed)

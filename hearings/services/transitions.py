"""The two tables of the hearings (``permitportal.core.state_machine``): a hearing is open until it is
closed (early by the caseworker when all have answered, or by the sweep after the deadline and the
grace period); an extension keeps it open. A party has answered or not; an answer can be changed
until the deadline (answered -> answered)."""

from permitportal.core.state_machine import Edge, StateMachine

from ..models import Hearing, HearingEvent, Party
from .errors import TransitionNotAllowed

H = Hearing.Status
P = Party.Status

HEARING_EDGES = (
    Edge(H.OPEN, H.OPEN, "Extended with a reason the applicant sees (a new deadline)."),
    Edge(H.OPEN, H.CLOSED, "Closed early by the caseworker when every party has answered."),
)
# The sweep closes a hearing whose deadline and grace period have passed: the same edge, taken by the
# system (services.sweep.close_expired); the table has one edge per pair of states.

PARTY_EDGES = (
    Edge(P.INVITED, P.ANSWERED, "The party answers through the link (late after the deadline, kept and marked)."),
    Edge(P.ANSWERED, P.ANSWERED, "The party changes the answer before the deadline."),
)


def _hearing_event(hearing, from_status, to_status, actor, kind=None, params=None):
    HearingEvent.objects.create(hearing=hearing, kind=kind or to_status, params={"from": from_status, **(params or {})},
                                actor=actor if getattr(actor, "pk", None) else None)


def _party_event(party, from_status, to_status, actor, kind=None, params=None):
    HearingEvent.objects.create(hearing_id=party.hearing_id, party=party, kind=kind or "answered",
                                params={"from": from_status, **(params or {})})


def _party_committed(party, from_status, to_status, actor):
    """After the commit: a party's first answer is told to the other apps (the parties' survey)."""
    if to_status == P.ANSWERED and from_status != P.ANSWERED:
        from hearings.signals import party_answered

        party_answered.send(sender=Party, party=party)


HEARING_MACHINE = StateMachine(model=Hearing, edges=HEARING_EDGES, timestamps={H.CLOSED: "closed_at"},
                               not_allowed=TransitionNotAllowed, record_event=_hearing_event)
PARTY_MACHINE = StateMachine(model=Party, edges=PARTY_EDGES, timestamps={P.ANSWERED: "answered_at"}, restamp=True,
                             not_allowed=TransitionNotAllowed, record_event=_party_event,
                             on_commit=_party_committed)


def transition_hearing(*, hearing: Hearing, to: str, actor=None, kind: str | None = None, params: dict | None = None,
                       fields: dict | None = None) -> Hearing:
    return HEARING_MACHINE.transition(obj=hearing, to=to, actor=actor, fields=fields, kind=kind, params=params)


def transition_party(*, party: Party, to: str, kind: str | None = None, params: dict | None = None,
                     fields: dict | None = None) -> Party:
    return PARTY_MACHINE.transition(obj=party, to=to, fields=fields, kind=kind, params=params)

"""Appeals against a decision: lodged within the appeal period, sent to the appeals body, ended by its
outcome. The appeal is its own small state machine (``APPEAL_EDGES``); the case follows through the case
table (``services.transitions``: decided → appealed → decided / closed / in review).

The rules and their sources:
- Who may appeal: the addressee of the decision and others with an individual, substantial interest in
  it, e.g. a neighbour (byggeloven § 23, stk. 3; BR18's guidance on case handling, 10.0 "Klage over
  kommunalbestyrelsens afgørelser", bygningsreglementet.dk). In the portal: the applicant (and their
  accepted representatives) and anyone a registered ``hooks.appeal_party_checkers`` accepts (the parties
  heard); staff record any other appeal that came by letter.
- When: within four weeks from the day the decision was made known (byggeloven § 24, stk. 1; same
  guidance, 10.0). ``settings.APPEAL_PERIOD_DAYS`` (28) is that period; ``decisions.appeal_deadline``
  the last day. After it: 409 with the day it ended.
- An appeal of the building act's part goes to Byggeklageenheden, of the planning act's part to
  Planklagenævnet (``decisions.appeal_bodies``).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from applications import hooks
from applications.models import Appeal, Case, Decision
from applications.services import events
from applications.services.transitions import transition
from permitportal.accounts import roles
from permitportal.core.errors import Invalid, NotAllowed
from permitportal.core.state_machine import Edge, StateMachine

A = Appeal.Status
S = Case.Status
GROUNDS_MAX = 10_000
NOTE_MAX = 2_000

APPEAL_EDGES = (
    Edge(A.LODGED, A.FORWARDED, "Staff send the appeal to the appeals body and record the day."),
    Edge(A.LODGED, A.WITHDRAWN, "The appellant withdraws the appeal before it is sent."),
    Edge(A.FORWARDED, A.UPHELD, "The appeals body upholds the decision."),
    Edge(A.FORWARDED, A.OVERTURNED, "The appeals body overturns the decision."),
    Edge(A.FORWARDED, A.REMITTED, "The appeals body remits the decision: the case returns to review."),
    Edge(A.FORWARDED, A.WITHDRAWN, "The appellant withdraws the appeal at the appeals body."),
)
OUTCOMES = (A.UPHELD, A.OVERTURNED, A.REMITTED, A.WITHDRAWN)


class AppealNotAllowed(NotAllowed):
    pass


class AppealInvalid(Invalid):
    pass


def _appeal_event(appeal, from_status, to_status, actor, **_event):
    params = {"appeal": appeal.pk, "from": from_status}
    if to_status == A.FORWARDED:
        params["date"] = appeal.sent_on.isoformat()
    events.record(case=appeal.case, kind=f"appeal:{to_status}", actor=actor, params=params)


def _appeal_signal(appeal, from_status, to_status, actor):
    from applications.tasks import enqueue, notify_appeal

    enqueue(notify_appeal, appeal.pk, to_status)


def _refused(appeal, to_status):
    return AppealNotAllowed(_("An appeal that is “%(current)s” cannot become “%(target)s”.")
                            % {"current": A(appeal.status).label, "target": A(to_status).label},
                            code="appeal_transition")


APPEAL_MACHINE = StateMachine(model=Appeal, edges=APPEAL_EDGES, timestamps={A.FORWARDED: "forwarded_at",
                              **{o: "ended_at" for o in OUTCOMES}}, not_allowed=_refused,
                              record_event=_appeal_event, on_commit=_appeal_signal)


def period_ended(*, decision: Decision, today=None) -> bool:
    from applications.services.decisions import appeal_deadline

    return (today or timezone.localdate()) > appeal_deadline(decision=decision)


def _check_in_time(*, case: Case, decision: Decision | None, received_on) -> Decision:
    from applications.services.decisions import appeal_deadline

    if decision is None or case.status not in (S.DECIDED, S.APPEALED):
        raise AppealNotAllowed(_("Only a decided case can be appealed."), code="not_decided")
    deadline = appeal_deadline(decision=decision)
    if received_on > deadline:
        raise AppealNotAllowed(_("The appeal period ended on %(date)s.") % {"date": date_format(deadline, "j F Y")},
                               code="appeal_period_ended")
    return decision


def may_appeal(*, case: Case, user) -> bool:
    """The applicant, an accepted representative or a party a registered checker accepts."""
    from applications.selectors.cases import cases_owned_by

    if cases_owned_by(user=user).filter(pk=case.pk).exists():
        return True
    return hooks.is_appeal_party(case=case, user=user)


def _clean_grounds(grounds: str) -> str:
    grounds = (grounds or "").strip()
    if not grounds:
        raise AppealInvalid(_("Write why you appeal the decision."))
    if len(grounds) > GROUNDS_MAX:
        raise AppealInvalid(_("Write the grounds in at most %(n)d characters.") % {"n": GROUNDS_MAX})
    return grounds


@transaction.atomic
def lodge_appeal(*, case: Case, actor, grounds: str, attachments=(), appellant_name: str = "",
                 appellant_email: str = "", received_on=None, by_letter: bool = False) -> Appeal:
    """Lodge an appeal in the portal (``actor`` appeals) or, ``by_letter``, record one staff received.
    The case stays open (``appealed``) while it runs."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    decision = Decision.objects.filter(case=case).first()
    today = timezone.localdate()
    if by_letter:
        if not roles.has_role(actor, roles.CASEWORKER, roles.MANAGER):
            raise PermissionError(_("Only caseworkers can record an appeal that came by letter."))
        appellant_name = (appellant_name or "").strip()[:200]
        if not appellant_name:
            raise AppealInvalid(_("Write who appealed."))
        received_on = received_on or today
        if received_on > today:
            raise AppealInvalid(_("The day the appeal was received cannot be in the future."))
        role = Appeal.Role.APPLICANT if appellant_email and appellant_email == case.applicant.email \
            else Appeal.Role.PARTY
        appellant = None
    else:
        if not may_appeal(case=case, user=actor):
            raise PermissionError(_("Only the applicant or a party to the case can appeal."))
        received_on, appellant = today, actor
        appellant_name = actor.get_full_name() or actor.email
        appellant_email = actor.email
        role = Appeal.Role.PARTY if hooks.is_appeal_party(case=case, user=actor) and \
            case.applicant_id != actor.pk else Appeal.Role.APPLICANT
    decision = _check_in_time(case=case, decision=decision, received_on=received_on)
    appeal = Appeal.objects.create(
        case=case, decision=decision, channel=Appeal.Channel.LETTER if by_letter else Appeal.Channel.PORTAL,
        role=role, appellant=appellant, appellant_name=appellant_name, appellant_email=appellant_email or "",
        grounds=_clean_grounds(grounds), received_on=received_on, recorded_by=actor if by_letter else None)
    if attachments:
        from applications.services.documents import store_attachment

        appeal.attachments.set([store_attachment(case=case, uploaded_file=f, actor=actor) for f in attachments])
    events.record(case=case, kind="appeal:lodged", actor=actor,
                  params={"appeal": appeal.pk, "date": received_on.isoformat()})
    if case.status == S.DECIDED:
        transition(case=case, to=S.APPEALED, actor=actor, event_params={"appeal": appeal.pk})
    from applications.services.advisories import raise_advisory

    raise_advisory(kind="appeal_lodged", case=case, params={"appeal": appeal.pk, "reference": case.reference},
                   dedupe_key=f"appeal_lodged:{appeal.pk}")
    from applications.tasks import enqueue, notify_appeal

    enqueue(notify_appeal, appeal.pk, A.LODGED)
    return appeal


def _staff(actor) -> None:
    if not roles.has_role(actor, roles.CASEWORKER, roles.MANAGER):
        raise PermissionError(_("Only caseworkers can record what happens to an appeal."))


@transaction.atomic
def record_forwarded(*, appeal: Appeal, actor, sent_on) -> Appeal:
    """Staff record the day the appeal was sent to the appeals body."""
    _staff(actor)
    if sent_on is None or sent_on > timezone.localdate():
        raise AppealInvalid(_("Give the day the appeal was sent; it cannot be in the future."))
    if sent_on < appeal.received_on:
        raise AppealInvalid(_("The appeal cannot have been sent before it was received."))
    return APPEAL_MACHINE.transition(obj=appeal, to=A.FORWARDED, actor=actor, fields={"sent_on": sent_on})


@transaction.atomic
def record_outcome(*, appeal: Appeal, actor, outcome: str, note: str = "") -> Appeal:
    """Staff record how the appeal ended. Remitted: the case returns to review with a new expected date
    and an event saying why. Otherwise, once no appeal is open, the case is decided again while the
    appeal period runs, or closed after it."""
    _staff(actor)
    if outcome not in OUTCOMES:
        raise AppealInvalid(_("Choose the outcome: upheld, overturned, remitted or withdrawn."))
    note = (note or "").strip()[:NOTE_MAX]
    case = Case.objects.select_for_update().get(pk=appeal.case_id)
    appeal = APPEAL_MACHINE.transition(obj=appeal, to=outcome, actor=actor, fields={"outcome_note": note})
    if case.status != S.APPEALED:
        return appeal
    if outcome == A.REMITTED:
        _remit(case=case, appeal=appeal, actor=actor, note=note)
    elif not Appeal.objects.filter(case=case, status__in=Appeal.OPEN).exists():
        from applications.services.after_decision import status_after_appeal_period

        ended = period_ended(decision=appeal.decision)
        target = status_after_appeal_period(case=case, decision=appeal.decision) if ended else S.DECIDED
        variant = {S.CLOSED: "closed", S.DECIDED: "open"}.get(target, "in_force")
        transition(case=case, to=target, actor=actor,
                   event_params={"appeal": appeal.pk, "variant": f"appeal_ended:{variant}"})
    return appeal


def _remit(*, case: Case, appeal: Appeal, actor, note: str) -> None:
    """The decision is kept as the case's remitted decision; a new one is made after a new review. Any
    other appeal still open stays open (and keeps the case from closing) until staff record its end."""
    decision = appeal.decision
    decision.remitted_case, decision.case = case, None
    decision.save(update_fields=["remitted_case", "case"])
    transition(case=case, to=S.IN_REVIEW, actor=actor,
               event_params={"appeal": appeal.pk, "variant": "appeal_remitted", "reason": note}, note=note)


def close_guard(queryset):
    """Cases the periodic close may close: none with an open appeal."""
    from django.db.models import Exists, OuterRef

    open_appeals = Appeal.objects.filter(case=OuterRef("pk"), status__in=Appeal.OPEN)
    return queryset.exclude(Exists(open_appeals))


def appeal_window(*, case: Case, today=None) -> dict | None:
    """The appeal period of the case's current decision: its last day and whether it is still open."""
    from applications.services.decisions import appeal_deadline

    decision = Decision.objects.filter(case=case).first()
    if decision is None:
        return None
    deadline = appeal_deadline(decision=decision)
    return {"deadline": deadline, "open": (today or timezone.localdate()) <= deadline}

"""The decision: outcome, conditions, reasons; a letter PDF in the applicant's language."""

import hashlib
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import hooks, signals
from applications.models import Case, Decision
from applications.services import clock
from applications.services.after_decision import what_follows
from applications.services.cases import CaseError
from applications.services.handling import require_claims_answered
from applications.services.transitions import TransitionNotAllowed, is_allowed, transition
from permitportal.accounts import roles
from permitportal.core.notifications import send_templated_email
from permitportal.core.pdf import render_pdf

S = Case.Status
Outcome = Decision.Outcome


# Who hears an appeal (the letter names the one that applies, never "one or the other"):
# - Decisions under the building act (byggeloven) and the rules made under it, BR18 included: building
#   permits, refusals, "no permit needed". Appeal to Nævnenes Hus, Byggeklageenheden, on legal questions
#   only, within 4 weeks (byggeloven § 23, stk. 1, and § 24; BR18's guidance on case handling, chapter 10
#   "Klage over kommunalbestyrelsens afgørelser", bygningsreglementet.dk; naevneneshus.dk, Byggeklageenheden,
#   "Det kan du klage over hos Byggeklageenheden").
# - What the decision rules under the planning act (planloven), e.g. a dispensation from the local plan or
#   whether the project is allowed by it: Planklagenævnet (naevneneshus.dk/start-din-klage/planklagenaevnet,
#   "Typiske sager"). The two are separate bodies: a decision under both acts is appealed to each for its
#   part (naevneneshus.dk, Byggeklageenheden, "Til klager").
BUILDING_ACT_BODY = "Byggeklageenheden"
PLANNING_ACT_BODY = "Planklagenævnet"


def appeal_bodies(*, decision: Decision) -> list[dict]:
    """The appeals bodies for this decision, each with the act whose part of the decision it hears."""
    bodies = [{"name": BUILDING_ACT_BODY, "act": "building_act"}]
    if decision.planning_act:
        bodies.append({"name": PLANNING_ACT_BODY, "act": "planning_act"})
    return bodies


def letter_language(*, case: Case) -> str:
    """The language the letter is written in: the applicant's."""
    return case.applicant.preferred_language or settings.LANGUAGE_CODE


def _checked_decision(*, case: Case, outcome: str, reasons: str, actor, conditions: str, guidance: str,
                      planning_act: bool) -> Decision:
    """The decision as it would be recorded (unsaved), or the reason it cannot be."""
    if not roles.has_role(actor, roles.CASEWORKER, roles.MANAGER):
        raise PermissionError(_("Only caseworkers can decide."))
    if not is_allowed(case.status, S.DECIDED):
        raise TransitionNotAllowed(case, S.DECIDED)
    if outcome not in Outcome.values:
        raise CaseError(_("Choose the outcome of the decision."))
    reasons, conditions, guidance = (reasons or "").strip(), (conditions or "").strip(), (guidance or "").strip()
    if not reasons:
        raise CaseError(_("Write the reasons for the decision."))
    if outcome == Outcome.GRANTED_WITH_CONDITIONS and not conditions:
        raise CaseError(_("Write the conditions of the permit."))
    if outcome == Outcome.REFUSED and not guidance:
        raise CaseError(_("A refusal must say concretely what the applicant could change to get a permit."))
    if Decision.objects.filter(case=case).exists():
        raise CaseError(_("The case has already been decided."))
    require_claims_answered(case=case, to_status=S.DECIDED)
    return Decision(case=case, outcome=outcome, reasons=reasons, conditions=conditions, guidance=guidance,
                    decided_by=actor, decided_at=timezone.now(), language=letter_language(case=case),
                    planning_act=bool(planning_act))


@transaction.atomic
def record_decision(*, case: Case, outcome: str, reasons: str, actor, conditions: str = "",
                    guidance: str = "", planning_act: bool = False) -> Decision:
    decision = _checked_decision(case=case, outcome=outcome, reasons=reasons, actor=actor, conditions=conditions,
                                 guidance=guidance, planning_act=planning_act)
    decision.save()
    transition(case=case, to=S.DECIDED, actor=actor, event_params={"outcome": outcome})
    from applications.tasks import enqueue, generate_decision_letter

    enqueue(generate_decision_letter, case.pk)
    transaction.on_commit(lambda: signals.case_decided.send(sender=Case, case=case, actor=actor, decision=decision))
    return decision


def preview_letter(*, case: Case, outcome: str, reasons: str, actor, conditions: str = "", guidance: str = "",
                   planning_act: bool = False) -> bytes:
    """The letter exactly as ``record_decision`` would send it, rendered without recording anything."""
    decision = _checked_decision(case=case, outcome=outcome, reasons=reasons, actor=actor, conditions=conditions,
                                 guidance=guidance, planning_act=planning_act)
    return render_letter(decision=decision)


def letter_context(*, decision: Decision) -> dict:
    case = decision.case
    booking = settings.SITE_URL + reverse("predialogue:request") + "?" + urlencode({"case": case.reference})
    return {"case": case, "decision": decision, "contact": settings.PORTAL_CONTACT_POINTS,
            "appeal_days": settings.APPEAL_PERIOD_DAYS, "appeal_deadline": appeal_deadline(decision=decision),
            "appeal_bodies": appeal_bodies(decision=decision), "booking_url": booking,
            "site_url": settings.SITE_URL, "follows": what_follows(decision=decision),
            "sections": hooks.sections_for("letter", case=case, user=None)}


def appeal_deadline(*, decision: Decision):
    """The appeal period after the decision day, on a working day (services.clock.appeal_deadline)."""
    return clock.appeal_deadline(timezone.localdate(decision.decided_at))


def appeal(*, decision: Decision, today=None) -> dict:
    """What the decided case's page says about appealing: by when, to whom, and whether that is still open."""
    deadline = appeal_deadline(decision=decision)
    names = [body["name"] for body in appeal_bodies(decision=decision)]
    if len(names) > 1:
        names = [_("%(first)s and %(second)s") % {"first": ", ".join(names[:-1]), "second": names[-1]}]
    return {"deadline": deadline, "bodies": names[0], "open": (today or timezone.localdate()) <= deadline}


def render_letter(*, decision: Decision) -> bytes:
    return render_pdf(template="applications/pdf/decision.html", context=letter_context(decision=decision),
                      language=decision.language)


def generate_letter(*, case_id: int) -> bool:
    """Render and store the letter once, then e-mail the applicant (idempotent)."""
    with transaction.atomic():
        decision = (Decision.objects.select_for_update(of=("self",))
                    .select_related("case", "case__applicant", "case__property", "case__application_type",
                                    "decided_by")
                    .get(case_id=case_id))
        if decision.letter:
            return False
        pdf = render_letter(decision=decision)
        decision.letter.save(f"{decision.case.reference}.pdf", ContentFile(pdf), save=False)
        decision.letter_sha256 = hashlib.sha256(pdf).hexdigest()
        decision.save(update_fields=["letter", "letter_sha256"])
        from applications.services import events

        events.record(case=decision.case, kind="decision_letter")
        case = decision.case
        link = settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference})
        transaction.on_commit(lambda: send_templated_email(
            to=[case.applicant.email], template="applications/email/decision",
            context={"case": case, "decision": decision, "link": link}, language=decision.language,
            attachments=[(f"{case.reference}-decision.pdf", pdf, "application/pdf")]))
        return True


def close_after_appeal_period(*, now=None) -> int:
    """Close decided cases whose appeal period ended without an open appeal (decided → closed), or, for a
    permit, put it in force (decided → permitted, or work started when the holder already reported it).
    A case with an open appeal is never closed here (``appeals.close_guard``); the appeal's end closes it.
    The period counts from the current decision (a remitted case's new decision starts a new one), and its
    deadline moves past weekends and public holidays (``clock.appeal_deadline``)."""
    from applications.services.after_decision import status_after_appeal_period
    from applications.services.appeals import close_guard

    today = timezone.localdate(now or timezone.now())
    cutoff = today - timedelta(days=settings.APPEAL_PERIOD_DAYS)
    count = 0
    for case in close_guard(Case.objects.filter(status=S.DECIDED, decision__decided_at__date__lt=cutoff)
                            .select_related("decision")):
        if clock.appeal_deadline(timezone.localdate(case.decision.decided_at)) >= today:
            continue  # the deadline fell on a weekend or holiday and runs to a working day not yet over
        transition(case=case, to=status_after_appeal_period(case=case, decision=case.decision))
        count += 1
    return count

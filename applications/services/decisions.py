"""The decision: outcome, conditions, reasons; a letter PDF in the applicant's language."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import signals
from applications.models import Case, Decision
from applications.services.cases import CaseError
from applications.services.transitions import TransitionNotAllowed, is_allowed, transition
from permitportal.accounts import roles
from permitportal.core.notifications import send_templated_email
from permitportal.core.pdf import render_pdf

S = Case.Status
Outcome = Decision.Outcome


@transaction.atomic
def record_decision(*, case: Case, outcome: str, reasons: str, actor, conditions: str = "",
                    guidance: str = "") -> Decision:
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
    decision = Decision.objects.create(case=case, outcome=outcome, reasons=reasons, conditions=conditions,
                                       guidance=guidance, decided_by=actor,
                                       language=case.applicant.preferred_language)
    transition(case=case, to=S.DECIDED, actor=actor, event_params={"outcome": outcome})
    from applications.tasks import enqueue, generate_decision_letter

    enqueue(generate_decision_letter, case.pk)
    transaction.on_commit(lambda: signals.case_decided.send(sender=Case, case=case, actor=actor, decision=decision))
    return decision


def letter_context(*, decision: Decision) -> dict:
    case = decision.case
    return {"case": case, "decision": decision, "contact": settings.PORTAL_CONTACT_POINTS,
            "appeal_days": settings.APPEAL_PERIOD_DAYS,
            "appeal_deadline": timezone.localdate(decision.decided_at) + timedelta(days=settings.APPEAL_PERIOD_DAYS),
            "site_url": settings.SITE_URL}


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
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.APPEAL_PERIOD_DAYS)
    count = 0
    for case in Case.objects.filter(status=S.DECIDED, decided_at__lt=cutoff):
        transition(case=case, to=S.CLOSED)
        count += 1
    return count

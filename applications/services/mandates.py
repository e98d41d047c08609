"""Digital mandates (fuldmagt): asked for by the applicant or a representative, granted, refused or
revoked by the owner, ended by their last day. A granted mandate satisfies the power-of-attorney
requirement on the cases it covers (``cases.refresh_checklist_state``); every change is a case event.

The requirement itself is municipal practice: "Fuldmagt fra den tinglyste ejer, når en anden end
ejeren søger" (catalogue source ``power-of-attorney``, e.g. Assens Kommune's guidance on what an
application needs); no paragraph of BR18 prescribes its form, so a digital mandate given by the owner
logged in serves as well as a scanned letter, which is still accepted."""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Case, Mandate
from applications.selectors.cases import cases_owned_by
from applications.selectors.mandates import mandate_for_owner
from applications.services.cases import CaseError, refresh_checklist_state
from applications.services.mandate_transitions import MACHINE, MandateNotAllowed
from applications.services.transitions import ensure_open
from permitportal.core.notifications import send_templated_email

M = Mandate.Status
MAX_DAYS = 3 * 365  # a mandate asked for longer than three years is refused: the owner should look again


def covered_cases(*, mandate: Mandate):
    """The cases a mandate covers: its case, or every case of its agent on its property."""
    if mandate.scope == Mandate.Scope.PROPERTY:
        return cases_owned_by(user=mandate.agent).filter(property_id=mandate.property_id)
    return Case.objects.filter(pk=mandate.case_id)


def _refresh(mandate: Mandate) -> None:
    for case in covered_cases(mandate=mandate):
        refresh_checklist_state(case=case)


@transaction.atomic
def request_mandate(*, case: Case, agent, scope: str, valid_until: date) -> Mandate:
    """The applicant or a representative asks the case's owner (``case.owner_email``) for a mandate; not
    on a finished case (409)."""
    ensure_open(case)
    if not cases_owned_by(user=agent).filter(pk=case.pk).exists():
        raise MandateNotAllowed(_("Only the applicant or a representative can ask for a mandate."))
    if case.applying_for != Case.ApplyingFor.OTHER or not case.owner_email:
        raise CaseError(_("Give the owner's name and e-mail address on the application first."))
    if scope not in Mandate.Scope.values:
        raise CaseError(_("Choose what the mandate covers."))
    today = timezone.localdate()
    if not today <= valid_until <= today + timedelta(days=MAX_DAYS):
        raise CaseError(_("Choose a last day from today and at most three years ahead."))
    if case.mandates.filter(agent=agent, status__in=[M.REQUESTED, M.GRANTED]).exists():
        raise MandateNotAllowed(_("You have already asked for a mandate on this case."))
    mandate = Mandate.objects.create(case=case, property_id=case.property_id, scope=scope, agent=agent,
                                     owner_email=case.owner_email.lower(), valid_until=valid_until)
    link = settings.SITE_URL + reverse("applications:mandate", kwargs={"token": mandate.token})
    transaction.on_commit(lambda: send_templated_email(
        to=[mandate.owner_email], template="applications/email/mandate_request",
        context={"mandate": mandate, "case": case, "link": link}, language=case.applicant.preferred_language))
    return mandate


@transaction.atomic
def grant_mandate(*, token: str, user) -> Mandate:
    mandate = mandate_for_owner(token=token, user=user)
    if mandate.status == M.REQUESTED and mandate.valid_until < timezone.localdate():
        MACHINE.transition(obj=mandate, to=M.EXPIRED)
        raise MandateNotAllowed(_("This mandate's last day has passed. Ask for a new one."))
    MACHINE.transition(obj=mandate, to=M.GRANTED, actor=user, fields={"owner": user})
    _refresh(mandate)
    return mandate


@transaction.atomic
def refuse_mandate(*, token: str, user) -> Mandate:
    mandate = mandate_for_owner(token=token, user=user)
    MACHINE.transition(obj=mandate, to=M.REFUSED, actor=user, fields={"owner": user})
    return mandate


@transaction.atomic
def revoke_mandate(*, mandate_id: int, user, case_reference: str | None = None) -> Mandate:
    mandates = Mandate.objects.select_related("case", "agent").filter(pk=mandate_id, owner=user)
    if case_reference is not None:
        mandates = mandates.filter(case__reference=case_reference)
    mandate = mandates.first()
    if mandate is None:
        raise MandateNotAllowed(_("Only the owner who granted a mandate can revoke it."))
    MACHINE.transition(obj=mandate, to=M.REVOKED, actor=user)
    _refresh(mandate)
    return mandate


def expire_mandates(*, today: date | None = None) -> int:
    """The daily sweep: mandates whose last day has passed end (idempotent). Returns how many ended."""
    today = today or timezone.localdate()
    ended = 0
    for mandate in Mandate.objects.select_related("case", "agent").filter(
            status__in=[M.REQUESTED, M.GRANTED], valid_until__lt=today):
        with transaction.atomic():
            try:
                MACHINE.transition(obj=mandate, to=M.EXPIRED)
            except MandateNotAllowed:
                continue  # answered meanwhile
            _refresh(mandate)
            ended += 1
    return ended

"""Caseworker actions on a case. Each is one transaction; status changes go through transitions."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applications.models import (
    Advisory,
    ApplicationType,
    Case,
    ChecklistItem,
    Document,
    InformationRequest,
    InternalNote,
)
from applications.services import events
from applications.services.advisories import raise_advisory
from applications.services.cases import CaseError, recompute_checklist, refresh_checklist_state
from applications.services.transitions import FINISHED, TransitionNotAllowed, ensure_open, is_allowed, transition
from permitportal.accounts import roles
from permitportal.accounts.models import User
from permitportal.core.errors import NotAllowed

S = Case.Status


class ClaimsUnanswered(TransitionNotAllowed):
    """The applicant says a document is not relevant and the caseworker has not answered yet: the
    case cannot become complete, be reviewed or be decided until they have (the API answers 409)."""

    def __init__(self, case, to_status, items):
        self.case, self.to_status = case, to_status
        self.requirements = [item.requirement.code for item in items]
        titles = ", ".join(item.requirement.title for item in items)
        NotAllowed.__init__(self, ngettext(
            "First accept or reject the applicant's claim that this document is not relevant: %(titles)s.",
            "First accept or reject the applicant's claims that these documents are not relevant: %(titles)s.",
            len(items)) % {"titles": titles}, code="claims_unanswered", requirements=self.requirements)


def unanswered_claims(*, case: Case) -> list[ChecklistItem]:
    """Active items the applicant marked not relevant, still without a document and without the
    caseworker's answer."""
    return list(ChecklistItem.objects.filter(case=case, is_active=True, not_relevant_claim=ChecklistItem.Claim.PENDING,
                                             state=ChecklistItem.State.NOT_RELEVANT)
                .select_related("requirement").order_by("-required", "requirement__order"))


def require_claims_answered(*, case: Case, to_status: str) -> None:
    """Raise ``ClaimsUnanswered`` naming every claim still waiting for the caseworker."""
    pending = unanswered_claims(case=case)
    if pending:
        raise ClaimsUnanswered(case, to_status, pending)


def _require_staff(actor, *allowed):
    if not roles.has_role(actor, *(allowed or (roles.CASEWORKER, roles.MANAGER))):
        raise PermissionError(_("Only caseworkers can do this."))


@transaction.atomic
def assign(*, case: Case, caseworker: User, actor) -> Case:
    _require_staff(actor)
    ensure_open(case)
    if not roles.has_role(caseworker, roles.CASEWORKER, roles.MANAGER):
        raise CaseError(_("%(email)s is not a caseworker.") % {"email": caseworker.email})
    if not caseworker.municipalities.filter(pk=case.property.municipality_id).exists():
        raise CaseError(_("%(email)s does not work for the municipality that handles this case.")
                        % {"email": caseworker.email})
    if case.status == S.DRAFT:
        raise NotAllowed(_("Only a case that is being handled can be assigned."))
    if case.caseworker_id == caseworker.pk:
        return case
    Case.objects.filter(pk=case.pk).update(caseworker=caseworker)
    case.caseworker = caseworker
    events.record(case=case, kind="assigned", actor=actor, params={"name": caseworker.get_full_name()})
    return case


@transaction.atomic
def bulk_assign(*, references: list[str], caseworker: User, actor) -> int:
    _require_staff(actor, roles.MANAGER)
    count = 0
    from applications.selectors.cases import staff_cases

    for case in (staff_cases(user=actor).filter(reference__in=references).exclude(status__in=FINISHED)
                 .select_related("property")):
        assign(case=case, caseworker=caseworker, actor=actor)
        count += 1
    return count


@transaction.atomic
def mark_complete(*, case: Case, actor) -> Case:
    _require_staff(actor)
    if not is_allowed(case.status, S.COMPLETE):
        raise TransitionNotAllowed(case, S.COMPLETE)
    pending = ChecklistItem.objects.filter(case=case, is_active=True, required=True).filter(
        state=ChecklistItem.State.MISSING).count()
    if pending:
        raise CaseError(_("%(count)d required documents are still missing. Request them first.") % {"count": pending})
    require_claims_answered(case=case, to_status=S.COMPLETE)
    _cancel_open_requests(case)
    return transition(case=case, to=S.COMPLETE, actor=actor)


def _cancel_open_requests(case: Case) -> None:
    """The case leaves "awaiting information" by a caseworker's decision: the open request is closed."""
    InformationRequest.objects.filter(case=case, state=InformationRequest.State.OPEN).update(
        state=InformationRequest.State.CANCELLED)


@transaction.atomic
def start_review(*, case: Case, actor) -> Case:
    _require_staff(actor)
    if not is_allowed(case.status, S.IN_REVIEW):
        raise TransitionNotAllowed(case, S.IN_REVIEW)
    require_claims_answered(case=case, to_status=S.IN_REVIEW)
    if case.caseworker_id is None:
        assign(case=case, caseworker=actor, actor=actor)
    _cancel_open_requests(case)
    return transition(case=case, to=S.IN_REVIEW, actor=actor)


@transaction.atomic
def withdraw(*, case: Case, actor, reason: str = "") -> Case:
    """Withdraw at the applicant's request (by the applicant, or by staff on their behalf)."""
    from applications.selectors.cases import cases_owned_by

    reason = (reason or "").strip()
    is_owner = cases_owned_by(user=actor).filter(pk=case.pk).exists()
    if not is_owner:
        _require_staff(actor)
    if not is_allowed(case.status, S.WITHDRAWN):
        raise TransitionNotAllowed(case, S.WITHDRAWN)
    if not is_owner and not reason:
        raise CaseError(_("Write how the applicant asked to withdraw the application, and when."))
    _cancel_open_requests(case)
    return transition(case=case, to=S.WITHDRAWN, actor=actor, note=reason)


@transaction.atomic
def change_type(*, case: Case, application_type: ApplicationType, actor):
    """Change the application type without the applicant starting over; the checklist is
    recomputed, the applicant told what is now needed, and the case screened again."""
    _require_staff(actor)
    ensure_open(case)
    if case.status == S.DRAFT:
        raise NotAllowed(_("The type can only be changed on a case that is being handled."))
    if not application_type.is_active:
        raise CaseError(_("This application type is no longer in use. Choose another."))
    if case.application_type_id == application_type.pk:
        raise CaseError(_("The case already has this type."))
    old = case.application_type
    Case.objects.filter(pk=case.pk).update(application_type=application_type)
    case.application_type = application_type
    changes = recompute_checklist(case=case)
    events.record(case=case, kind="type_changed", actor=actor,
                  params={**events.names("type", [application_type], "name"), "from": old.code if old else None,
                          "added": [r.code for r in changes.added + changes.now_required],
                          "removed": [r.code for r in changes.removed]})
    from applications.services import clock

    case.expected_decision_date = (Case.objects.select_for_update().values_list("expected_decision_date", flat=True)
                                   .get(pk=case.pk))
    clock.change_target(case=case, old_type=old, new_type=application_type, actor=actor)
    Case.objects.filter(pk=case.pk).update(expected_decision_date=case.expected_decision_date,
                                           service_target_days=case.service_target_days)
    from applications.tasks import enqueue, screen_case

    enqueue(screen_case, case.pk, "type_change")
    transaction.on_commit(lambda: _tell_applicant_type_changed(case, changes))
    return changes


def _tell_applicant_type_changed(case, changes):
    from django.conf import settings
    from django.urls import reverse

    from permitportal.core.notifications import send_templated_email

    link = settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference})
    send_templated_email(to=[case.applicant.email], template="applications/email/type_changed",
                         context={"case": case, "changes": changes, "link": link},
                         language=case.applicant.preferred_language)


@transaction.atomic
def decide_not_relevant_claim(*, case: Case, requirement_code: str, accept: bool, actor) -> ChecklistItem:
    _require_staff(actor)
    ensure_open(case)
    try:
        item = ChecklistItem.objects.select_related("requirement").get(case=case, requirement__code=requirement_code)
    except ChecklistItem.DoesNotExist as exc:
        raise CaseError(_("This document is not on the case's checklist.")) from exc
    if not item.not_relevant_reason:
        raise CaseError(_("The applicant has not marked this document as not relevant."))
    item.not_relevant_claim = ChecklistItem.Claim.ACCEPTED if accept else ChecklistItem.Claim.REJECTED
    item.save(update_fields=["not_relevant_claim"])
    refresh_checklist_state(case=case)
    events.record(case=case, kind="claim_accepted" if accept else "claim_rejected", actor=actor,
                  params={**events.names("requirement", [item.requirement], "title"), "code": requirement_code})
    return item


def add_internal_note(*, case: Case, text: str, actor) -> InternalNote:
    _require_staff(actor, roles.CASEWORKER, roles.MANAGER, roles.DIALOGUE_TEAM)
    text = (text or "").strip()
    if not text:
        raise CaseError(_("Write the note first."))
    return InternalNote.objects.create(case=case, author=actor, text=text)


def after_document_added(*, case: Case, document: Document, actor) -> None:
    """Called by the documents service after every upload: refresh the checklist; on a case after
    submission advise the caseworker at once, answer an open request when it is complete, and
    screen again."""
    from applications.services import cases

    cases.refresh_checklist_state(case=case)
    if case.status == S.DRAFT:
        return
    raise_advisory(kind=Advisory.Kind.SUPPLEMENTARY_MATERIAL, case=case, dedupe_key=f"doc:{document.pk}",
                   params={"name": document.original_name})
    from applications.services import requests
    from applications.tasks import enqueue, screen_case

    if case.status == S.AWAITING_INFORMATION and requests.answer_request(case=case, actor=actor):
        return  # answering enqueues the screening
    enqueue(screen_case, case.pk, "upload")

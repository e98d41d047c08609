"""Information requests: opening one pauses the clock; the applicant's upload answers it."""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import hooks, signals
from applications.models import (
    Advisory,
    Case,
    ChecklistItem,
    Document,
    DocumentRequirement,
    InformationRequest,
    InformationRequestItem,
)
from applications.services import events
from applications.services.advisories import raise_advisory
from applications.services.cases import CaseError, refresh_checklist_state
from applications.services.transitions import TransitionNotAllowed, ensure_open, is_allowed, transition

S = Case.Status


def default_due_date() -> date:
    """INFORMATION_REQUEST_DAYS from today, on a working day (never a weekend or a Danish public holiday)."""
    from applications.services.clock import due_in

    return due_in(settings.INFORMATION_REQUEST_DAYS)


@transaction.atomic
def open_information_request(*, case: Case, items: list[str], message: str, due_date: date | None, kind: str,
                             actor, notes: dict | None = None, acknowledge_warnings: bool = True
                             ) -> InformationRequest:
    """Send a request to the applicant: the case waits for information and the clock pauses."""
    if not is_allowed(case.status, S.AWAITING_INFORMATION):
        raise TransitionNotAllowed(case, S.AWAITING_INFORMATION)
    message = (message or "").strip()
    if kind not in InformationRequest.Kind.values:
        raise CaseError(_("Choose the kind of request."))
    if not items and not message:
        raise CaseError(_("Say what you need: pick documents from the list or write a message."))
    due_date = due_date or default_due_date()
    if due_date <= timezone.localdate():
        raise CaseError(_("The due date must be after today."))
    from applications.services.clock import next_working_day

    due_date = next_working_day(due_date)  # a due date on a weekend or public holiday runs to the next working day
    requirements = list(DocumentRequirement.objects.filter(code__in=items))
    unknown = set(items) - {r.code for r in requirements}
    if unknown:
        raise CaseError(_("Unknown documents: %(codes)s.") % {"codes": ", ".join(sorted(unknown))})
    warnings = continuity_warnings(case=case, requirement_codes=[r.code for r in requirements])
    if warnings and not acknowledge_warnings:
        raise ContinuityWarning(warnings)
    # A draft from screening becomes the sent request; otherwise a new one.
    request = InformationRequest.objects.filter(case=case, state=InformationRequest.State.DRAFT).first()
    if request is None:
        request = InformationRequest(case=case, created_by=actor)
    request.kind, request.message, request.due_date = kind, message, due_date
    request.state = InformationRequest.State.OPEN
    request.sent_at = timezone.now()
    request.status_before = case.status
    request.continuity_warning = bool(warnings)
    request.created_by = request.created_by or actor
    request.save()
    request.items.all().delete()
    InformationRequestItem.objects.bulk_create([
        InformationRequestItem(request=request, requirement=r, note=(notes or {}).get(r.code, "")[:500])
        for r in requirements])
    # Requested documents must be (re)sent: they go back on the checklist as required, and a
    # "not relevant" claim on them is no longer accepted (the applicant may claim again, with a reason).
    for requirement in requirements:
        item, _created = ChecklistItem.objects.get_or_create(case=case, requirement=requirement,
                                                             defaults={"required": True})
        changed = []
        if not item.is_active or not item.required:
            item.is_active, item.required = True, True
            changed += ["is_active", "required"]
        if item.not_relevant_reason and item.not_relevant_claim != ChecklistItem.Claim.REJECTED:
            item.not_relevant_claim = ChecklistItem.Claim.REJECTED
            changed.append("not_relevant_claim")
        if changed:
            item.save(update_fields=changed)
    refresh_checklist_state(case=case)
    transition(case=case, to=S.AWAITING_INFORMATION, actor=actor, note=_("Information request sent"))
    titles = events.names("items", requirements, "title") if requirements else {"items": message[:200]}
    events.record(case=case, kind="information_requested", actor=actor,
                  params={**titles, "due": due_date.isoformat(), "request": request.pk})
    transaction.on_commit(lambda: signals.information_requested.send(sender=Case, case=case, actor=actor,
                                                                     request=request))
    return request


class ContinuityWarning(CaseError):
    def __init__(self, warnings: list[str]):
        self.warnings = warnings
        super().__init__(" ".join(warnings), code="continuity_warning", warnings=warnings)


def continuity_warnings(*, case: Case, requirement_codes: list[str]) -> list[str]:
    return hooks.continuity_warnings(case=case, requirement_codes=requirement_codes)


def open_request(*, case: Case) -> InformationRequest | None:
    return (InformationRequest.objects.filter(case=case, state=InformationRequest.State.OPEN)
            .prefetch_related("items__requirement").first())


def is_fully_answered(*, request: InformationRequest) -> bool:
    """Every requested document has a new upload since the request, or is marked not relevant."""
    codes = [i.requirement_id for i in request.items.all()]
    if not codes:
        return False
    fresh = set(Document.objects.filter(case=request.case, requirement_id__in=codes, superseded_at__isnull=True,
                                        uploaded_at__gte=request.sent_at).values_list("requirement_id", flat=True))
    claimed = set(ChecklistItem.objects.filter(case=request.case, requirement_id__in=codes)
                  .exclude(not_relevant_reason="").exclude(not_relevant_claim=ChecklistItem.Claim.REJECTED)
                  .values_list("requirement_id", flat=True))
    return set(codes) <= (fresh | claimed)


@transaction.atomic
def answer_request(*, case: Case, actor, force: bool = False) -> InformationRequest | None:
    """Close the open request when it is fully answered (or when the applicant says so) and move the
    case back to where it was; screening runs again and the caseworker is advised."""
    if force:  # the applicant's "I have answered": nothing to answer on a finished case (409)
        ensure_open(case)
    request = open_request(case=case)
    if request is None:
        return None
    if not force and not is_fully_answered(request=request):
        return None
    request.state = InformationRequest.State.ANSWERED
    request.answered_at = timezone.now()
    request.save(update_fields=["state", "answered_at"])
    back_to = request.status_before if request.status_before in (S.SUBMITTED, S.COMPLETE, S.IN_REVIEW) else S.SUBMITTED
    if case.status == S.AWAITING_INFORMATION:
        transition(case=case, to=back_to, actor=actor)
    events.record(case=case, kind="information_answered", actor=actor, params={"request": request.pk})
    # The text is chosen when the advisory is read, in the reader's language (texts.ADVISORY_TEXT).
    raise_advisory(kind=Advisory.Kind.SUPPLEMENTARY_MATERIAL, case=case, dedupe_key=f"answered:{request.pk}",
                   params={"text": "request_answered", "request": request.pk})
    from applications.tasks import enqueue, screen_case

    enqueue(screen_case, case.pk, "upload")
    return request

"""Writes for cases: drafts, the checklist, "not relevant" claims, submission, extensions and the link to
a pre-application meeting. Representatives: services.representatives; draft expiry: services.draft_expiry."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from applications import signals
from applications.models import ApplicationType, Case, ChecklistItem, Property, ReferenceCounter
from applications.selectors.mandates import POWER_OF_ATTORNEY, has_granted_mandate
from applications.services import events
from applications.services.transitions import MACHINE, ensure_open
from permitportal.core.errors import Invalid, NotAllowed

S = Case.Status


class CaseError(Invalid):
    """A problem a person can act on; the message says what to do (the API answers 400)."""


@dataclass
class MissingItem:
    code: str
    title: str
    anchor: str
    kind: str  # "requirement" or "field"


@dataclass
class ChecklistChanges:
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    now_required: list = field(default_factory=list)
    now_optional: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.added or self.removed or self.now_required or self.now_optional)


class SubmissionIncomplete(CaseError):
    """400 with ``missing``: what to upload or mark as not relevant first."""

    def __init__(self, missing: list[MissingItem]):
        self.missing = missing
        super().__init__(
            _("The application cannot be sent yet. Upload or mark as not relevant: %(items)s.")
            % {"items": "; ".join(m.title for m in missing)},
            code="incomplete",
            missing=[{"code": m.code, "title": str(m.title), "kind": m.kind} for m in missing],
        )


def draft_lifetime() -> timedelta:
    return timedelta(days=getattr(settings, "DRAFT_LIFETIME_DAYS", 90))


def next_reference(*, year: int) -> str:
    """B-2026-00042: numbered per year, gap-free under concurrency (row lock on the counter)."""
    with transaction.atomic():
        ReferenceCounter.objects.get_or_create(year=year)
        counter = ReferenceCounter.objects.select_for_update().get(year=year)
        counter.last = F("last") + 1
        counter.save(update_fields=["last"])
        counter.refresh_from_db()
        return f"B-{year}-{counter.last:05d}"


def _facts(case: Case) -> dict:
    from applications.services.guide import facts_for

    return facts_for(answers=case.answers or {}, property=case.property, applying_for=case.applying_for)


# The project's size in numbers, asked on the first step: the facts the guide asked about in ranges.
PROJECT_FACTS = ("built_area_m2", "height_m", "storeys", "heated_area_m2")


@transaction.atomic
def create_draft(*, applicant, property: Property, application_type: ApplicationType | None = None,
                 answers: dict | None = None, applying_for: str = Case.ApplyingFor.SELF, description: str = "",
                 customer_group: str | None = None, predialogue_meeting_id: int | None = None,
                 firm=None) -> Case:
    """A new draft. With ``firm`` (one the applicant is a current member of) the case belongs to the firm: its
    members see and work on it, and its customer group is "professional" (issue 20)."""
    from applications.services.catalogue import current_version

    if firm is not None:
        from permitportal.accounts.models import FirmMembership

        if not FirmMembership.objects.filter(firm=firm, user=applicant, left_at__isnull=True).exists():
            raise CaseError(_("You can apply on behalf of a firm only while you are one of its members."))
        customer_group = Case.CustomerGroup.PROFESSIONAL
    if applying_for not in Case.ApplyingFor.values:
        raise CaseError(_("Choose whether you apply for yourself or for someone else."))
    if predialogue_meeting_id is not None:  # only a meeting of this applicant's (issue 14, item 7)
        from applications.hooks import meeting_link_problem

        problem = meeting_link_problem(meeting_id=predialogue_meeting_id, applicant=applicant, property=property)
        if problem:
            raise CaseError(problem)
    if application_type is None:
        application_type = _type_from_answers(answers or {}, property)
    now = timezone.now()
    case = Case.objects.create(
        reference=next_reference(year=timezone.localdate(now).year),
        property=property,
        application_type=application_type,
        answers=answers or {},
        catalogue_version=current_version(),
        description=description,
        applicant=applicant,
        applying_for=applying_for,
        customer_group=customer_group
        or (Case.CustomerGroup.PROFESSIONAL if applying_for == Case.ApplyingFor.OTHER else Case.CustomerGroup.OWNER),
        draft_expires_at=now + draft_lifetime(),
        firm=firm,
    )
    if predialogue_meeting_id is not None:
        from applications.hooks import link_meeting

        link_meeting(case=case, meeting_id=predialogue_meeting_id)
    events.record(case=case, kind="created", actor=applicant)
    recompute_checklist(case=case)
    return case


def _type_from_answers(answers: dict, property: Property) -> ApplicationType:
    from applications.services.guide import evaluate_guide

    try:
        result = evaluate_guide(answers=answers, property=property)
    except ValueError as exc:
        raise CaseError(str(exc)) from exc
    outcome = result.get("outcome")
    if not outcome:
        raise CaseError(_("Answer all the questions in the guide first, or choose an application type."))
    if outcome["kind"] != "application" or not outcome.get("application_type"):
        raise CaseError(_("Your answers do not lead to an application, so there is nothing to apply for."))
    return ApplicationType.objects.get(code=outcome["application_type"])


def _touch_draft(case: Case) -> list[str]:
    if case.status == S.DRAFT:
        case.draft_expires_at = timezone.now() + draft_lifetime()
        return ["draft_expires_at"]
    return []


@transaction.atomic
def update_draft(*, case: Case, actor, description: str | None = None, applying_for: str | None = None,
                 owner_name: str | None = None, owner_email: str | None = None,
                 customer_group: str | None = None, project_facts: dict | None = None) -> Case:
    """Save the applicant's answers on the draft (every step saves). ``project_facts``: the project's size in
    numbers (PROJECT_FACTS), kept as data for the caseworker."""
    if case.status != S.DRAFT:
        raise CaseError(_("The application has been sent; its answers can no longer be changed here."))
    fields = []
    if project_facts is not None:
        if set(project_facts) - set(PROJECT_FACTS) or any(
                isinstance(v, bool) or not isinstance(v, int | float) or v < 0 for v in project_facts.values()):
            raise CaseError(_("Give the project's size as numbers."))
        case.project_facts = dict(project_facts)
        fields.append("project_facts")
    for name, value in (("description", description), ("owner_name", owner_name), ("owner_email", owner_email)):
        if value is not None:
            setattr(case, name, value.strip())
            fields.append(name)
    if customer_group is not None:
        if customer_group not in Case.CustomerGroup.values:
            raise CaseError(_("Choose who you are."))
        # A firm's case is a professional's: the dashboard's customer group follows the firm (issue 20).
        case.customer_group = Case.CustomerGroup.PROFESSIONAL if case.firm_id else customer_group
        fields.append("customer_group")
    recompute = False
    if applying_for is not None and applying_for != case.applying_for:
        if applying_for not in Case.ApplyingFor.values:
            raise CaseError(_("Choose whether you apply for yourself or for someone else."))
        case.applying_for = applying_for
        fields.append("applying_for")
        recompute = True
    fields += _touch_draft(case)
    case.save(update_fields=fields + ["updated_at"])
    if recompute:
        recompute_checklist(case=case)
    return case


@transaction.atomic
def change_draft_answers(*, case: Case, actor, property: Property, answers: dict, applying_for: str) -> Case:
    """The guide reopened from "check your answers" comes back with the property, answers and who the applicant
    applies for: the draft takes them, its type follows the answers, and its checklist follows the type (uploads
    and claims for documents still asked for are kept)."""
    if case.status != S.DRAFT:
        raise CaseError(_("The application has been sent; its answers can no longer be changed here."))
    if applying_for not in Case.ApplyingFor.values:
        raise CaseError(_("Choose whether you apply for yourself or for someone else."))
    case.application_type = _type_from_answers(answers, property)
    case.property, case.answers, case.applying_for = property, answers, applying_for
    fields = ["application_type", "property", "answers", "applying_for", *_touch_draft(case)]
    case.save(update_fields=fields + ["updated_at"])
    recompute_checklist(case=case)
    return case


@transaction.atomic
def recompute_checklist(*, case: Case) -> ChecklistChanges:
    """Bring the checklist in line with the type's rules and the case's facts; keep uploads and claims."""
    from applications.services.catalogue import requirements_for

    changes = ChecklistChanges()
    wanted = {}
    if case.application_type_id:
        wanted = {req.pk: (req, required) for req, required in
                  requirements_for(application_type=case.application_type, facts=_facts(case),
                                   municipality_id=case.property.municipality_id)}
    existing = {item.requirement_id: item for item in ChecklistItem.objects.filter(case=case)
                .select_related("requirement")}
    for req_id, (req, required) in wanted.items():
        item = existing.get(req_id)
        if item is None:
            ChecklistItem.objects.create(case=case, requirement=req, required=required)
            changes.added.append(req)
        elif not item.is_active or item.required != required:
            if not item.is_active:
                changes.added.append(req)
            elif required:
                changes.now_required.append(req)
            else:
                changes.now_optional.append(req)
            item.is_active = True
            item.required = required
            item.save(update_fields=["is_active", "required"])
    for req_id, item in existing.items():
        # Documents promised at a pre-application meeting stay, whatever the type's rules say.
        if req_id not in wanted and item.is_active and item.agreed_at_meeting is None:
            item.is_active = False
            item.save(update_fields=["is_active"])
            changes.removed.append(item.requirement)
    refresh_checklist_state(case=case)
    return changes


def refresh_checklist_state(*, case: Case) -> None:
    """Each item is "uploaded" while a current document exists for it, the power of attorney "covered by
    a digital mandate" while a granted mandate covers the case, "not relevant" while claimed (and not
    rejected), otherwise "missing"."""
    with_docs = set(
        case.documents.filter(superseded_at__isnull=True, requirement__isnull=False)
        .values_list("requirement_id", flat=True)
    )
    mandate = has_granted_mandate(case=case)
    for item in ChecklistItem.objects.filter(case=case).select_related("requirement"):
        if item.requirement_id in with_docs:
            state = ChecklistItem.State.UPLOADED
        elif mandate and item.requirement.code == POWER_OF_ATTORNEY:
            state = ChecklistItem.State.MANDATE
        elif item.not_relevant_reason and item.not_relevant_claim != ChecklistItem.Claim.REJECTED:
            state = ChecklistItem.State.NOT_RELEVANT
        else:
            state = ChecklistItem.State.MISSING
        if item.state != state:
            item.state = state
            item.save(update_fields=["state"])


@transaction.atomic
def mark_not_relevant(*, case: Case, requirement_code: str, reason: str, actor) -> ChecklistItem:
    ensure_open(case)
    reason = (reason or "").strip()
    if len(reason) < 10:
        raise CaseError(_("Tell us in a sentence why this document is not relevant for your project."))
    try:
        item = ChecklistItem.objects.select_related("requirement").get(
            case=case, requirement__code=requirement_code, is_active=True)
    except ChecklistItem.DoesNotExist as exc:
        raise CaseError(_("This document is not on the case's checklist.")) from exc
    item.not_relevant_reason = reason
    item.not_relevant_claim = ChecklistItem.Claim.PENDING
    item.save(update_fields=["not_relevant_reason", "not_relevant_claim"])
    events.record(case=case, kind="not_relevant", actor=actor,
                  params={**events.names("requirement", [item.requirement], "title"), "code": requirement_code,
                          "reason": reason})
    refresh_checklist_state(case=case)
    item.refresh_from_db()
    if _touch_draft(case):
        case.save(update_fields=["draft_expires_at"])
    return item


@transaction.atomic
def withdraw_not_relevant(*, case: Case, requirement_code: str, actor) -> None:
    ensure_open(case)
    ChecklistItem.objects.filter(case=case, requirement__code=requirement_code).update(
        not_relevant_reason="", not_relevant_claim="")
    refresh_checklist_state(case=case)


def missing_for_submission(*, case: Case) -> list[MissingItem]:
    """What stops the case from being sent: required items neither uploaded nor marked not relevant,
    and required form fields."""
    missing = []
    if not case.application_type_id:
        missing.append(MissingItem("application_type", _("Application type"), "type", "field"))
    if not (case.description or "").strip():
        missing.append(MissingItem("description", _("Description of the project"), "id_description", "field"))
    if case.applying_for == Case.ApplyingFor.OTHER and not (case.owner_name and case.owner_email):
        missing.append(MissingItem("owner", _("The owner's name and e-mail"), "id_owner_name", "field"))
    items = (ChecklistItem.objects.filter(case=case, is_active=True, required=True,
                                          state=ChecklistItem.State.MISSING)
             .select_related("requirement").order_by("requirement__order"))
    for item in items:
        missing.append(MissingItem(item.requirement.code, item.requirement.title, f"req-{item.requirement.code}",
                                   "requirement"))
    return missing


@transaction.atomic
def submit(*, case: Case, actor) -> Case:
    """Send the application: refused while anything required is missing.

    The row is locked first, so of simultaneous submissions of one draft exactly one sends it and the
    others are refused with ``NotAllowed`` (409); on SQLite the immediate transaction does the same."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.status != S.DRAFT:
        raise NotAllowed(_("This application has already been sent."))
    if locked.assisted_by_id and locked.assisted_confirmed_at is None:
        # An assisted draft is sent by its applicant, which is their confirmation (services.assisted).
        if getattr(actor, "pk", None) != locked.applicant_id:
            raise NotAllowed(_("The applicant confirms and sends an application the dialogue team helped with "
                               "themself, through the link we e-mail them."), code="awaiting_confirmation")
        from applications.services.assisted import record_confirmation

        record_confirmation(case=locked, actor=actor)
        case.assisted_confirmed_at = locked.assisted_confirmed_at
    refresh_checklist_state(case=case)
    missing = missing_for_submission(case=case)
    if missing:
        raise SubmissionIncomplete(missing)
    MACHINE.transition(obj=case, to=S.SUBMITTED, actor=actor, fields={"draft_expires_at": None},
                       event_params={"reference": case.reference})
    case.refresh_from_db()
    from applications.tasks import enqueue, screen_case, send_receipt

    enqueue(screen_case, case.pk, "submission")
    enqueue(send_receipt, case.pk)
    transaction.on_commit(lambda: signals.case_submitted.send(sender=Case, case=case, actor=actor))
    return case


@transaction.atomic
def check_against_current_catalogue(*, case: Case, actor=None) -> ChecklistChanges | None:
    """A draft resumed after the catalogue changed: recompute and say what changed."""
    from applications.services.catalogue import current_version

    version = current_version()
    if case.status != S.DRAFT or not version or case.catalogue_version == version:
        return None
    old = case.catalogue_version
    case.catalogue_version = version
    case.save(update_fields=["catalogue_version"])
    changes = recompute_checklist(case=case)
    events.record(case=case, kind="catalogue_updated", actor=actor, params={"from": old, "to": version})
    return changes


@transaction.atomic
def extend_deadline(*, case: Case, days: int, reason: str, actor) -> Case:
    """Move the expected decision date; the reason is shown to the applicant in the timeline and e-mailed."""
    from applications.services import clock

    ensure_open(case)
    if case.status == S.DRAFT:
        raise NotAllowed(_("Only an open case can get more time."))
    reason = (reason or "").strip()
    if not reason:
        raise CaseError(_("Give the reason for the extension; the applicant will see it."))
    if not isinstance(days, int) or days < 1 or days > 365:
        raise CaseError(_("Give the extension as a number of days between 1 and 365."))
    locked = Case.objects.select_for_update().get(pk=case.pk)
    ensure_open(locked)
    clock.extend(case=locked, days=days, reason=reason, actor=actor)  # the date_changed event carries the reason
    locked.save(update_fields=["extension_days", "expected_decision_date", "updated_at"])
    case.extension_days, case.expected_decision_date = locked.extension_days, locked.expected_decision_date
    return locked


@transaction.atomic
def mark_agreed_at_meeting(*, case: Case, requirement_codes: list[str], meeting_date) -> int:
    """Checklist items promised in pre-application minutes say so ("agreed at the meeting on DATE");
    a promised document that the type's rules do not list is added as required."""
    from applications.models import DocumentRequirement

    count = 0
    for requirement in DocumentRequirement.objects.filter(code__in=requirement_codes):
        item, created = ChecklistItem.objects.get_or_create(case=case, requirement=requirement,
                                                            defaults={"required": True})
        item.agreed_at_meeting = meeting_date
        item.is_active = True
        item.save(update_fields=["agreed_at_meeting", "is_active"])
        count += 1
    refresh_checklist_state(case=case)
    return count


@transaction.atomic
def link_predialogue_meeting(*, case: Case, meeting_id: int, actor=None) -> Case:
    """Link a pre-application meeting to a case (the predialogue app owns the meeting and keeps the link)."""
    from applications.hooks import link_meeting
    from applications.models import Advisory
    from applications.services.advisories import raise_advisory

    link_meeting(case=case, meeting_id=meeting_id)
    events.record(case=case, kind="minutes_linked", actor=actor, params={"meeting": meeting_id}, is_public=False)
    if case.status != S.DRAFT:
        raise_advisory(kind=Advisory.Kind.MINUTES_LINKED, case=case, dedupe_key=f"minutes:{case.pk}:{meeting_id}")
    return case

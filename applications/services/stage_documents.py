"""Documents at a later stage (issue 18): what the holder sends with the start report and the completion
report, and the caseworker's check of each.

- Which documents a stage needs comes from the catalogue's "at_start"/"at_start_if" and
  "at_completion"/"at_completion_if" rules (``catalogue.stage_requirements_for``), with the case's facts.
- The report is refused (``Invalid``, 400) naming the documents still missing; a file goes through the same
  upload checks as an application's documents (``uploads.validate_upload`` with the requirement's
  formats, the case's quota) and is stored as a ``Document`` with a ``StageDocument`` beside it.
- The caseworker accepts each document or refuses it with a reason the holder reads (timeline event and
  e-mail); the holder sends a new one in its place (``add_stage_document``). The occupancy permit, or the
  closing, waits until every required completion document is accepted (``completion.finish``).
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Case, Document, DocumentRequirement, StageDocument
from applications.services import events
from applications.services.uploads import validate_upload
from permitportal.accounts import roles
from permitportal.core.errors import Invalid, NotAllowed

S = Case.Status
STAGE = StageDocument.Stage
STATUS = StageDocument.Status
REASON_MAX = 2_000
CODE_MAX = 60


class DocumentsMissing(Invalid):
    pass


def required_by_stage(*, case: Case) -> dict[str, list[DocumentRequirement]]:
    """``{stage: the documents the catalogue asks for then}`` for this case's type and facts: one query for the
    type's later rules; the case's facts (three more) only when one of them has a condition."""
    from applications.models import RequirementRule
    from applications.services.cases import _facts
    from applications.services.catalogue import LATER_RULES, STAGE_RULES, condition_matches

    result: dict[str, list[DocumentRequirement]] = {stage: [] for stage in STAGE_RULES}
    if not case.application_type_id:
        return result
    rules = sorted(RequirementRule.objects.filter(application_type_id=case.application_type_id, rule__in=LATER_RULES)
                   .select_related("requirement"), key=lambda r: (r.requirement.order, r.requirement.code))
    facts = _facts(case) if any(r.condition for r in rules) else {}
    for stage, (unconditional, _conditional) in STAGE_RULES.items():
        result[stage] = [r.requirement for r in rules if r.rule in STAGE_RULES[stage]
                         and (r.rule == unconditional or condition_matches(r.condition, facts))]
    return result


def required_for(*, case: Case, stage: str) -> list[DocumentRequirement]:
    """The documents the catalogue asks for at ``stage``, for this case's type and facts."""
    return required_by_stage(case=case)[stage]


def current(*, case: Case, stage: str) -> dict[str, StageDocument]:
    """``{requirement code: the newest document sent for it}`` at ``stage`` (one query)."""
    latest: dict[str, StageDocument] = {}
    for doc in (StageDocument.objects.filter(case=case, stage=stage)
                .select_related("requirement", "document").order_by("uploaded_at", "pk")):
        latest[doc.requirement.code] = doc
    return latest


def missing(*, case: Case, stage: str, sending=()) -> list[DocumentRequirement]:
    """The required documents at ``stage`` with nothing sent for them, or only a refused one (and not in
    ``sending``, the codes of the files that come with this report)."""
    required = required_for(case=case, stage=stage)
    if not required:
        return []
    sent = {code for code, doc in current(case=case, stage=stage).items() if doc.status != STATUS.REFUSED}
    return [r for r in required if r.code not in sent and r.code not in set(sending)]


def not_accepted(*, case: Case, stage: str) -> list[DocumentRequirement]:
    """The required documents at ``stage`` whose newest file is not accepted (or that have none)."""
    required = required_for(case=case, stage=stage)
    if not required:
        return []
    latest = current(case=case, stage=stage)
    return [r for r in required if r.code not in latest or latest[r.code].status != STATUS.ACCEPTED]


def titles(requirements) -> str:
    return ", ".join(str(r.title) for r in requirements)


def _store_one(*, case: Case, stage: str, requirement: DocumentRequirement, uploaded_file, actor) -> StageDocument:
    from applications.services.documents import _check_quota, _delete_stored, _store

    checked = validate_upload(uploaded_file=uploaded_file, accepted_formats=list(requirement.accepted_formats or []))
    _check_quota(case, size=checked.size)
    stored_name = _store(uploaded_file=uploaded_file, checked=checked)
    try:
        with transaction.atomic():
            document = Document.objects.create(
                case=case, requirement=requirement, file=stored_name, original_name=checked.safe_name,
                content_type=checked.content_type, kind=checked.kind, size=checked.size, sha256=checked.sha256,
                uploaded_by=actor if getattr(actor, "is_authenticated", False) else None)
            stage_document = StageDocument.objects.create(case=case, stage=stage, requirement=requirement,
                                                          document=document, uploaded_at=document.uploaded_at)
            events.record(case=case, kind="stage_document_added", actor=actor, params={
                "stage": stage, "document": document.pk, "name": checked.safe_name,
                **events.names("requirement", [requirement], "title")})
    except BaseException:
        _delete_stored(stored_name)
        raise
    return stage_document


def _pairs(*, case: Case, stage: str, files: dict) -> list[tuple[DocumentRequirement, object]]:
    """The files by requirement: each key must be a document the stage asks for (400 otherwise)."""
    asked = {r.code: r for r in required_for(case=case, stage=stage)}
    unknown = sorted(str(code)[:CODE_MAX] for code in files if code not in asked)
    if unknown:
        raise Invalid(_("These files are not among the documents asked for now: %(codes)s.")
                      % {"codes": ", ".join(unknown)}, code="unknown_document")
    return [(asked[code], files[code]) for code in asked if code in files]


def attach_with_report(*, case: Case, stage: str, files: dict | None, actor) -> list[StageDocument]:
    """Within the report's transaction, after its own checks: refuse the report naming what is missing, else
    store the files that came with it."""
    files = dict(files or {})
    pairs = _pairs(case=case, stage=stage, files=files)
    lacking = missing(case=case, stage=stage, sending=files)
    if lacking:
        raise DocumentsMissing(
            _("Send these documents with the report: %(names)s.") % {"names": titles(lacking)},
            code="missing_documents")
    stored = [_store_one(case=case, stage=stage, requirement=r, uploaded_file=f, actor=actor) for r, f in pairs]
    if stage == STAGE.START and stored:  # the completion report raises its own advisory
        _advise_start_documents(case=case, stored=stored)
    return stored


def _advise_start_documents(*, case: Case, stored: list[StageDocument]) -> None:
    """Tell the caseworker that documents for the start of work arrived and wait for a check."""
    from applications.services.advisories import raise_advisory

    raise_advisory(kind="supplementary_material", case=case, dedupe_key=f"stage-documents:{stored[0].pk}",
                   params={"reference": case.reference, "text": "start_documents",
                           **events.names("names", [d.requirement for d in stored], "title")})


def _stage_open(case: Case, stage: str) -> bool:
    """While the holder may still send a document for ``stage``: after the start report until the
    completion report for "start"; while the completion report is with us (or returned) for "completion"."""
    if stage == STAGE.START:
        return bool(case.started_on) and case.status in (S.DECIDED, S.APPEALED, S.WORK_STARTED)
    return case.status == S.COMPLETION_REPORTED


@transaction.atomic
def add_stage_document(*, case: Case, stage: str, requirement_code: str, uploaded_file, actor) -> StageDocument:
    """The holder sends a document for ``stage`` after the report: one that was refused, in its place."""
    from applications.selectors.cases import cases_owned_by

    if not cases_owned_by(user=actor).filter(pk=case.pk).exists():
        raise PermissionError(_("Only the permit's holder can send these documents."))
    if stage not in STAGE.values:
        raise Invalid(_("Choose the start of work or the completion."), code="stage")
    case = Case.objects.select_for_update(of=("self",)).select_related("application_type").get(pk=case.pk)
    if not _stage_open(case, stage):
        raise NotAllowed(_("Documents for this stage are sent with its report."), code="stage_closed")
    [(requirement, uploaded)] = _pairs(case=case, stage=stage, files={requirement_code: uploaded_file})
    latest = current(case=case, stage=stage).get(requirement.code)
    if latest is not None and latest.status != STATUS.REFUSED:
        raise NotAllowed(_("%(title)s is already sent. We ask for a new one if it is refused.")
                         % {"title": requirement.title}, code="already_sent")
    stage_document = _store_one(case=case, stage=stage, requirement=requirement, uploaded_file=uploaded, actor=actor)
    if stage == STAGE.COMPLETION:
        from applications.services.advisories import raise_advisory

        raise_advisory(kind="completion_reported", case=case, params={"reference": case.reference},
                       dedupe_key=f"stage-document:{stage_document.pk}")
    else:
        _advise_start_documents(case=case, stored=[stage_document])
    return stage_document


@transaction.atomic
def check_stage_document(*, stage_document: StageDocument, actor, accepted: bool, reason: str = "") -> StageDocument:
    """The caseworker accepts the document or refuses it with the reason the holder reads (e-mailed)."""
    if not roles.has_role(actor, roles.CASEWORKER, roles.MANAGER):
        raise PermissionError(_("Only caseworkers can do this."))
    reason = (reason or "").strip()[:REASON_MAX]
    if not accepted and not reason:
        raise Invalid(_("Say why the document is refused: the holder reads it."), code="reason")
    doc = StageDocument.objects.select_for_update().select_related("case", "requirement").get(pk=stage_document.pk)
    if doc.status != STATUS.PENDING:
        raise NotAllowed(_("This document is already checked: %(status)s.") % {"status": doc.get_status_display()},
                         code="already_checked")
    doc.status = STATUS.ACCEPTED if accepted else STATUS.REFUSED
    doc.reason = "" if accepted else reason
    doc.checked_by = actor
    doc.checked_at = timezone.now()
    doc.save(update_fields=["status", "reason", "checked_by", "checked_at"])
    case = doc.case
    params = {"stage": doc.stage, "document": doc.document_id,
              **events.names("requirement", [doc.requirement], "title")}
    if accepted:
        events.record(case=case, kind="stage_document_accepted", actor=actor, params=params)
    else:
        events.record(case=case, kind="stage_document_refused", actor=actor, params={**params, "reason": reason})
        from applications import tasks

        tasks.enqueue(tasks.notify_stage_document_refused, doc.pk)
    return doc


def mail_refusal(*, stage_document_id: int) -> int:
    """E-mail the holder and their representatives that a document was refused (the task
    ``notify_stage_document_refused``); once per person and document, whatever the retries."""
    from applications.services.notify import recipients, send_once

    doc = StageDocument.objects.select_related("case", "requirement").filter(pk=stage_document_id).first()
    if doc is None:
        return 0
    case = doc.case
    link = settings.SITE_URL + reverse("applications:case_detail", kwargs={"reference": case.reference})
    return sum(send_once(key=f"stage-refused:{doc.pk}:{person.pk}", case=case, person=person,
                         template="applications/email/stage_document_refused",
                         context={"case": case, "document": doc, "link": link})
               for person in recipients(case))

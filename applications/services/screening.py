"""Screening: every requirement that applies, checked against the documents, plus required fields.

Run by a Celery task on submission, on every later upload and on a change of application type.
Idempotent: the inputs are fingerprinted, and a run with the same fingerprint as an earlier one
returns that run (one result, one advisory, one drafted request).
"""

import hashlib
import json
import logging
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import override

from applications.models import (
    Advisory,
    Case,
    ChecklistItem,
    Document,
    InformationRequest,
    InformationRequestItem,
    ScreeningResult,
    ScreeningRun,
)
from applications.services import events
from applications.services.advisories import raise_advisory

R = ScreeningResult.Result
S = Case.Status
logger = logging.getLogger(__name__)


def _items_and_docs(case: Case):
    items = list(ChecklistItem.objects.filter(case=case, is_active=True).select_related("requirement")
                 .order_by("-required", "requirement__order"))
    docs: dict[int, list[Document]] = {}
    for doc in Document.objects.filter(case=case, superseded_at__isnull=True, requirement__isnull=False):
        docs.setdefault(doc.requirement_id, []).append(doc)
    return items, docs


def fingerprint(case: Case, items=None, docs=None) -> str:
    if items is None:
        items, docs = _items_and_docs(case)
    payload = {
        "type": case.application_type_id,
        "desc": bool((case.description or "").strip()),
        "owner": bool(case.owner_name and case.owner_email) if case.applying_for == "other" else True,
        "items": [(i.requirement_id, i.required, i.state, i.not_relevant_claim) for i in items],
        "docs": sorted((d.pk, d.sha256) for ds in docs.values() for d in ds),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _file_is_intact(doc: Document) -> bool:
    try:
        digest = hashlib.sha256()
        with doc.file.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1024 * 1024), b""):
                digest.update(chunk)
        return digest.hexdigest() == doc.sha256
    except (OSError, ValueError):
        return False


def _same_files(items, docs: dict[int, list[Document]]) -> dict[int, list]:
    """For each requirement, the other requirements offered the very same file (by its SHA-256): one
    one-page PDF sent as the site plan, the floor plans and the facades is one drawing, not three."""
    holders: dict[str, set[int]] = {}
    for requirement_id, documents in docs.items():
        for doc in documents:
            holders.setdefault(doc.sha256, set()).add(requirement_id)
    requirements = {item.requirement_id: item.requirement for item in items}
    shared = {}
    for requirement_id, documents in docs.items():
        others = {other for doc in documents for other in holders[doc.sha256]} - {requirement_id}
        others &= set(requirements)
        if others:
            shared[requirement_id] = sorted((requirements[o] for o in others), key=lambda r: (r.order, r.code))
    return shared


def _check_item(item: ChecklistItem, docs: list[Document], same_as: list | None = None) -> tuple[str, str]:
    req = item.requirement
    if docs:
        accepted = set(req.accepted_formats or ["pdf", "png", "jpeg"])
        wrong = [d for d in docs if d.kind not in accepted]
        if wrong:
            return R.WRONG_TYPE, _("%(name)s is a %(kind)s file; this document must be %(formats)s.") % {
                "name": wrong[0].original_name, "kind": wrong[0].kind.upper(),
                "formats": ", ".join(f.upper() for f in sorted(accepted))}
        broken = [d for d in docs if not _file_is_intact(d)]
        if broken:
            return R.UNREADABLE, _("We could not read %(name)s. Upload it again.") % {"name": broken[0].original_name}
        if same_as:
            return R.SAME_FILE, _("The same file was also sent as %(others)s. Send each document as its own "
                                  "file.") % {"others": ", ".join(r.title for r in same_as)}
        return R.OK, ""
    if item.not_relevant_reason:
        return {
            ChecklistItem.Claim.ACCEPTED: (R.CLAIM_ACCEPTED, ""),
            ChecklistItem.Claim.REJECTED: (R.CLAIM_REJECTED, _("Marked not relevant, but the caseworker needs it.")),
        }.get(item.not_relevant_claim, (R.CLAIM_PENDING, item.not_relevant_reason[:400]))
    if item.required:
        return R.MISSING, _("Not uploaded.")
    return R.RECOMMENDED_MISSING, ""


def _test_pause(case_id: int) -> None:
    """Test-only hook (tests/integration/test_faults.py): with SCREENING_TEST_DELAY_SECONDS set (never in
    production) the screening waits half-way, inside its transaction, so a test can kill the worker then."""
    import os
    import time

    seconds = float(os.environ.get("SCREENING_TEST_DELAY_SECONDS") or 0)
    if seconds > 0:
        logger.warning("SCREENING_TEST_DELAY_SECONDS: screening of case %s paused for %s s", case_id, seconds)
        time.sleep(seconds)


def run_screening(*, case_id: int, trigger: str = ScreeningRun.Trigger.SUBMISSION) -> ScreeningRun | None:
    """Screen the case; returns the run (an existing one when nothing changed), or None for a draft or a
    finished case."""
    with transaction.atomic():
        # of=("self",): PostgreSQL cannot lock the nullable side of the outer join to the caseworker.
        case = (Case.objects.select_for_update(of=("self",)).select_related("applicant", "caseworker")
                .get(pk=case_id))
        if case.status in (S.DRAFT, S.DECIDED, S.WITHDRAWN, S.CLOSED):  # nothing left to screen for
            return None
        items, docs = _items_and_docs(case)
        print_ = fingerprint(case, items, docs)
        existing = ScreeningRun.objects.filter(case=case, fingerprint=print_).first()
        if existing:
            return existing
        try:
            with transaction.atomic():
                run = ScreeningRun.objects.create(case=case, trigger=trigger, fingerprint=print_)
        except IntegrityError:  # a concurrent run stored the same input first
            return ScreeningRun.objects.get(case=case, fingerprint=print_)
        _test_pause(case_id)
        results = []
        same = _same_files(items, docs)
        with override(case.applicant.preferred_language):
            for item in items:
                result, message = _check_item(item, docs.get(item.requirement_id, []), same.get(item.requirement_id))
                results.append(ScreeningResult(run=run, requirement=item.requirement, result=result, message=message))
            if not (case.description or "").strip():
                results.append(ScreeningResult(run=run, field="description", result=R.MISSING,
                                               message=_("The project description is empty.")))
            if case.applying_for == "other" and not (case.owner_name and case.owner_email):
                results.append(ScreeningResult(run=run, field="owner", result=R.MISSING,
                                               message=_("The owner's name and e-mail are missing.")))
        ScreeningResult.objects.bulk_create(results)
        ok = sum(1 for r in results if r.is_ok)
        run.ok_count, run.total_count = ok, len(results)
        run.save(update_fields=["ok_count", "total_count"])
        failed = failed_names([r for r in results if not r.is_ok])
        params = {"ok": ok, "total": len(results), **failed}
        events.record(case=case, kind="screened",
                      params={**params, "run": run.pk, **({"variant": "screened_problems"} if failed else {})})
        raise_advisory(kind=Advisory.Kind.CASE_SCREENED, case=case, dedupe_key=f"screened:{run.pk}",
                       params={**params, "text": "case_screened_problems"} if failed else params)
        # A pending "not relevant" claim is for the caseworker to decide, not to ask the applicant about.
        problems = [r for r in results if not r.is_ok and r.requirement_id and r.result != R.CLAIM_PENDING]
        _draft_request(case=case, run=run, problems=problems)
        return run


FIELD_NAMES = {"description": _lazy("Description of the project"), "owner": _lazy("The owner's name and e-mail")}


def failed_names(results: list[ScreeningResult]) -> dict:
    """``{"failed": "Site plan (Missing), ...", "failed_da": ...}``: each check that is not fine, named in
    plain words in English and Danish (an event's and an advisory's params), or {} when all are fine."""
    if not results:
        return {}
    names = {}
    for language in ("en", "da"):
        with override(language):
            names["failed" if language == "en" else "failed_da"] = ", ".join(
                f"{r.requirement.title if r.requirement_id else FIELD_NAMES.get(r.field, r.field)} "
                f"({r.get_result_display()})" for r in results)
    return names


def _draft_request(*, case: Case, run: ScreeningRun, problems: list[ScreeningResult]) -> None:
    """Keep one drafted information request per case up to date with what screening found."""
    draft = InformationRequest.objects.filter(case=case, state=InformationRequest.State.DRAFT).first()
    if not problems:
        if draft and draft.from_screening_id:
            draft.delete()
        return
    with override(case.applicant.preferred_language):
        lines = [_("To finish checking your application we need:")]
        for result in problems:
            title = result.requirement.title
            lines.append(f"- {title}: {result.message}" if result.message else f"- {title}")
        message = "\n".join(lines)
    kind = (InformationRequest.Kind.DEFICIENCY_NOT_STARTED if case.completed_at is None
            else InformationRequest.Kind.DEFICIENCY_PAUSING)
    if draft is None:
        draft = InformationRequest.objects.create(case=case, kind=kind, message=message, from_screening=run)
    else:
        draft.message, draft.kind, draft.from_screening = message, kind, run
        draft.save(update_fields=["message", "kind", "from_screening"])
        draft.items.all().delete()
    InformationRequestItem.objects.bulk_create(
        [InformationRequestItem(request=draft, requirement=r.requirement, note=r.message[:500]) for r in problems])


def cases_needing_screening(*, older_than_minutes: int) -> list[int]:
    """Submitted cases with no screening result after the grace period (e.g. broker was down)."""
    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    return list(Case.objects.filter(status=S.SUBMITTED, submitted_at__lt=cutoff, screenings__isnull=True)
                .values_list("pk", flat=True)[:500])


RESCREEN_STATUSES = (S.SUBMITTED, S.AWAITING_INFORMATION, S.COMPLETE, S.IN_REVIEW)


def cases_with_unscreened_documents(*, older_than_minutes: int, limit: int = 500) -> list[int]:
    """Cases being handled whose newest document is newer than their newest screening and at least
    ``older_than_minutes`` old (the screening task after an upload was lost, e.g. the broker was down).

    A case whose current input already has a run (nothing that screening reads changed) is left out,
    so the sweep does not send the same case again and again."""
    from django.db.models import F, Max

    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    candidates = (Case.objects.filter(status__in=RESCREEN_STATUSES)
                  .annotate(last_document=Max("documents__uploaded_at"), last_run=Max("screenings__checked_at"))
                  .filter(last_document__lt=cutoff, last_run__lt=F("last_document"))
                  .order_by("pk")[:limit])
    stale = []
    for case in candidates:
        if not ScreeningRun.objects.filter(case=case, fingerprint=fingerprint(case)).exists():
            stale.append(case.pk)
    return stale

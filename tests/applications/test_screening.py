"""Screening: every requirement checked against the documents, the form fields and the claims;
idempotent per input; an advisory for triage and a drafted information request."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from applications.models import (
    Advisory,
    Case,
    CaseEvent,
    ChecklistItem,
    InformationRequest,
    ScreeningResult,
    ScreeningRun,
)
from applications.services import cases as case_services
from applications.services import handling
from applications.services.screening import cases_needing_screening, run_screening
from applications.services.transitions import transition
from applications.tasks import sweep_unscreened_cases
from tests.applications import caseworker_support as support
from tests.applications.factories import DocumentRequirementFactory
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.factories import UserFactory

R = ScreeningResult.Result
S = Case.Status


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


def results_by_code(run):
    return {r.requirement.code if r.requirement_id else r.field: r for r in run.results.select_related("requirement")}


def test_a_complete_case_screens_fine_and_advises_triage(db):
    case = support.submitted_case()
    run = run_screening(case_id=case.pk)
    results = results_by_code(run)
    assert {code: r.result for code, r in results.items()} == {
        "site-plan": R.OK, "floor-plans": R.OK, "facades": R.OK, "sections": R.RECOMMENDED_MISSING}
    assert (run.ok_count, run.total_count) == (4, 4)
    assert run.trigger == ScreeningRun.Trigger.SUBMISSION
    advisory = Advisory.objects.get(case=case, kind=Advisory.Kind.CASE_SCREENED)
    assert advisory.recipient is None  # nobody assigned yet: the triage queue gets it
    assert advisory.params == {"ok": 4, "total": 4}
    event = CaseEvent.objects.get(case=case, kind="screened")
    assert event.params["ok"] == 4 and event.is_public
    assert not InformationRequest.objects.filter(case=case).exists()


def test_submission_screens_the_case_after_commit(db, django_capture_on_commit_callbacks):
    case = support.draft_with_checklist()
    for code in support.REQUIRED:
        support.upload(case, code)
    with django_capture_on_commit_callbacks(execute=True):
        case_services.submit(case=case, actor=case.applicant)
    run = ScreeningRun.objects.get(case=case)
    assert run.trigger == "submission" and run.ok_count == run.total_count == 4


def test_the_assigned_caseworker_gets_the_advisory(db, caseworker):
    case = support.submitted_case()
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    run_screening(case_id=case.pk)
    assert Advisory.objects.get(case=case, kind=Advisory.Kind.CASE_SCREENED).recipient == caseworker


# --- The matrix of document states --------------------------------------------------------------

def _wrong_type(case):
    support.attach_raw(case, "site-plan", data=b"\x89PNG\r\n\x1a\n" + b"0" * 64, name="site.png", kind="png",
                       content_type="image/png")


def _corrupted(case):
    doc = case.documents.get(requirement__code="site-plan")
    with open(doc.file.path, "wb") as fh:  # the disk lost the file's content after the upload
        fh.write(b"%PDF-1.7 truncated")


def _missing_file(case):
    doc = case.documents.get(requirement__code="site-plan")
    doc.file.storage.delete(doc.file.name)


@pytest.mark.parametrize(("setup", "uploads", "expected", "message_part"), [
    (None, support.REQUIRED, R.OK, ""),
    (_wrong_type, ("floor-plans", "facades"), R.WRONG_TYPE, "must be PDF"),
    (_corrupted, support.REQUIRED, R.UNREADABLE, "could not read site-plan.pdf"),
    (_missing_file, support.REQUIRED, R.UNREADABLE, "Upload it again"),
], ids=["uploaded-ok", "wrong-type", "corrupted-on-disk", "file-gone"])
def test_document_states(db, setup, uploads, expected, message_part):
    case = support.draft_with_checklist()
    for code in uploads:
        support.upload(case, code)
    if setup:
        setup(case)
    case_services.submit(case=case, actor=case.applicant)
    result = results_by_code(run_screening(case_id=case.pk))["site-plan"]
    assert result.result == expected
    assert message_part in result.message


@pytest.mark.parametrize(("decision", "expected", "ok"), [
    (None, R.CLAIM_PENDING, False),
    ("accept", R.CLAIM_ACCEPTED, True),
    ("reject", R.CLAIM_REJECTED, False),
], ids=["claim-pending", "claim-accepted", "claim-rejected"])
def test_not_relevant_claims(db, caseworker, decision, expected, ok):
    case = support.draft_with_checklist()
    support.upload(case, "site-plan")
    support.upload(case, "floor-plans")
    case_services.mark_not_relevant(case=case, requirement_code="facades",
                                    reason="The carport has no walls, so there is no facade.", actor=case.applicant)
    case_services.submit(case=case, actor=case.applicant)
    if decision:
        handling.decide_not_relevant_claim(case=case, requirement_code="facades", accept=decision == "accept",
                                           actor=caseworker)
    run = run_screening(case_id=case.pk)
    result = results_by_code(run)["facades"]
    assert result.result == expected
    assert result.is_ok is ok
    assert run.ok_count == (4 if ok else 3)
    drafted = InformationRequest.objects.filter(case=case, state="draft").first()
    # A pending claim is the caseworker's to decide; a rejected one means the applicant must send it.
    if decision == "reject":
        assert [i.requirement.code for i in drafted.items.all()] == ["facades"]
    else:
        assert drafted is None


def test_a_required_document_missing_after_submission(db):
    case = support.submitted_case()
    extra = DocumentRequirementFactory(code="energy-frame", title_en="Energy frame calculation",
                                       title_da="Energirammeberegning")
    ChecklistItem.objects.create(case=case, requirement=extra, required=True)  # e.g. added by a type change
    run = run_screening(case_id=case.pk)
    result = results_by_code(run)["energy-frame"]
    assert result.result == R.MISSING and result.message == "Not uploaded."
    drafted = InformationRequest.objects.get(case=case, state="draft")
    assert drafted.from_screening == run
    assert drafted.kind == InformationRequest.Kind.DEFICIENCY_NOT_STARTED
    assert "Energy frame calculation: Not uploaded." in drafted.message


def test_missing_description_and_owner_are_screened(db):
    case = support.submitted_case()
    Case.objects.filter(pk=case.pk).update(description="  ", applying_for="other", owner_name="", owner_email="")
    run = run_screening(case_id=case.pk)
    results = results_by_code(run)
    assert results["description"].result == R.MISSING
    assert results["owner"].result == R.MISSING
    assert "owner" in results["owner"].message
    assert (run.ok_count, run.total_count) == (4, 6)


def test_drafts_and_closed_cases_are_not_screened(db):
    draft = support.draft_with_checklist()
    assert run_screening(case_id=draft.pk) is None
    withdrawn = support.submitted_case()
    handling.withdraw(case=withdrawn, actor=withdrawn.applicant)
    assert run_screening(case_id=withdrawn.pk) is None
    decided = support.submitted_case()
    for step in (S.COMPLETE, S.IN_REVIEW, S.DECIDED):
        transition(case=decided, to=step)
    assert run_screening(case_id=decided.pk) is None
    assert not ScreeningRun.objects.exists()


def test_the_drafted_request_is_in_the_applicants_language(db):
    applicant = UserFactory(role="applicant", preferred_language="da")
    case = support.draft_with_checklist(applicant=applicant)
    support.upload(case, "floor-plans")
    support.upload(case, "facades")
    _wrong_type(case)
    case_services.submit(case=case, actor=applicant)
    run_screening(case_id=case.pk)
    drafted = InformationRequest.objects.get(case=case, state="draft")
    assert drafted.message.startswith("For at gøre kontrollen af din ansøgning færdig")
    assert "Situationsplan" in drafted.message


# --- Idempotency ------------------------------------------------------------------------------

def test_screening_twice_gives_one_run_one_advisory_one_drafted_request(db):
    case = support.draft_with_checklist()
    support.upload(case, "floor-plans")
    support.upload(case, "facades")
    _wrong_type(case)
    case_services.submit(case=case, actor=case.applicant)
    first = run_screening(case_id=case.pk)
    second = run_screening(case_id=case.pk, trigger="sweep")
    assert first.pk == second.pk
    assert ScreeningRun.objects.filter(case=case).count() == 1
    assert Advisory.objects.filter(case=case, kind=Advisory.Kind.CASE_SCREENED).count() == 1
    assert InformationRequest.objects.filter(case=case, state="draft").count() == 1
    assert CaseEvent.objects.filter(case=case, kind="screened").count() == 1

    # A new upload is new input: a new run, a new advisory, the same drafted request brought up to date.
    old = case.documents.get(requirement__code="site-plan")
    from applications.services.documents import replace_document
    from tests.applications.pdfs import pdf_upload

    replace_document(document=old, uploaded_file=pdf_upload("site-plan-v2.pdf"), actor=case.applicant)
    third = run_screening(case_id=case.pk, trigger="upload")
    assert third.pk != first.pk and third.trigger == "upload"
    assert ScreeningRun.objects.filter(case=case).count() == 2
    assert results_by_code(third)["site-plan"].result == R.OK
    assert Advisory.objects.filter(case=case, kind=Advisory.Kind.CASE_SCREENED).count() == 2
    # Nothing is wrong any more, so the drafted request is gone.
    assert not InformationRequest.objects.filter(case=case, state="draft").exists()


def test_a_new_upload_is_screened_again_through_the_documents_service(db, django_capture_on_commit_callbacks):
    case = support.submitted_case()
    with django_capture_on_commit_callbacks(execute=True):
        run_screening(case_id=case.pk)
    with django_capture_on_commit_callbacks(execute=True):
        support.upload(case, "sections")
    runs = list(ScreeningRun.objects.filter(case=case).order_by("id"))
    assert len(runs) == 2 and runs[1].trigger == "upload"
    assert results_by_code(runs[1])["sections"].result == R.OK
    assert Advisory.objects.filter(case=case, kind=Advisory.Kind.SUPPLEMENTARY_MATERIAL).count() == 1


# --- The sweep: nothing lost when the broker was down -----------------------------------------

def test_the_sweep_screens_cases_whose_screening_never_ran(db, settings):
    settings.SCREENING_SWEEP_MINUTES = 10
    with time_machine.travel(timezone.now() - dt.timedelta(minutes=30)):
        old = support.submitted_case()  # its screening task never reached a worker
    fresh = support.submitted_case()
    screened = support.submitted_case()
    run_screening(case_id=screened.pk)
    assert cases_needing_screening(older_than_minutes=10) == [old.pk]
    assert sweep_unscreened_cases.delay().get() == 1
    run = ScreeningRun.objects.get(case=old)
    assert run.trigger == "sweep"
    assert not ScreeningRun.objects.filter(case=fresh).exists()

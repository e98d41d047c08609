"""Issue 18 items 3-4: the documents the catalogue asks for at the start of work and at completion ("at_start",
"at_completion" and their "_if" forms). A report without them is refused naming them; the caseworker checks
each (accept, or refuse with a reason the holder reads and is e-mailed); the occupancy permit waits until
every required completion document is accepted."""

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from applications.models import (
    Case,
    CaseEvent,
    DocumentRequirement,
    OccupancyPermit,
    RequirementRule,
    StageDocument,
)
from applications.services import completion, stage_documents, start_of_work
from applications.services.catalogue import read_catalogue, requirements_for, stage_requirements_for
from applications.services.catalogue_check import check_catalogue
from permitportal.core.errors import Invalid, NotAllowed
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.pdfs import pdf_upload
from tests.applications.test_completion import api
from tests.applications.test_start_of_work import at, in_force
from tests.factories import UserFactory

S = Case.Status
START_DAY, DONE_DAY, CHECK_DAY = dt.date(2026, 5, 4), dt.date(2026, 8, 31), dt.date(2026, 9, 1)


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811
    return private_storage


@pytest.fixture
def worker(db):
    return UserFactory(role="caseworker")


def _requirement(code, title_en, title_da, formats=("pdf",)):
    return DocumentRequirement.objects.get_or_create(code=code, defaults={
        "title_en": title_en, "title_da": title_da, "explanation_en": "Why.", "explanation_da": "Hvorfor.",
        "good_example_en": "Signed.", "good_example_da": "Underskrevet.", "accepted_formats": list(formats),
        "order": 50})[0]


def stage_rules():
    """The caseworker tests' type asks for a start declaration at the start and a completion declaration at
    completion, and for a second one only when the project is applied for on someone's behalf."""
    app_type = support.application_type()
    RequirementRule.objects.get_or_create(application_type=app_type, requirement=_requirement(
        "start-decl", "Start declaration", "Starterklæring"), defaults={"rule": "at_start"})
    RequirementRule.objects.get_or_create(application_type=app_type, requirement=_requirement(
        "completion-decl", "Completion declaration", "Færdigmeldingserklæring", ("pdf", "png", "jpeg")),
        defaults={"rule": "at_completion"})
    RequirementRule.objects.get_or_create(application_type=app_type, requirement=_requirement(
        "owner-decl", "Owner's declaration", "Ejers erklæring"),
        defaults={"rule": "at_completion_if", "condition": {"applying_for": ["other"]}})


def permitted(worker):
    stage_rules()
    return in_force(worker)


def started(worker):
    case = permitted(worker)
    with at(START_DAY):
        start_of_work.report_start(case=case, actor=case.applicant, start_date=dt.date(2026, 5, 1),
                                   files={"start-decl": pdf_upload("start.pdf")})
    case.refresh_from_db()
    return case


def reported(worker):
    case = started(worker)
    with at(CHECK_DAY):
        completion.report_completion(case=case, actor=case.applicant, completed_on=DONE_DAY,
                                     files={"completion-decl": pdf_upload("done.pdf")})
    case.refresh_from_db()
    return case


# --- The catalogue ----------------------------------------------------------------------------------------------------

def test_later_rules_stay_out_of_the_application_and_follow_their_conditions(catalogue):
    codes = {req.code for req, _ in requirements_for(application_type="housing-multistorey", facts={})}
    assert "completion-declaration" not in codes and "start-declaration-structural" not in codes
    assert [r.code for r in stage_requirements_for(application_type="housing-multistorey", facts={},
                                                   stage="start")] == ["start-declaration-structural",
                                                                       "start-declaration-fire"]
    house = {"house-construction-class": "class-2", "house-fire-class": "class-1", "house-work": "extend"}
    assert [r.code for r in stage_requirements_for(application_type="single-family-house", facts=house,
                                                   stage="start")] == ["start-declaration-structural"]
    done = [r.code for r in stage_requirements_for(application_type="single-family-house", facts=house,
                                                   stage="completion")]
    assert done == ["completion-declaration", "final-declaration-structural"]
    assert stage_requirements_for(application_type="demolition", facts={}, stage="completion") == []


def test_the_check_knows_the_later_kinds(db):
    data = read_catalogue()
    house = next(t for t in data["application_types"] if t["code"] == "single-family-house")
    rule = next(r for r in house["rules"] if r["requirement"] == "start-declaration-structural")
    rule["rule"] = "at_start"
    assert any("takes no condition; use `at_start_if`" in p for p in check_catalogue(data=data))
    del rule["condition"]
    rule["rule"] = "at_completion_if"
    assert any("`at_completion_if` needs a condition" in p for p in check_catalogue(data=data))
    rule["rule"] = "at_later"
    assert any("unknown rule `at_later`" in p and "at_completion" in p for p in check_catalogue(data=data))


def test_the_later_documents_name_their_sources(db):
    data = read_catalogue()
    assert data["version"] == "2026.3"
    for code in ("br18-40", "br18-final-structural", "insurance-paid"):
        assert data["sources"][code]["verified"] is True
    for code in ("br18-start-structural", "br18-start-fire", "br18-final-fire"):
        assert data["sources"][code]["verified"] is False and data["sources"][code]["note"]


# --- The start --------------------------------------------------------------------------------------------------------

def test_the_start_report_is_refused_without_its_documents(worker):
    case = permitted(worker)
    with at(START_DAY):
        with pytest.raises(stage_documents.DocumentsMissing, match="Start declaration"):
            start_of_work.report_start(case=case, actor=case.applicant, start_date=dt.date(2026, 5, 1))
        with pytest.raises(Invalid, match="not among the documents asked for now: site-plan"):
            start_of_work.report_start(case=case, actor=case.applicant, start_date=dt.date(2026, 5, 1),
                                       files={"start-decl": pdf_upload(), "site-plan": pdf_upload()})
    case.refresh_from_db()
    assert case.status == S.PERMITTED and not case.started_on and not StageDocument.objects.exists()
    case = started(worker)
    doc = StageDocument.objects.get(case=case)
    assert (doc.stage, doc.requirement.code, doc.status) == ("start", "start-decl", "pending")
    assert doc.document.requirement.code == "start-decl" and doc.document.kind == "pdf"
    assert CaseEvent.objects.filter(case=case, kind="stage_document_added", params__requirement="Start declaration",
                                    params__requirement_da="Starterklæring").exists()
    # The caseworker is told to check them.
    from applications.models import Advisory
    from applications.selectors.advisories import advisory_text

    advisory = Advisory.objects.get(case=case, params__text="start_documents")
    assert advisory_text(advisory) == (f"Documents for the start of work on {case.reference} arrived: Start "
                                       "declaration. Check them on the case.")


def test_a_file_is_checked_like_an_application_document(worker):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = permitted(worker)
    with at(START_DAY), pytest.raises(Invalid):
        start_of_work.report_start(case=case, actor=case.applicant, start_date=dt.date(2026, 5, 1),
                                   files={"start-decl": SimpleUploadedFile("a.pdf", b"MZ\x90\x00 not a pdf")})
    assert not StageDocument.objects.exists()


# --- Completion and the check -----------------------------------------------------------------------------------------

def test_completion_needs_its_documents_then_each_is_checked_before_the_occupancy_permit(worker,
                                                                                     django_capture_on_commit_callbacks):
    case = started(worker)
    with at(CHECK_DAY):
        with pytest.raises(stage_documents.DocumentsMissing, match="Completion declaration"):
            completion.report_completion(case=case, actor=case.applicant, completed_on=DONE_DAY)
        completion.report_completion(case=case, actor=case.applicant, completed_on=DONE_DAY,
                                     files={"completion-decl": pdf_upload("done.pdf")})
        done = StageDocument.objects.get(case=case, stage="completion")
        with pytest.raises(NotAllowed, match="Completion declaration") as refused:
            completion.finish(case=case, actor=worker)
        assert refused.value.code == "documents_not_accepted"
        with pytest.raises(PermissionError):
            stage_documents.check_stage_document(stage_document=done, actor=case.applicant, accepted=True)
        with pytest.raises(Invalid):
            stage_documents.check_stage_document(stage_document=done, actor=worker, accepted=False, reason="  ")
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            stage_documents.check_stage_document(stage_document=done, actor=worker, accepted=False,
                                                 reason="It is not signed.")
        assert [m.to for m in mail.outbox] == [[case.applicant.email]]
        assert "It is not signed." in mail.outbox[0].body
        with pytest.raises(NotAllowed):
            stage_documents.check_stage_document(stage_document=done, actor=worker, accepted=True)
        assert CaseEvent.objects.filter(case=case, kind="stage_document_refused",
                                        params__reason="It is not signed.").exists()
        with pytest.raises(NotAllowed):
            completion.finish(case=case, actor=worker)
        # The holder sends a new one in its place; a second one while it waits is refused.
        again = stage_documents.add_stage_document(case=case, stage="completion", requirement_code="completion-decl",
                                                   uploaded_file=pdf_upload("signed.pdf"), actor=case.applicant)
        with pytest.raises(NotAllowed):
            stage_documents.add_stage_document(case=case, stage="completion", requirement_code="completion-decl",
                                               uploaded_file=pdf_upload("more.pdf"), actor=case.applicant)
        stage_documents.check_stage_document(stage_document=again, actor=worker, accepted=True)
        completion.finish(case=case, actor=worker)
    case.refresh_from_db()
    assert case.status == S.CLOSED and OccupancyPermit.objects.filter(case=case).exists()
    assert CaseEvent.objects.filter(case=case, kind="stage_document_accepted").count() == 1


def test_a_conditional_completion_document(worker):
    case = started(worker)
    Case.objects.filter(pk=case.pk).update(applying_for="other")
    case.refresh_from_db()
    with at(CHECK_DAY), pytest.raises(stage_documents.DocumentsMissing, match="Owner's declaration"):
        completion.report_completion(case=case, actor=case.applicant, completed_on=DONE_DAY,
                                     files={"completion-decl": pdf_upload("done.pdf")})


def test_a_returned_report_is_sent_again_with_a_new_file_for_the_refused_one(worker):
    case = reported(worker)
    done = StageDocument.objects.get(case=case, stage="completion")
    with at(CHECK_DAY):
        stage_documents.check_stage_document(stage_document=done, actor=worker, accepted=False, reason="Unsigned.")
        completion.return_completion(case=case, actor=worker, reason="See the refused document.")
        with pytest.raises(stage_documents.DocumentsMissing):
            completion.report_completion(case=case, actor=case.applicant, completed_on=DONE_DAY)
        completion.report_completion(case=case, actor=case.applicant, completed_on=DONE_DAY,
                                     files={"completion-decl": pdf_upload("signed.pdf")})
    assert StageDocument.objects.filter(case=case, stage="completion").count() == 2


# --- The API and the pages --------------------------------------------------------------------------------------------

def test_the_api(worker):
    case = permitted(worker)
    url = f"/api/v1/cases/{case.reference}"
    holder = api(case.applicant)
    with at(START_DAY):
        response = holder.post(f"{url}/start-notice/", {"start_date": "2026-05-01"}, format="multipart")
        assert response.status_code == 400 and "Start declaration" in response.json()["message"]
        response = holder.post(f"{url}/start-notice/", {"start_date": "2026-05-01", "start-decl": pdf_upload()},
                               format="multipart")
        assert response.status_code == 200 and response.json()["status"] == "work_started"
    with at(CHECK_DAY):
        response = holder.post(f"{url}/completion/", {"completed_on": "2026-08-31",
                                                      "completion-decl": pdf_upload("done.pdf")}, format="multipart")
        assert response.status_code == 200
        listed = holder.get(f"{url}/stage-documents/").json()
        assert [(r["stage"], r["requirement"], r["current"]["status"]) for r in listed["required"]] == [
            ("start", "start-decl", "pending"), ("completion", "completion-decl", "pending")]
        pk = listed["required"][1]["current"]["id"]
        assert api(worker).post(f"{url}/occupancy-permit/").status_code == 409
        assert holder.post(f"{url}/stage-documents/{pk}/check/", {"accepted": True}, format="json").status_code == 403
        staff = api(worker)
        response = staff.post(f"{url}/stage-documents/{pk}/check/", {"accepted": False, "reason": "Unsigned."},
                              format="json")
        assert response.status_code == 200 and response.json()["status"] == "refused"
        assert staff.post(f"{url}/stage-documents/{pk}/check/", {"accepted": True},
                          format="json").status_code == 409
        assert staff.post(f"{url}/stage-documents/999999/check/", {"accepted": True}, format="json").status_code == 404
        response = holder.post(f"{url}/stage-documents/", {"stage": "completion", "requirement": "completion-decl",
                                                           "file": pdf_upload("signed.pdf")}, format="multipart")
        assert response.status_code == 201, response.content
        staff.post(f"{url}/stage-documents/{response.json()['id']}/check/", {"accepted": True}, format="json")
        assert staff.post(f"{url}/occupancy-permit/").status_code == 200
    case.refresh_from_db()
    assert case.status == S.CLOSED


def test_the_pages(worker, client):
    case = permitted(worker)
    client.force_login(case.applicant)
    page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    assert 'name="start-decl"' in page and 'enctype="multipart/form-data"' in page
    with at(START_DAY):
        client.post(reverse("applications:report_start", args=[case.reference]), {"start_date": "2026-05-01"})
        case.refresh_from_db()
        assert not case.started_on
        client.post(reverse("applications:report_start", args=[case.reference]),
                    {"start_date": "2026-05-01", "start-decl": pdf_upload()})
    case.refresh_from_db()
    assert case.status == S.WORK_STARTED
    doc = StageDocument.objects.get(case=case)
    client.force_login(worker)
    page = client.get(reverse("applications:workspace", args=[case.reference])).content.decode()
    assert "Documents at the start of work" in page and "Save the check of Start declaration" in page
    client.post(reverse("applications:stage_document_check", args=[case.reference, doc.pk]),
                {"accepted": "no", "reason": "Not signed by the engineer."})
    doc.refresh_from_db()
    assert doc.status == "refused" and doc.reason == "Not signed by the engineer."
    client.force_login(case.applicant)
    page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    assert "Not signed by the engineer." in page and "Send the new file" in page
    client.post(reverse("applications:stage_document_send", args=[case.reference]),
                {"stage": "start", "requirement": "start-decl", "file": pdf_upload("signed.pdf")})
    assert StageDocument.objects.filter(case=case, status="pending").count() == 1


def test_the_workspace_queries_do_not_grow_with_the_documents(worker, client):
    case = reported(worker)
    client.force_login(worker)
    url = reverse("applications:workspace", args=[case.reference])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    done = StageDocument.objects.get(case=case, stage="completion")
    stage_documents.check_stage_document(stage_document=done, actor=worker, accepted=False, reason="Unsigned.")
    for name in ("a.pdf", "b.pdf"):
        doc = stage_documents.add_stage_document(case=case, stage="completion", requirement_code="completion-decl",
                                                 uploaded_file=pdf_upload(name), actor=case.applicant)
        stage_documents.check_stage_document(stage_document=doc, actor=worker, accepted=False, reason="No.")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


@pytest.mark.django_db(transaction=True)
def test_parallel_checks_of_one_document_check_it_once_and_answer_409():
    from tests.applications.test_concurrency import PARALLEL, _all_at_once

    worker = UserFactory(role="caseworker")
    case = reported(worker)
    done = StageDocument.objects.get(case=case, stage="completion")
    url = f"/api/v1/cases/{case.reference}/stage-documents/{done.pk}/check/"
    assert _all_at_once(lambda: api(worker).post(url, {"accepted": True}, format="json").status_code) == (
        [200] + [409] * (PARALLEL - 1))
    assert CaseEvent.objects.filter(case=case, kind="stage_document_accepted").count() == 1

"""Issue 18 item 4: the holder reports completion; the caseworker issues the occupancy permit (a PDF in
the holder's language, BR18 § 43) or, where none is needed, closes the case; returns a lacking report;
ticks off the building-register (BBR) task. Demolition ends with its completion notice."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from applications.models import Advisory, ApplicationType, Case, CaseEvent, OccupancyPermit
from applications.services import completion, start_of_work
from permitportal.core.errors import Invalid, NotAllowed
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.pdfs import pdf_text
from tests.applications.test_start_of_work import at, in_force
from tests.factories import UserFactory

S = Case.Status


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811
    return private_storage


@pytest.fixture
def worker(db):
    return UserFactory(role="caseworker")


def started(worker):
    case = in_force(worker)
    with at(dt.date(2026, 5, 4)):
        start_of_work.report_start(case=case, actor=case.applicant, start_date=dt.date(2026, 5, 1))
    case.refresh_from_db()
    return case


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_completion_then_the_occupancy_permit_in_the_holders_language(worker, django_capture_on_commit_callbacks):
    case = started(worker)
    case.applicant.preferred_language = "da"
    case.applicant.save()
    with at(dt.date(2026, 9, 1)):
        with pytest.raises(Invalid):
            completion.report_completion(case=case, actor=case.applicant, completed_on=dt.date(2026, 4, 30))
        completion.report_completion(case=case, actor=case.applicant, completed_on=dt.date(2026, 8, 31))
        case.refresh_from_db()
        assert case.status == S.COMPLETION_REPORTED
        assert Advisory.objects.filter(case=case, kind="completion_reported").exists()
        with pytest.raises(PermissionError):
            completion.finish(case=case, actor=case.applicant)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            completion.finish(case=case, actor=worker)
    case.refresh_from_db()
    assert case.status == S.CLOSED
    permit = OccupancyPermit.objects.get(case=case)
    text = " ".join(pdf_text(permit.pdf.read()).split())
    assert f"Ibrugtagningstilladelse for {case.reference}" in text
    assert [m.attachments[0][0] for m in mail.outbox if m.attachments] == [f"{case.reference}-occupancy-permit.pdf"]
    assert CaseEvent.objects.filter(case=case, kind="status:closed", params__variant="closed_occupancy").exists()


def test_a_lacking_report_is_returned_with_the_reason(worker):
    case = started(worker)
    with at(dt.date(2026, 9, 1)):
        completion.report_completion(case=case, actor=case.applicant, completed_on=dt.date(2026, 8, 31))
        with pytest.raises(Invalid):
            completion.return_completion(case=case, actor=worker, reason=" ")
        completion.return_completion(case=case, actor=worker, reason="The fire documentation is missing.")
    case.refresh_from_db()
    assert case.status == S.WORK_STARTED
    event = CaseEvent.objects.get(case=case, params__variant="completion_returned")
    assert event.params["reason"].startswith("The fire")


def test_demolition_ends_with_its_completion_notice_without_an_occupancy_permit(worker):
    case = started(worker)
    ApplicationType.objects.filter(pk=case.application_type_id).update(code="demolition")
    with at(dt.date(2026, 9, 1)):
        completion.report_completion(case=case, actor=case.applicant, completed_on=dt.date(2026, 8, 31))
        completion.finish(case=case, actor=worker)
    case.refresh_from_db()
    assert case.status == S.CLOSED and not OccupancyPermit.objects.filter(case=case).exists()


def test_the_bbr_task_appears_at_completion_and_is_ticked_once(worker):
    case = started(worker)
    with pytest.raises(NotAllowed):
        completion.tick_bbr(case=case, actor=worker)
    with at(dt.date(2026, 9, 1)):
        completion.report_completion(case=case, actor=case.applicant, completed_on=dt.date(2026, 8, 31))
        completion.tick_bbr(case=case, actor=worker)
        with pytest.raises(NotAllowed):
            completion.tick_bbr(case=case, actor=worker)
    case.refresh_from_db()
    assert case.bbr_updated_at is not None


def test_completion_before_the_start_is_refused(worker):
    case = in_force(worker)
    with at(dt.date(2026, 5, 4)), pytest.raises(NotAllowed):
        completion.report_completion(case=case, actor=case.applicant, completed_on=dt.date(2026, 5, 1))


def test_the_api_and_the_pages(worker, client):
    case = started(worker)
    with at(dt.date(2026, 9, 1)):
        assert api(case.applicant).post(f"/api/v1/cases/{case.reference}/occupancy-permit/").status_code == 403
        response = api(case.applicant).post(f"/api/v1/cases/{case.reference}/completion/",
                                            {"completed_on": "2026-08-31"}, format="json")
        assert response.status_code == 200 and response.json()["status"] == "completion_reported"
        client.force_login(worker)
        page = client.get(reverse("applications:workspace", args=[case.reference])).content.decode()
        assert "Issue the occupancy permit and close the case" in page and "Mark the BBR as updated" in page
        client.post(reverse("applications:bbr_updated", args=[case.reference]))
        client.post(reverse("applications:completion_finish", args=[case.reference]))
        assert api(worker).post(f"/api/v1/cases/{case.reference}/occupancy-permit/").status_code == 409
        client.force_login(case.applicant)
        page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
        assert reverse("applications:occupancy_pdf", args=[case.reference]) in page
        pdf = client.get(reverse("applications:occupancy_pdf", args=[case.reference]))
        assert pdf.status_code == 200
        assert api(case.applicant).get(f"/api/v1/cases/{case.reference}/occupancy.pdf").status_code == 200
        assert api(UserFactory(role="applicant")).get(
            f"/api/v1/cases/{case.reference}/occupancy.pdf").status_code == 404

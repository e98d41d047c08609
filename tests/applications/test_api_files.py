"""Issue 14 items 14 and 15: every file endpoint of the API answers the file for ``Accept:
application/pdf`` and for ``*/*`` (the receipt and the decision letter answered 406), and a version
that is not a number (``?version=²``, which ``isdigit`` accepts) is a 400 or 404, never a 500."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from applications.services import decisions, handling
from applications.services.catalogue import load_catalogue
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.predialogue.helpers import published_meeting
from tests.security.conftest import walk_patterns

FILE_ENDPOINTS = {"api-case-receipt", "api-case-decision-pdf", "api-predialogue-minutes-pdf", "api-case-occupancy-pdf"}


@pytest.fixture
def files(db, caseworker, private_storage, django_capture_on_commit_callbacks):  # noqa: F811
    load_catalogue()
    case = support.submitted_case()
    handling.mark_complete(case=case, actor=caseworker)
    handling.start_review(case=case, actor=caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        decisions.record_decision(case=case, actor=caseworker, outcome="granted", reasons="Fine.")
    meeting = published_meeting(applicant=case.applicant, prop=case.property, caseworker=caseworker)
    return case, meeting


def test_the_list_names_every_file_endpoint_of_the_api():
    """A new ``….pdf`` route of the API must be added here (and so be tested below)."""
    found = {name for name, route, _ in walk_patterns() if route.startswith("api/") and route.endswith(".pdf")}
    assert found == FILE_ENDPOINTS


@pytest.mark.parametrize("accept", ["application/pdf", "*/*", "application/pdf, application/json;q=0.5", None])
def test_every_file_endpoint_answers_the_file(files, accept):
    case, meeting = files
    api = APIClient()
    api.force_authenticate(case.applicant)
    headers = {} if accept is None else {"HTTP_ACCEPT": accept}
    for url in (reverse("api-case-receipt", args=[case.reference]),
                reverse("api-case-decision-pdf", args=[case.reference]),
                reverse("api-predialogue-minutes-pdf", args=[meeting.pk])):
        response = api.get(url, **headers)
        assert response.status_code == 200, (url, accept, response.status_code)
        assert response["Content-Type"] == "application/pdf"
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert body.startswith(b"%PDF")


@pytest.fixture
def occupancy(db, caseworker, private_storage):  # noqa: F811
    """A case closed with its occupancy permit (issue 18 item 4)."""
    import datetime as dt

    from applications.services import completion
    from tests.applications.test_completion import started
    from tests.applications.test_start_of_work import at

    case = started(caseworker)
    with at(dt.date(2026, 9, 1)):
        completion.report_completion(case=case, actor=case.applicant, completed_on=dt.date(2026, 8, 31))
        completion.finish(case=case, actor=caseworker)
    case.refresh_from_db()
    assert case.occupancy_permit.pdf
    return case


@pytest.mark.parametrize("accept", ["application/pdf", "*/*", "application/pdf, application/json;q=0.5", None])
def test_the_occupancy_permit_answers_the_file(occupancy, accept):
    api = APIClient()
    api.force_authenticate(occupancy.applicant)
    headers = {} if accept is None else {"HTTP_ACCEPT": accept}
    response = api.get(reverse("api-case-occupancy-pdf", args=[occupancy.reference]), **headers)
    assert response.status_code == 200, (accept, response.status_code)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("version", ["²", "١", "1.0", "-1", "9" * 30, "x"])
def test_a_version_that_is_not_a_number_is_refused(files, client, version):
    case, meeting = files
    api = APIClient()
    api.force_authenticate(case.applicant)
    response = api.get(reverse("api-predialogue-minutes-pdf", args=[meeting.pk]), {"version": version})
    assert response.status_code == 400 and "version" in response.json()["errors"]
    client.force_login(case.applicant)
    assert client.get(reverse("predialogue:minutes_pdf", args=[meeting.pk]), {"version": version}).status_code == 404
    assert client.get(reverse("predialogue:minutes_pdf", args=[meeting.pk]), {"version": "1"}).status_code == 200

"""The API: POST requests/; GET/POST meetings/{id}/ (schedule/, minutes/, publish/); GET minutes.pdf."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from predialogue.models import Meeting, Minutes
from tests.predialogue.helpers import MINUTES_SECTIONS, after_the_meeting, request_meeting, schedule

BASE = "/api/v1/predialogue"


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_an_applicant_requests_a_meeting(applicant, prop):
    response = api(applicant).post(f"{BASE}/requests/", {
        "property": prop.pk, "description": "A carport of 40 m² by the road.",
        "questions": "How close to the road?", "preferred_times": "Mornings"}, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "requested" and body["property"]["id"] == prop.pk
    assert body["questions"] == "How close to the road?" and body["minutes_published"] is False
    assert "contact" not in body  # staff only
    meeting = Meeting.objects.get(pk=body["id"])
    assert meeting.applicant == applicant


def test_bad_requests_get_a_message(applicant, prop):
    response = api(applicant).post(f"{BASE}/requests/", {"property": 999999, "description": "x"}, format="json")
    assert response.status_code == 400 and "GET /api/v1/properties/" in response.json()["message"]
    response = api(applicant).post(f"{BASE}/requests/", {"property": prop.pk, "description": "short"}, format="json")
    assert response.status_code == 400 and "Describe your project" in response.json()["message"]
    assert api().post(f"{BASE}/requests/", {}, format="json").status_code in (401, 403)


def test_the_dialogue_team_requests_for_a_caller(dialogue_member, prop):
    response = api(dialogue_member).post(f"{BASE}/requests/", {
        "property": prop.pk, "description": "Carport of 40 m² by the road.",
        "on_behalf_of_name": "Carl Caller", "on_behalf_of_phone": "+45 11 22 33 44"}, format="json")
    assert response.status_code == 201
    assert response.json()["contact"] == {"name": "Carl Caller", "email": "", "phone": "+45 11 22 33 44"}
    assert response.json()["source"] == "dialogue_team"


@pytest.fixture
def meeting(applicant, prop):
    return request_meeting(applicant=applicant, prop=prop)


def test_a_caseworker_schedules_through_the_api(meeting, caseworker):
    starts = (timezone.now() + timedelta(days=4)).replace(microsecond=0)
    response = api(caseworker).post(f"{BASE}/meetings/{meeting.pk}/schedule/", {
        "starts_at": starts.isoformat(), "place": "https://video.example.dk/m/1", "caseworker": caseworker.email},
        format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "scheduled" and body["caseworker"]["email"] == caseworker.email
    assert body["place"] == "https://video.example.dk/m/1"
    meeting.refresh_from_db()
    assert meeting.starts_at == starts


def test_schedule_errors(meeting, caseworker, applicant, dialogue_member):
    url = f"{BASE}/meetings/{meeting.pk}/schedule/"
    past = (timezone.now() - timedelta(days=1)).isoformat()
    response = api(caseworker).post(url, {"starts_at": past, "place": "Here", "caseworker": caseworker.email},
                                    format="json")
    assert response.status_code == 400 and response.json()["message"] == "Choose a time in the future."
    future = (timezone.now() + timedelta(days=1)).isoformat()
    response = api(caseworker).post(url, {"starts_at": future, "place": "Here", "caseworker": "nobody@example.dk"},
                                    format="json")
    assert response.status_code == 400 and "No caseworker" in response.json()["message"]
    for user in (applicant, dialogue_member):
        response = api(user).post(url, {"starts_at": future, "place": "Here", "caseworker": caseworker.email},
                                  format="json")
        assert response.status_code == 403


def test_a_transition_not_in_the_table_answers_409(meeting, caseworker, applicant):
    response = api(caseworker).post(f"{BASE}/meetings/{meeting.pk}/", {"status": "held"}, format="json")
    assert response.status_code == 409 and "cannot become" in response.json()["message"]
    response = api(applicant).post(f"{BASE}/meetings/{meeting.pk}/", {"status": "cancelled"}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    response = api(caseworker).post(f"{BASE}/meetings/{meeting.pk}/schedule/", {
        "starts_at": (timezone.now() + timedelta(days=2)).isoformat(), "place": "Here",
        "caseworker": caseworker.email}, format="json")
    assert response.status_code == 409


def test_minutes_write_publish_lock_correct_and_pdf(meeting, caseworker, applicant, catalogue):
    schedule(meeting, caseworker=caseworker)
    client = api(caseworker)
    minutes_url = f"{BASE}/meetings/{meeting.pk}/minutes/"
    body = {**MINUTES_SECTIONS, "required_documents": [{"requirement": "site-plan", "note": "1:500"}],
            "not_needed_documents": [{"requirement": "waste-screening"}], "application_type": "single-family-house"}
    response = client.post(minutes_url, body, format="json")
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["state"] == "draft" and data["version"] == 1
    assert data["required_documents"] == [{"requirement": "site-plan", "title": data["required_documents"][0]["title"],
                                           "note": "1:500"}]
    assert [d["requirement"] for d in data["not_needed_documents"]] == ["waste-screening"]
    assert "do not bind the decision" in data["caveat"]
    # The applicant cannot see a draft.
    assert api(applicant).get(minutes_url).status_code == 404
    assert api(applicant).post(minutes_url, body, format="json").status_code == 403

    with after_the_meeting(meeting):
        response = client.post(f"{BASE}/meetings/{meeting.pk}/publish/", {}, format="json")
    assert response.status_code == 200 and response.json()["state"] == "published"
    assert api(applicant).get(minutes_url).json()["zoning_plan"] == MINUTES_SECTIONS["zoning_plan"]
    assert api(applicant).get(f"{BASE}/meetings/{meeting.pk}/").json()["status"] == "held"

    # Published minutes are locked.
    response = client.post(minutes_url, {**body, "participants": "Changed"}, format="json")
    assert response.status_code == 409 and "locked" in response.json()["message"]
    assert client.post(f"{BASE}/meetings/{meeting.pk}/publish/", {}, format="json").status_code == 409

    # A correction is a new version; the old one is kept.
    response = client.post(f"{BASE}/meetings/{meeting.pk}/minutes/correction/",
                           {"correction_note": "Roof pitch settled."}, format="json")
    assert response.status_code == 201 and response.json()["version"] == 2
    client.post(minutes_url, {**body, "open_questions": "None."}, format="json")
    response = client.post(f"{BASE}/meetings/{meeting.pk}/publish/", {}, format="json")
    assert response.status_code == 200 and response.json()["version"] == 2
    assert Minutes.objects.filter(meeting=meeting, state="published").count() == 2
    assert api(applicant).get(minutes_url).json()["open_questions"] == "None."

    pdf = api(applicant).get(f"{BASE}/meetings/{meeting.pk}/minutes.pdf", HTTP_ACCEPT="application/pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert api(applicant).get(f"{BASE}/meetings/{meeting.pk}/minutes.pdf?version=1").status_code == 200
    assert api(applicant).get(f"{BASE}/meetings/{meeting.pk}/minutes.pdf?version=9").status_code == 404


def test_minutes_input_errors(meeting, caseworker, catalogue):
    schedule(meeting, caseworker=caseworker)
    url = f"{BASE}/meetings/{meeting.pk}/minutes/"
    response = api(caseworker).post(url, {"required_documents": [{"requirement": "nope"}]}, format="json")
    assert response.status_code == 400 and "Unknown documents: nope" in response.json()["message"]
    response = api(caseworker).post(url, {"application_type": "castle"}, format="json")
    assert response.status_code == 400 and "Unknown application type" in response.json()["message"]
    response = api(caseworker).post(f"{BASE}/meetings/{meeting.pk}/publish/", {}, format="json")
    assert response.status_code == 400 and "Write the minutes" in response.json()["message"]


def test_lists(meeting, applicant, other_applicant, caseworker):
    assert [m["id"] for m in api(applicant).get(f"{BASE}/meetings/").json()] == [meeting.pk]
    assert api(other_applicant).get(f"{BASE}/meetings/").json() == []
    staff = api(caseworker).get(f"{BASE}/meetings/?status=requested").json()
    assert [m["id"] for m in staff] == [meeting.pk] and staff[0]["contact"]["email"] == applicant.email
    assert api(caseworker).get(f"{BASE}/meetings/?status=bogus").status_code == 400


def test_the_schema_documents_the_endpoints(db, client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").content.decode()
    for path in ("/api/v1/predialogue/requests/", "/api/v1/predialogue/meetings/{id}/schedule/",
                 "/api/v1/predialogue/meetings/{id}/minutes/", "/api/v1/predialogue/meetings/{id}/publish/",
                 "/api/v1/predialogue/meetings/{id}/minutes.pdf"):
        assert path in schema
    assert "MinutesWrite" in schema and "required_documents" in schema

"""The applicant journey through the API, as DESIGN.md's contract says."""

import pytest
from rest_framework.test import APIClient

from applications.models import Case
from tests.applications.factories import PropertyFactory
from tests.applications.pdfs import pdf_text, pdf_upload
from tests.factories import PASSWORD


@pytest.fixture
def api(applicant):
    client = APIClient()
    token = client.post("/api/v1/auth/token/", {"email": applicant.email, "password": PASSWORD},
                        format="json").json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def test_whole_journey_through_the_api(catalogue, api, django_capture_on_commit_callbacks):
    prop = PropertyFactory(address="Æbeløgade 4", postcode="2100", city="København Ø")
    types = api.get("/api/v1/application-types/").json()
    assert {t["code"] for t in types} >= {"small-building", "demolition"}
    found = api.get("/api/v1/properties/", {"q": "æbeløgade"}).json()
    assert found[0]["id"] == prop.pk

    created = api.post("/api/v1/cases/", {"application_type": "small-building", "property": prop.pk,
                                          "description": "A 60 m² double garage"}, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["status"] == "draft" and body["reference"].startswith("B-")
    ref = body["reference"]
    required = [c["requirement"] for c in body["checklist"] if c["required"]]
    assert "site-plan" in required

    refused = api.post(f"/api/v1/cases/{ref}/submit/")
    assert refused.status_code == 400
    assert {m["code"] for m in refused.json()["missing"]} >= {"site-plan"}
    assert "cannot be sent yet" in refused.json()["message"]

    bad = api.post(f"/api/v1/cases/{ref}/documents/", {"requirement": "site-plan",
                                                       "file": pdf_upload("x.png")}, format="multipart")
    assert bad.status_code == 400 and bad.json()["message"]

    first, *rest = required
    ok = api.post(f"/api/v1/cases/{ref}/documents/", {"requirement": first, "file": pdf_upload()},
                  format="multipart")
    assert ok.status_code == 201 and len(ok.json()["sha256"]) == 64
    for code in rest:
        nr = api.post(f"/api/v1/cases/{ref}/requirements/{code}/not-relevant/",
                      {"reason": "Not part of this garage project at all."}, format="json")
        assert nr.status_code == 200, nr.json()

    with django_capture_on_commit_callbacks(execute=True):
        sent = api.post(f"/api/v1/cases/{ref}/submit/")
    assert sent.status_code == 200, sent.json()
    detail = sent.json()
    assert detail["status"] == "submitted"
    assert detail["expected_decision_date"]
    assert detail["on_track"] is True
    assert detail["waiting_for"] == "municipality"
    assert detail["status_text"]
    assert any("sent" in e["text"].lower() for e in detail["timeline"])

    again = api.get(f"/api/v1/cases/{ref}/").json()
    assert again["reference"] == ref
    listing = api.get("/api/v1/cases/").json()
    assert [c["reference"] for c in listing] == [ref]
    receipt = api.get(f"/api/v1/cases/{ref}/receipt.pdf")
    assert receipt.status_code == 200 and receipt["Content-Type"] == "application/pdf"
    assert ref in pdf_text(receipt.content)


def test_create_from_guide_answers(catalogue, api):
    prop = PropertyFactory()
    answers = {"project": "demolish", "demolish-what": "building"}
    from applications.services.guide import evaluate_guide

    result = evaluate_guide(answers=answers, property=prop)
    while "next_question" in result:
        question = result["next_question"]
        answers[question["code"]] = question["options"][0]["code"]
        result = evaluate_guide(answers=answers, property=prop)
    assert result["outcome"]["kind"] == "application", result
    response = api.post("/api/v1/cases/", {"answers": answers, "property": prop.pk}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["application_type"] == result["outcome"]["application_type"]


def test_bad_input_gets_a_message(catalogue, api):
    response = api.post("/api/v1/cases/", {"property": 999999, "application_type": "small-building"}, format="json")
    assert response.status_code == 400 and "property" in response.json()["message"]
    response = api.post("/api/v1/cases/", {"property": PropertyFactory().pk}, format="json")
    assert response.status_code == 400 and "application_type" in response.json()["message"]


def test_staff_cannot_create_cases(catalogue, caseworker):
    client = APIClient()
    client.force_authenticate(caseworker)
    response = client.post("/api/v1/cases/", {"property": PropertyFactory().pk, "application_type": "demolition"},
                           format="json")
    assert response.status_code == 403


def test_api_list_and_detail_query_counts(catalogue, api, applicant, django_assert_max_num_queries):
    from applications.models import ApplicationType
    from applications.services.cases import create_draft

    cases = [create_draft(applicant=applicant, property=PropertyFactory(),
                          application_type=ApplicationType.objects.get(code="demolition")) for _ in range(6)]
    with django_assert_max_num_queries(6):
        assert len(api.get("/api/v1/cases/").json()) == 6
    with django_assert_max_num_queries(14):
        assert api.get(f"/api/v1/cases/{cases[0].reference}/").status_code == 200
    assert Case.objects.count() == 6

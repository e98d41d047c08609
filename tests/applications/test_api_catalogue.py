"""API: GET application-types/ and POST guide/, open to anyone, as the design's contract says."""

import pytest
from rest_framework.test import APIClient

from applications.models import ApplicationType
from tests.applications.factories import PropertyFactory


@pytest.fixture
def api():
    return APIClient()


def test_application_types_lists_every_type_with_its_requirements(api, catalogue):
    response = api.get("/api/v1/application-types/")
    assert response.status_code == 200
    types = {t["code"]: t for t in response.json()}
    assert set(types) == set(ApplicationType.objects.values_list("code", flat=True))
    demolition = types["demolition"]
    assert set(demolition) == {"code", "name", "summary", "kind", "service_target_days", "requirements"}
    assert demolition["kind"] == "permit" and demolition["service_target_days"] == 14
    assert demolition["name"] == "Demolition"
    rules = {r["code"]: r for r in demolition["requirements"]}
    assert rules["waste-screening"]["rule"] == "required_if"
    assert rules["waste-screening"]["condition"] == {"demolition-waste": ["1t-or-more", "dont-know"]}
    assert rules["power-of-attorney"]["rule"] == "required_if"
    assert rules["power-of-attorney"]["condition"] == {"applying_for": ["other"]}
    assert rules["site-plan"]["title"] == "Site plan" and rules["site-plan"]["explanation"]


def test_application_types_speak_danish_when_asked(api, catalogue):
    response = api.get("/api/v1/application-types/", HTTP_ACCEPT_LANGUAGE="da")
    names = {t["code"]: t["name"] for t in response.json()}
    assert names["demolition"] == "Nedrivning"


def test_application_types_query_count_does_not_grow(api, catalogue, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        api.get("/api/v1/application-types/")
    for n in range(5):
        ApplicationType.objects.create(code=f"extra-{n}", name_en="X", name_da="X", summary_en="X", summary_da="X",
                                       service_target_days=30)
    with django_assert_max_num_queries(2):
        assert len(api.get("/api/v1/application-types/").json()) == 13


def test_guide_with_no_answers_gives_the_first_question(api, catalogue):
    response = api.post("/api/v1/guide/", {"answers": {}}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"next_question"}
    question = body["next_question"]
    assert question["code"] == "project"
    assert question["text"] == "What do you want to do?"
    assert {"code": "demolish", "label": "Demolish a building"} in question["options"]
    assert question["prefilled_from_register"] is None


def test_guide_no_permit_outcome(api, catalogue):
    answers = {"project": "small-building", "small-total-area": "up-to-50", "small-integrated": "no",
               "small-on-ground": "yes", "small-holiday-area": "no", "small-boundary": "yes"}
    body = api.post("/api/v1/guide/", {"answers": answers}, format="json").json()
    assert set(body) == {"outcome"}
    assert body["outcome"]["kind"] == "no_permit"
    assert body["outcome"]["application_type"] is None
    assert body["outcome"]["requirements"] == []
    assert "BR18" in body["outcome"]["still_applies"]


def test_guide_application_outcome_with_requirements(api, catalogue):
    answers = {"project": "house", "house-work": "new", "house-kind": "year-round", "house-heated-area": "over-50",
               "house-construction-class": "class-1", "house-fire-class": "class-3"}
    body = api.post("/api/v1/guide/", {"answers": answers, "applying_for": "other"}, format="json").json()
    outcome = body["outcome"]
    assert outcome["kind"] == "application" and outcome["application_type"] == "single-family-house"
    required = {r["code"] for r in outcome["requirements"] if r["required"]}
    assert {"energy-frame", "fire-docs", "power-of-attorney"} <= required
    assert set(outcome["requirements"][0]) == {"code", "title", "explanation", "required"}


def test_guide_with_a_property_pre_answers_from_the_register(api, catalogue):
    prop = PropertyFactory(year_built=1972)
    body = api.post("/api/v1/guide/", {"answers": {"project": "house", "house-work": "extend"}, "property": prop.pk},
                    format="json").json()
    assert body["next_question"]["prefilled_from_register"]["option"] == "1950-1977"
    answers = {"project": "demolish", "demolish-what": "building", "demolition-building-age": "1950-1977",
               "demolition-waste": "1t-or-more"}
    demolish = api.post("/api/v1/guide/", {"answers": answers, "property": prop.pk}, format="json").json()
    assert {"waste-screening", "pcb-screening"} <= {r["code"] for r in demolish["outcome"]["requirements"]}


def test_guide_predialogue_outcome(api, catalogue):
    body = api.post("/api/v1/guide/", {"answers": {"project": "not-sure"}}, format="json").json()
    assert body["outcome"]["kind"] == "predialogue"


@pytest.mark.parametrize("payload,message", [
    ({"answers": {"project": "castle"}}, "“castle” is not an answer to the question “project”. Choose one of:"),
    ({"answers": {"colour": "red"}}, "“colour” is not a question in the guide"),
    ({"answers": {}, "property": 999999}, "There is no property with id 999999"),
    ({"answers": ["project"]}, "answers: Expected a dictionary"),
    ({"answers": {}, "applying_for": "cat"}, "applying_for"),
])
def test_guide_bad_input_is_400_with_a_message(api, catalogue, payload, message):
    response = api.post("/api/v1/guide/", payload, format="json")
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_guide_is_open_to_anyone_and_logged_in_users(api, catalogue, applicant):
    assert api.post("/api/v1/guide/", {}, format="json").status_code == 200
    api.force_authenticate(applicant)
    assert api.post("/api/v1/guide/", {"answers": {"project": "demolish"}}, format="json").status_code == 200


def test_guide_without_a_catalogue_is_503(api, db):
    response = api.post("/api/v1/guide/", {"answers": {}}, format="json")
    assert response.status_code == 503
    assert "not available" in response.json()["message"]


def test_guide_query_count(api, catalogue, django_assert_max_num_queries):
    with django_assert_max_num_queries(5):
        api.post("/api/v1/guide/", {"answers": {"project": "demolish"}}, format="json")


def test_catalogue_endpoints_are_in_the_schema(client, catalogue):
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/application-types/" in schema
    assert "/api/v1/guide/" in schema
    assert "NextQuestion" in schema and "Outcome" in schema

"""The guide in the browser (without JavaScript), the expert path and the public guidance pages."""

import pytest
from django.urls import reverse

from applications.models import ApplicationType, DocumentRequirement, PropertyCorrection
from tests.applications.factories import PropertyFactory


@pytest.fixture
def prop(db):
    return PropertyFactory(address="Æbeløgade 4", year_built=1965, use="Fritliggende enfamiliehus")


def set_guide(client, **state):
    session = client.session
    session["guide"] = {"property": None, "applying_for": "self", "answers": {}, **state}
    session.save()


DEMOLITION = {"project": "demolish", "demolish-what": "building", "demolition-building-age": "1950-1977",
              "demolition-waste": "1t-or-more"}


def answer(client, code, option):
    return client.post(reverse("applications:guide_question", args=[code]), {"action": "answer", "answer": option})


# --- The guide ------------------------------------------------------------------------------------

def test_start_page_says_what_you_need_and_asks_who_you_apply_for(client, catalogue):
    body = client.get(reverse("applications:guide_start")).content.decode()
    assert "What you will need" in body and "About 5 minutes" in body
    assert 'name="applying_for" value="self"' in body and 'name="applying_for" value="other"' in body
    response = client.post(reverse("applications:guide_start"), {"applying_for": "other"})
    assert response.url == reverse("applications:guide_property")
    assert client.session["guide"]["applying_for"] == "other"


def test_start_page_needs_an_answer(client, catalogue):
    response = client.post(reverse("applications:guide_start"), {})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Choose whether you apply for yourself or for someone else." in body
    assert 'href="#id_applying_for_0"' in body and 'id="id_applying_for_0"' in body


def test_property_search_lists_matches_and_choosing_one_starts_the_questions(client, catalogue, prop):
    PropertyFactory(address="Æbeløgade 6")
    PropertyFactory(address="Nørrebrogade 1")
    body = client.get(reverse("applications:guide_property"), {"q": "æbeløgade"}).content.decode()
    assert "Æbeløgade 4" in body and "Æbeløgade 6" in body and "Nørrebrogade" not in body
    response = client.post(reverse("applications:guide_property"), {"property": prop.pk})
    assert response.url == reverse("applications:guide_next")
    assert client.session["guide"]["property"] == prop.pk
    assert client.get(response.url).url == reverse("applications:guide_question", args=["project"])


def test_property_search_without_matches_says_what_to_try(client, catalogue):
    body = client.get(reverse("applications:guide_property"), {"q": "Atlantis"}).content.decode()
    assert "We found no property for “Atlantis”" in body
    response = client.post(reverse("applications:guide_property"), {"property": 99999, "q": "x"})
    assert "We cannot find that property any more" in response.content.decode()


def test_questions_need_a_property_first(client, catalogue):
    response = client.get(reverse("applications:guide_question", args=["project"]))
    assert response.url == reverse("applications:guide_property")


def test_question_page_shows_one_question_with_step_help_and_back(client, catalogue, prop):
    set_guide(client, property=prop.pk, answers={"project": "house"})
    body = client.get(reverse("applications:guide_question", args=["house-work"])).content.decode()
    assert body.count("<h1") == 1
    assert "Are you building a new house or extending one?" in body
    assert "Question 2 of about 8" in body
    assert f'href="{reverse("applications:guide_question", args=["project"])}"' in body  # Back
    assert "A house here means a detached" in body
    assert body.count('type="radio"') == 2


def test_answering_moves_on_and_keeps_answers_in_the_session(client, catalogue, prop):
    set_guide(client, property=prop.pk)
    response = answer(client, "project", "house")
    assert response.url == reverse("applications:guide_question", args=["house-work"])
    response = answer(client, "house-work", "extend")
    assert response.url == reverse("applications:guide_question", args=["house-building-age"])
    assert client.session["guide"]["answers"] == {"project": "house", "house-work": "extend"}


def test_an_empty_answer_shows_the_error_summary(client, catalogue, prop):
    set_guide(client, property=prop.pk)
    response = client.post(reverse("applications:guide_question", args=["project"]), {"action": "answer"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and "Choose an answer to continue." in body
    assert 'href="#id_answer_0"' in body


def test_a_question_off_the_path_goes_back_to_where_you_are(client, catalogue, prop):
    set_guide(client, property=prop.pk, answers={"project": "house"})
    response = client.get(reverse("applications:guide_question", args=["industry-work"]))
    assert response.url == reverse("applications:guide_next")


def test_the_register_pre_selects_the_answer(client, catalogue, prop):
    set_guide(client, property=prop.pk, answers={"project": "house", "house-work": "extend"})
    body = client.get(reverse("applications:guide_question", args=["house-building-age"])).content.decode()
    assert "the property register, which says: year built: 1965" in body
    assert 'value="1950-1977" id="id_answer_1" checked' in body
    assert "The property register is wrong" in body


def test_reporting_a_wrong_register_value(client, catalogue, prop):
    set_guide(client, property=prop.pk, answers={"project": "house", "house-work": "extend"})
    url = reverse("applications:guide_question", args=["house-building-age"])
    response = client.post(url, {"action": "correction", "reported_value": "1982", "comment": "Rebuilt after a fire"})
    assert response.url == url
    correction = PropertyCorrection.objects.get()
    assert (correction.field, correction.register_value, correction.reported_value) == ("year_built", "1965", "1982")
    assert correction.comment == "Rebuilt after a fire"


def test_a_bad_register_correction_is_explained(client, catalogue, prop):
    set_guide(client, property=prop.pk, answers={"project": "house", "house-work": "extend"})
    url = reverse("applications:guide_question", args=["house-building-age"])
    body = client.post(url, {"action": "correction", "reported_value": "long ago"}).content.decode()
    assert "Write the year the building was built as four digits" in body
    assert "<details class=\"mt-4 register-correction\" open>" in body
    assert not PropertyCorrection.objects.exists()


def test_correction_goes_through_the_properties_service(client, catalogue, prop, monkeypatch):
    calls = []
    monkeypatch.setattr("applications.views.guide.report_correction", lambda **kw: calls.append(kw))
    set_guide(client, property=prop.pk, answers={"project": "house", "house-work": "new"})
    client.post(reverse("applications:guide_question", args=["house-kind"]),
                {"action": "correction", "reported_value": "Rækkehus", "comment": ""})
    assert calls and calls[0]["field"] == "use" and calls[0]["property"] == prop
    assert calls[0]["reported_value"] == "Rækkehus"


def test_no_permit_outcome_page(client, catalogue, prop):
    answers = {"project": "small-building", "small-total-area": "up-to-50", "small-integrated": "no",
               "small-on-ground": "yes", "small-holiday-area": "no", "small-boundary": "yes", "house-work": "new"}
    set_guide(client, property=prop.pk, answers=answers)
    response = client.get(reverse("applications:guide_outcome"))
    body = response.content.decode()
    assert "You do not need a building permit" in body
    assert "Rules that still apply" in body and "BR18" in body
    assert "What you must still report" in body and "BBR" in body
    # The rules near the boundary, with their numbers (BR18 §§ 180-181).
    assert "Closer than 2.5 m to the boundary" in body and "at most 12 m long" in body and "rainwater" in body
    assert "Start your application" not in body
    # Only the answers on the way to the outcome are kept.
    assert "house-work" not in client.session["guide"]["answers"]


def test_application_outcome_lists_the_tailored_checklist_and_asks_to_log_in(client, catalogue, prop):
    answers = {"project": "house", "house-work": "extend", "house-building-age": "1950-1977", "house-waste": "yes",
               "house-kind": "year-round", "house-heated-area": "up-to-50", "house-construction-class": "class-2",
               "house-fire-class": "class-1"}
    set_guide(client, property=prop.pk, applying_for="other", answers=answers)
    body = client.get(reverse("applications:guide_outcome")).content.decode()
    assert "You need to apply: House: a new house or an extension" in body
    for code in ("structural-docs", "waste-screening", "pcb-screening", "power-of-attorney", "site-plan",
                 "classification", "energy-extension"):
        title = DocumentRequirement.objects.get(code=code).title_en
        assert title in body
        assert reverse("applications:guidance_requirement", args=[code]) in body
    assert "Energy frame calculation" not in body
    login = reverse("accounts:login") + "?next=" + reverse("applications:guide_outcome").replace("/", "%2F")
    assert login in body


def test_application_outcome_posts_to_draft_create_when_logged_in(client, catalogue, prop, applicant):
    client.force_login(applicant)
    set_guide(client, property=prop.pk, applying_for="self", answers=DEMOLITION)
    body = client.get(reverse("applications:guide_outcome")).content.decode()
    assert "You need to apply: Demolition" in body
    assert f'action="{reverse("applications:draft_create")}"' in body
    assert f'name="property" value="{prop.pk}"' in body
    assert 'name="application_type" value="demolition"' in body
    assert 'name="applying_for" value="self"' in body
    assert 'name="from_guide" value="1"' in body


def test_starting_the_application_from_the_outcome_makes_a_draft(client, catalogue, prop, applicant):
    client.force_login(applicant)
    set_guide(client, property=prop.pk, applying_for="other", answers=DEMOLITION)
    response = client.post(reverse("applications:draft_create"), {"property": prop.pk, "application_type": "demolition",
                                                                  "applying_for": "other", "from_guide": "1"})
    assert response.status_code == 302
    case = applicant.cases.get()
    assert case.application_type.code == "demolition"
    assert case.answers == DEMOLITION
    assert set(case.checklist.filter(required=True).values_list("requirement__code", flat=True)) >= {
        "waste-screening", "pcb-screening", "demolition-details", "power-of-attorney"}


def test_predialogue_outcome_does_not_link_to_a_missing_page(client, catalogue, prop):
    set_guide(client, property=prop.pk, answers={"project": "not-sure"})
    body = client.get(reverse("applications:guide_outcome")).content.decode()
    assert "Talk to us before you apply" in body
    assert "/predialogue/" in body


def test_outcome_before_the_last_answer_goes_to_the_next_question(client, catalogue, prop):
    set_guide(client, property=prop.pk, answers={"project": "house"})
    assert client.get(reverse("applications:guide_outcome")).url == reverse("applications:guide_next")


def test_answers_the_catalogue_no_longer_knows_start_the_questions_again(client, catalogue, prop):
    set_guide(client, property=prop.pk, answers={"gone": "x"})
    response = client.get(reverse("applications:guide_outcome"))
    assert response.url == reverse("applications:guide_next")
    assert client.session["guide"]["answers"] == {}


def test_without_a_catalogue_the_guide_says_it_is_not_available(client, prop):
    set_guide(client, property=prop.pk, answers={"project": "house"})
    for name in ("applications:guide_next", "applications:guide_outcome"):
        response = client.get(reverse(name))
        assert response.status_code == 503
        assert "The guide is not available yet" in response.content.decode()
    assert client.get(reverse("applications:guide_question", args=["project"])).status_code == 503


def test_restart_clears_the_session(client, catalogue, prop):
    set_guide(client, property=prop.pk, answers={"project": "house"})
    client.post(reverse("applications:guide_restart"))
    assert "guide" not in client.session


def test_the_guide_in_danish(client, catalogue, prop, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    set_guide(client, property=prop.pk)
    body = client.get(reverse("applications:guide_question", args=["project"])).content.decode()
    assert "Hvad vil du gøre?" in body
    assert "Spørgsmål 1 af ca. 10" in body
    assert "Fortsæt" in body


def test_guide_question_query_count(client, catalogue, prop, django_assert_max_num_queries):
    set_guide(client, property=prop.pk, answers={"project": "house", "house-work": "extend"})
    with django_assert_max_num_queries(8):
        client.get(reverse("applications:guide_question", args=["house-building-age"]))


def test_guide_outcome_query_count(client, catalogue, prop, django_assert_max_num_queries):
    set_guide(client, property=prop.pk, answers=DEMOLITION)
    with django_assert_max_num_queries(9):
        client.get(reverse("applications:guide_outcome"))


# --- Expert path --------------------------------------------------------------------------------

def test_expert_path_lists_every_type_and_finds_the_property(client, catalogue, prop, applicant):
    client.force_login(applicant)
    body = client.get(reverse("applications:guide_expert"), {"q": "æbeløgade 4"}).content.decode()
    assert body.count('name="application_type"') == ApplicationType.objects.filter(is_active=True).count()
    assert "Change of use" in body and "Service target: 60 days." in body
    assert f'name="property" value="{prop.pk}"' in body
    assert f'action="{reverse("applications:draft_create")}"' in body
    assert 'name="applying_for" value="other"' in body


def test_expert_path_asks_anonymous_users_to_log_in(client, catalogue):
    body = client.get(reverse("applications:guide_expert")).content.decode()
    assert "Log in to start your application" in body
    assert "Search for the address above first." in body


def test_expert_path_query_count(client, catalogue, applicant, django_assert_max_num_queries):
    client.force_login(applicant)
    for n in range(5):
        PropertyFactory(address=f"Expertvej {n}")
    with django_assert_max_num_queries(9):
        client.get(reverse("applications:guide_expert"), {"q": "expertvej"})


# --- Guidance pages ----------------------------------------------------------------------------------

def test_guidance_index_lists_types_and_documents(client, catalogue):
    body = client.get(reverse("applications:guidance_index")).content.decode()
    for app_type in ApplicationType.objects.all():
        assert reverse("applications:guidance_type", args=[app_type.code]) in body
    for requirement in DocumentRequirement.objects.all():
        assert reverse("applications:guidance_requirement", args=[requirement.code]) in body


def test_type_page_shows_what_it_covers_its_documents_rules_and_target(client, catalogue):
    response = client.get("/guidance/types/single-family-house/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>House: a new house or an extension</h1>" in body
    assert "What it covers" in body and "converted roof spaces" in body
    assert "We aim to answer within 40 days" in body
    assert "Structural documentation" in body and "Required when" in body
    assert "Which construction class is the house in?" in body and "Class 2 / Class 3 / Class 4" in body
    assert "you apply on behalf of someone else" in body


def test_demolition_page_says_it_is_a_permit_with_a_local_target(client, catalogue):
    body = client.get("/guidance/types/demolition/").content.decode()
    assert "This is a notification" not in body and "14 days" in body
    assert "This is a local target set by the municipality" in body
    assert "completion notice" in body and "approximate height" in body


def test_types_without_a_national_target_are_labelled_local(client, catalogue):
    index = client.get(reverse("applications:guidance_index")).content.decode()
    assert index.count("A local target, set by the municipality.") == 3
    house = client.get("/guidance/types/single-family-house/").content.decode()
    assert "This is the national service target" in house and "local target" not in house


def test_requirement_page_shows_why_a_good_example_and_formats(client, catalogue):
    body = client.get("/guidance/requirements/site-plan/").content.decode()
    assert "<h1>Site plan</h1>" in body
    assert "Why we need it" in body and "distances to the boundaries" in body
    assert "What a good one looks like" in body and "north arrow" in body
    assert "PDF, PNG, JPEG" in body
    assert reverse("applications:guidance_type", args=["demolition"]) in body


@pytest.mark.parametrize("path,danish", [
    ("/guidance/", "Vejledning: ansøgningstyper og dokumenter"),
    ("/guidance/types/change-of-use/", "Ændret anvendelse"),
    ("/guidance/requirements/site-plan/", "Situationsplan"),
    ("/guidance/requirements/waste-screening/", "anmeldes til kommunen mindst 2 uger før"),
    ("/guidance/types/demolition/", "Dette er et lokalt mål, som kommunen har sat"),
])
def test_guidance_pages_in_danish(client, catalogue, settings, path, danish):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "da"
    body = client.get(path).content.decode()
    assert 'lang="da"' in body
    assert danish in body


def test_unknown_guidance_codes_are_404(client, catalogue):
    assert client.get("/guidance/types/castle/").status_code == 404
    assert client.get("/guidance/requirements/moat/").status_code == 404


def test_guidance_pages_need_no_login(client, catalogue):
    for path in ("/guidance/", "/guidance/types/small-building/", "/guidance/requirements/fire-docs/"):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("path,limit", [
    ("/guidance/", 4),
    ("/guidance/types/housing-multistorey/", 6),
    ("/guidance/requirements/power-of-attorney/", 5),
])
def test_guidance_page_query_counts(client, catalogue, django_assert_max_num_queries, path, limit):
    with django_assert_max_num_queries(limit):
        assert client.get(path).status_code == 200


def test_home_page_links_the_guide_and_the_expert_path(client, catalogue):
    body = client.get("/").content.decode()
    assert reverse("applications:guide_start") in body
    assert reverse("applications:guide_expert") in body

"""The first step of an application: styled fields, owner fields only for someone applying for another, errors
that name the field, no preset answer about who the applicant is, and the project's size kept as data and shown
to the caseworker."""

import re

import pytest
from django.urls import reverse

from applications.models import Case
from applications.services import cases as case_services
from tests.applications import caseworker_support as support
from tests.applications.factories import PropertyFactory
from tests.factories import UserFactory


@pytest.fixture
def draft(db, applicant):
    return case_services.create_draft(applicant=applicant, property=PropertyFactory(),
                                      application_type=support.application_type())


def _url(case):
    return reverse("applications:draft_edit", args=[case.reference])


def test_the_fields_are_styled_and_nothing_about_the_applicant_is_preset(client, applicant, draft):
    client.force_login(applicant)
    page = client.get(_url(draft)).content.decode()
    for name in ("description", "built_area_m2", "height_m", "storeys", "heated_area_m2", "owner_name"):
        tag = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', page).group(0)
        assert "form-control" in tag, tag
    assert re.search(r'<div id="owner-fields"[^>]*\bhidden\b', page), "owner fields shown to an owner"
    assert not re.search(r'name="customer_group" value="[^"]+" id="[^"]+" checked', page)


def test_a_missing_answer_is_named(client, applicant, draft):
    client.force_login(applicant)
    page = client.post(_url(draft), {"applying_for": "self"}).content.decode()
    assert "Describe your project." in page
    assert "Choose which describes you best." in page
    assert "This field is required." not in page


def test_owner_fields_are_shown_when_applying_for_someone_else(client, applicant, draft):
    client.force_login(applicant)
    page = client.post(_url(draft), {"description": "Carport", "applying_for": "other",
                                     "customer_group": "professional"}).content.decode()
    assert not re.search(r'<div id="owner-fields"[^>]*\bhidden\b', page)
    assert "Enter the name of the owner you apply for." in page


def test_the_project_s_size_is_kept_as_data_and_shown_to_the_caseworker(client, applicant, draft):
    client.force_login(applicant)
    client.cookies["django_language"] = "da"
    response = client.post(_url(draft), {"description": "Carport på 28 m²", "applying_for": "self",
                                         "customer_group": "owner", "built_area_m2": "28", "height_m": "3,5",
                                         "storeys": "1", "heated_area_m2": ""})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.project_facts == {"built_area_m2": 28, "height_m": 3.5, "storeys": 1}
    assert client.get(_url(draft)).content.decode().count('value="3,5"') == 1  # shown back as entered
    detail = client.get(f"/api/v1/cases/{draft.reference}/").json()
    assert detail["project_facts"] == {"built_area_m2": 28, "height_m": 3.5, "storeys": 1}

    worker = UserFactory(role="caseworker")
    client.force_login(worker)
    client.cookies["django_language"] = "en"
    case = support.submitted_case(applicant=applicant)
    Case.objects.filter(pk=case.pk).update(project_facts={"built_area_m2": 28, "height_m": 3.5})
    page = client.get(reverse("applications:workspace", args=[case.reference])).content.decode()
    assert "The project in numbers" in page
    assert re.search(r"Built area</dt><dd[^>]*>28 m²", page) and re.search(r"Height</dt><dd[^>]*>3.5 m", page)


def test_the_service_refuses_facts_that_are_not_numbers(db, applicant, draft):
    with pytest.raises(case_services.CaseError):
        case_services.update_draft(case=draft, actor=applicant, project_facts={"built_area_m2": "big"})
    with pytest.raises(case_services.CaseError):
        case_services.update_draft(case=draft, actor=applicant, project_facts={"colour": 3})

"""Changing the property or the type on "check your answers" reopens the guide with the draft's answers and
returns to the same draft: no new draft, uploads kept, a way back without changes."""

import re

import pytest
from django.urls import reverse

from applications.models import ApplicationType, Case
from applications.services import cases as case_services
from applications.services.documents import add_document
from tests.applications.factories import PropertyFactory
from tests.applications.pdfs import pdf_upload
from tests.security.conftest import submit_case

HOUSE_EXTENSION = {"project": "house", "house-work": "extend", "house-building-age": "after-1977",
                   "house-waste": "no", "house-kind": "year-round", "house-heated-area": "up-to-50",
                   "house-construction-class": "class-1", "house-fire-class": "class-1"}


@pytest.fixture
def draft(catalogue, applicant):
    case = case_services.create_draft(applicant=applicant, property=PropertyFactory(year_built=1985),
                                      answers=HOUSE_EXTENSION)
    site_plan = case.checklist.get(requirement__code="site-plan").requirement
    add_document(case=case, requirement=site_plan, uploaded_file=pdf_upload("site-plan.pdf"), actor=applicant)
    return case


def _check_page(client, case):
    return client.get(reverse("applications:draft_check", args=[case.reference])).content.decode()


def test_changing_the_type_reopens_the_guide_with_the_answers_and_updates_the_same_draft(client, applicant, draft):
    client.force_login(applicant)
    assert reverse("applications:draft_change_answers", args=[draft.reference]) in _check_page(client, draft)
    response = client.post(reverse("applications:draft_change_answers", args=[draft.reference]), {"at": "type"})
    assert response["Location"] == reverse("applications:guide_question", args=["project"])
    page = client.get(response["Location"]).content.decode()
    assert re.search(r'value="house" id="[^"]+" checked>', page)  # the draft's answer, ready to keep or change
    assert draft.reference in page and "Back to your application without changing it" in page
    for question, answer in (("project", "small-building"), ("small-total-area", "over-50")):
        response = client.post(reverse("applications:guide_question", args=[question]), {"answer": answer})
    outcome = client.get(response["Location"]).content.decode()
    assert f"Update your application {draft.reference}" in outcome
    assert "Start your application" not in outcome
    response = client.post(reverse("applications:draft_from_guide", args=[draft.reference]))
    assert response["Location"] == reverse("applications:draft_check", args=[draft.reference])
    assert Case.objects.count() == 1
    draft.refresh_from_db()
    assert draft.application_type == ApplicationType.objects.get(code="small-building")
    assert draft.answers["project"] == "small-building"
    assert draft.documents.filter(requirement__code="site-plan").exists()
    assert draft.checklist.get(requirement__code="site-plan").state == "uploaded"
    assert "guide" not in client.session


def test_changing_the_property_keeps_the_answers(client, applicant, draft):
    other = PropertyFactory(year_built=1990)
    client.force_login(applicant)
    response = client.post(reverse("applications:draft_change_answers", args=[draft.reference]), {"at": "property"})
    assert response["Location"] == reverse("applications:guide_property")
    assert draft.reference in client.get(response["Location"]).content.decode()
    response = client.post(reverse("applications:guide_property"), {"property": other.pk})
    while response["Location"] != reverse("applications:guide_outcome"):
        response = client.get(response["Location"])  # every question already answered: straight to the outcome
    client.post(reverse("applications:draft_from_guide", args=[draft.reference]))
    draft.refresh_from_db()
    assert draft.property == other and draft.answers == HOUSE_EXTENSION
    assert draft.application_type.code == "single-family-house"


def test_someone_else_s_draft_cannot_be_reopened_or_changed(client, draft, other_applicant):
    client.force_login(other_applicant)
    assert client.post(reverse("applications:draft_change_answers", args=[draft.reference])).status_code == 404
    assert client.post(reverse("applications:draft_from_guide", args=[draft.reference])).status_code == 404


def test_a_sent_application_is_not_changed_through_the_guide(client, applicant, draft):
    client.force_login(applicant)
    client.post(reverse("applications:draft_change_answers", args=[draft.reference]), {"at": "type"})
    submit_case(draft, applicant)  # sent meanwhile (in another tab), through the service
    assert client.post(reverse("applications:draft_from_guide", args=[draft.reference])).status_code == 404

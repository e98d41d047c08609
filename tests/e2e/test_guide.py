"""The guide in a real browser: from the home page to a no-permit outcome, and to an application
outcome that starts a draft, with axe on every page."""

import re

import pytest

from applications.models import Case
from applications.services.catalogue import load_catalogue
from tests.applications.factories import PropertyFactory
from tests.factories import PASSWORD, UserFactory


@pytest.fixture
def guide_data(transactional_db):
    load_catalogue()
    prop = PropertyFactory(address="Æbeløgade 4", postcode="2100", city="København Ø", year_built=1965,
                           use="Fritliggende enfamiliehus")
    PropertyFactory(address="Æbeløgade 6", postcode="2100", city="København Ø")
    return prop


def choose_property(page, axe, name):
    search = page.get_by_role("combobox", name="Address of the property")
    search.fill("Æbeløgade")
    search.press("Tab")  # leave the suggestions: search without JavaScript's help
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r".*/guide/property/\?q=.+"))
    axe(page, f"guide-{name}-property")
    page.get_by_label("Æbeløgade 4, 2100 København Ø").check()
    page.get_by_role("button", name="Continue").click()


def answer(page, axe, label, name=None):
    page.get_by_label(label, exact=True).check()
    if name:
        axe(page, name)
    else:
        axe(page)
    page.get_by_role("button", name="Continue").click()


def test_guide_to_no_permit(page, axe, guide_data):
    page.goto("/")
    page.get_by_role("link", name="Start the guide").click()
    assert page.locator("h1").inner_text() == "Find out if you need a permit"
    axe(page, "guide-start")
    page.get_by_role("button", name="Start").click()
    axe(page)
    choose_property(page, axe, "no-permit")

    assert page.locator("h1").inner_text() == "What do you want to do?"
    assert page.locator(".step-indicator").inner_text() == "Question 1 of about 10"
    answer(page, axe, "Build a garage, carport, shed, greenhouse or similar small building", "guide-question")
    answer(page, axe, "50 m² or less in total")
    answer(page, axe, "No, it stands on its own or only against the house")
    answer(page, axe, "Yes, on the ground")
    # Pre-answered from the register (a detached house, not a holiday home): the applicant only confirms.
    assert "property register" in page.locator("#register-prefill").inner_text()
    assert page.get_by_label("No", exact=True).is_checked()
    axe(page, "guide-prefilled")
    page.get_by_role("button", name="Continue").click()
    assert "at most 12 m long in total" in page.locator("main").inner_text()
    answer(page, axe, "Yes, it keeps the rules")

    assert page.locator("h1").inner_text() == "You do not need a building permit"
    assert page.get_by_role("heading", name="Rules that still apply").is_visible()
    main = page.locator("main").inner_text()
    assert "BBR" in main and "Closer than 2.5 m to the boundary" in main
    axe(page, "guide-no-permit")


def test_guide_to_an_application_and_a_draft(page, axe, guide_data):
    user = UserFactory(email="neighbour@example.dk", role="applicant")
    page.goto("/guide/")
    page.get_by_label("Someone else (I need their power of attorney)").check()
    page.get_by_role("button", name="Start").click()
    choose_property(page, axe, "application")

    answer(page, axe, "Build a new house or extend a house (also terraced and semi-detached houses and holiday homes)")
    answer(page, axe, "An extension, a new floor or a converted roof space")
    assert page.get_by_label("Between 1950 and 1977").is_checked()  # the register says 1965
    page.get_by_text("The property register is wrong").click()
    page.get_by_role("button", name="Send the correction").click()
    assert "Write the value you think is right." in page.locator("#error-summary").inner_text()
    axe(page, "guide-correction-error")
    page.get_by_role("button", name="Continue").click()
    answer(page, axe, "Yes, 1 tonne or more")
    assert page.get_by_label("A house for living in all year (detached, terraced or semi-detached)").is_checked()
    page.get_by_role("button", name="Continue").click()
    answer(page, axe, "50 m² or less")
    assert page.locator(".step-indicator").inner_text() == "Question 7 of about 8"
    answer(page, axe, "Class 2")
    answer(page, axe, "Class 1")

    assert page.locator("h1").inner_text() == "You need to apply: House: a new house or an extension"
    main = page.locator("main").inner_text()
    for title in ("Structural documentation", "Screening and notification of building waste", "PCB screening form",
                  "Power of attorney from the owner", "Site plan",
                  "Construction class and fire class, with the reasons"):
        assert title in main
    assert "Energy frame calculation" not in main
    axe(page, "guide-application")

    page.get_by_role("link", name="What a good “Site plan” looks like").click()
    assert page.locator("h1").inner_text() == "Site plan"
    axe(page, "guidance-requirement")
    page.go_back()

    page.get_by_role("link", name="Log in to start your application").click()
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/guide/outcome/")
    page.get_by_role("button", name="Start your application").click()
    page.wait_for_url("**/cases/**")
    case = Case.objects.get(applicant=user)
    assert case.application_type.code == "single-family-house"
    assert case.applying_for == "other"
    assert case.answers["house-construction-class"] == "class-2"
    required = set(case.checklist.filter(required=True).values_list("requirement__code", flat=True))
    assert {"structural-docs", "waste-screening", "pcb-screening", "power-of-attorney"} <= required


def test_guidance_and_expert_pages(page, axe, guide_data):
    page.goto("/guidance/")
    axe(page, "guidance-index")
    page.get_by_role("link", name="House: a new house or an extension").click()
    assert page.get_by_role("heading", name="Documents", exact=True).is_visible()
    axe(page, "guidance-type")
    page.goto("/guide/expert/?q=æbeløgade")
    assert page.get_by_label("Æbeløgade 4, 2100 København Ø").is_visible()
    axe(page, "guide-expert")

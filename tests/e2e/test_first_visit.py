"""A first visit in the browser: error pages, where each role lands after logging in, the guide reopened from
"check your answers", and long pages that lead with what the reader must do (issue 15, items 6, 7, 8, 10)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from applications.services import cases as case_services
from applications.services import requests as request_services
from applications.services.catalogue import load_catalogue
from applications.services.documents import add_document
from tests.applications import caseworker_support as support
from tests.applications.factories import PropertyFactory
from tests.applications.pdfs import pdf_upload
from tests.factories import PASSWORD, UserFactory

PHONE = "+45 33 66 52 00"


def log_in(page, user, next_url=""):
    page.goto("/accounts/login/" + (f"?next={next_url}" if next_url else ""))
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def scrolled_to(page, element_id) -> bool:
    """True once the element's top is in the window's upper part, or as high as the end of the page lets it go
    (Bootstrap scrolls smoothly, so this takes a moment)."""
    script = ("(id) => { const top = document.getElementById(id).getBoundingClientRect().top;"
              " const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;"
              " return top >= -2 && (top < 200 || (atEnd && top < window.innerHeight - 100)); }")
    for _ in range(50):
        if page.evaluate(script, element_id):
            return True
        page.wait_for_timeout(100)
    return False


def log_out(page):
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.wait_for()


# --- 6. Error pages ------------------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_missing_and_refused_pages_are_portal_pages_in_both_languages(page, axe):
    response = page.goto("/no-such-page/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "We cannot find that page"
    assert PHONE in page.locator("main").inner_text() and PHONE in page.locator("footer").inner_text()
    page.console_errors.clear()  # the browser reports the 404 itself
    axe(page, "error-404-en")
    page.get_by_role("button", name="Dansk").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Vi kan ikke finde siden"
    page.console_errors.clear()
    axe(page, "error-404-da")
    page.get_by_role("link", name="Gå til forsiden").click()
    assert page.locator("h1").inner_text() == "Skal du bygge, bygge til, ændre eller rive ned?"
    page.get_by_role("button", name="English").click()

    applicant = UserFactory(role="applicant")
    log_in(page, applicant)
    response = page.goto("/work/queue/")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "You do not have access to this page"
    assert "Only caseworkers have access to this page." in page.locator("main").inner_text()
    page.console_errors.clear()
    axe(page, "error-403-en")
    page.get_by_role("link", name="Go to your start page").click()
    page.wait_for_url("**/cases/")


@pytest.mark.urls("tests.e2e.urls_failing")
@pytest.mark.django_db(transaction=True)
def test_a_failure_shows_the_server_error_page_in_the_frame(page, axe):
    response = page.goto("/test/fail/")
    assert response.status == 500
    assert page.locator("h1").inner_text() == "Something went wrong on our side"
    assert "a failure the page must not show" not in page.content()
    assert PHONE in page.locator("footer").inner_text()
    page.console_errors.clear()
    axe(page, "error-500-en")


# --- 7. Landing after login ------------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_each_role_lands_on_its_own_work(page, axe):
    for role, path, heading in (("applicant", "/cases/", "My applications"),
                                ("caseworker", "/work/queue/", None),
                                ("dialogue_team", "/dialogue/", None),
                                ("manager", "/satisfaction/dashboard/", "Satisfaction and KPIs")):
        log_in(page, UserFactory(role=role))
        assert page.url.endswith(path), (role, page.url)
        if heading:
            assert page.locator("h1").inner_text() == heading
        axe(page, f"landing-{role}")
        log_out(page)
    log_in(page, UserFactory(role="caseworker"), next_url="/guidance/")
    assert page.url.endswith("/guidance/")


# --- 8. The guide reopened from check your answers ------------------------------------------------------------

HOUSE_EXTENSION = {"project": "house", "house-work": "extend", "house-building-age": "after-1977",
                   "house-waste": "no", "house-kind": "year-round", "house-heated-area": "up-to-50",
                   "house-construction-class": "class-1", "house-fire-class": "class-1"}


@pytest.mark.django_db(transaction=True)
def test_changing_the_type_returns_to_the_same_draft(page, axe):
    load_catalogue()
    applicant = UserFactory(role="applicant")
    case = case_services.create_draft(applicant=applicant, property=PropertyFactory(year_built=1985),
                                      answers=HOUSE_EXTENSION)
    site_plan = case.checklist.get(requirement__code="site-plan").requirement
    add_document(case=case, requirement=site_plan, uploaded_file=pdf_upload("site-plan.pdf"), actor=applicant)
    log_in(page, applicant)
    page.goto(reverse("applications:draft_check", args=[case.reference]))
    axe(page, "reopen-check")
    page.get_by_role("button", name="Change application type").click()
    page.wait_for_url("**/guide/questions/project/")
    assert case.reference in page.locator(".alert-info").first.inner_text()
    house = page.get_by_label("Build a new house or extend a house", exact=False)
    assert house.is_checked()  # the draft's answer
    axe(page, "reopen-question")
    for label in ("Build a garage, carport, shed", "More than 50 m² in total"):
        page.get_by_label(label, exact=False).check()
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/guide/outcome/")
    assert page.get_by_role("heading", name=f"Update your application {case.reference}").is_visible()
    axe(page, "reopen-outcome")
    page.get_by_role("button", name="Save the answers in my application").click()
    page.wait_for_url(f"**/cases/{case.reference}/check/")
    case.refresh_from_db()
    assert case.application_type.code == "small-building"
    assert "site-plan.pdf" in page.locator("main").inner_text()
    axe(page, "reopen-saved")
    page.goto(reverse("applications:draft_edit", args=[case.reference]))  # item 9: the first step
    assert not page.locator("#owner-fields").is_visible()
    page.get_by_label("Someone else", exact=False).first.check()
    assert page.locator("#owner-fields").is_visible()  # shown once the applicant applies for another
    axe(page, "first-step")


# --- 10. Long pages ----------------------------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_the_case_page_leads_with_what_to_do_and_reaches_the_timeline(page, axe, browser, live_server):
    applicant = UserFactory(role="applicant")
    case = support.submitted_case(applicant=applicant)
    worker = UserFactory(role="caseworker")
    request_services.open_information_request(case=case, items=["site-plan"], message="Add the distances.",
                                              due_date=None, kind="documentation", actor=worker)
    log_in(page, applicant)
    page.goto(reverse("applications:case_detail", args=[case.reference]))
    request_box = page.locator("#open-request").bounding_box()
    assert request_box["y"] < 400, request_box  # what the applicant must do comes first
    print("case page height (desktop):", page.evaluate("document.documentElement.scrollHeight"))
    axe(page, "case-page-desktop")
    page.get_by_role("navigation", name="On this page").get_by_role("link", name="What has happened").click()
    assert page.locator("#timeline").is_visible() and page.url.endswith("#timeline")
    assert scrolled_to(page, "timeline")

    phone = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 360, "height": 740},
                                storage_state=page.context.storage_state())
    small = phone.new_page()
    small.console_errors = []
    small.goto(reverse("applications:case_detail", args=[case.reference]))
    badge = small.locator(".clock-box .badge").bounding_box()
    assert badge["x"] >= 0 and badge["x"] + badge["width"] <= 360, badge  # the paused badge is not cut off
    assert small.evaluate("document.documentElement.scrollWidth") <= 360
    print("case page height (phone):", small.evaluate("document.documentElement.scrollHeight"))
    axe(small, "case-page-phone")
    phone.close()


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_s_sections_are_one_click_away(page, axe):
    log_in(page, UserFactory(role="manager"))
    # A person who asks for less motion gets the jump at once; the test checks where a click lands, not the animation
    # (a smooth scroll still running when the next link is clicked is cut short on a busy machine).
    page.emulate_media(reduced_motion="reduce")
    page.goto("/satisfaction/dashboard/")
    nav = page.get_by_role("navigation", name="On this page")
    assert nav.bounding_box()["y"] < 300  # before the figures, not after the first screenful
    print("dashboard height:", page.evaluate("document.documentElement.scrollHeight"))
    for name, target in (("Latest comments", "comments"), ("Processing time", "kpis")):
        nav.get_by_role("link", name=name).click()
        # One click brings the section into view (Bootstrap scrolls smoothly, and a busy machine takes a moment).
        page.wait_for_url(f"**#{target}")
        expect(page.locator(f"#{target}")).to_be_in_viewport(timeout=10000)
    axe(page, "dashboard-nav")

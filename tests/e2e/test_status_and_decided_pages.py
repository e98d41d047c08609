"""Issue 15 items 2 and 3 in the browser: "My applications" shows the same status, badge and act-by
day as the case pages; a decided case's page leads with the decision, the letter and the appeal
deadline; the caseworker sees each failed screening check and the letter's language. Axe on every page."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from applications.services import cases as case_services
from applications.services import decisions, handling, requests
from applications.services.screening import run_screening
from tests.applications import caseworker_support as support
from tests.factories import PASSWORD, UserFactory

PAUSED = {"en": "Paused: waiting for information", "da": "Sat på pause: venter på oplysninger"}
DECIDED_IN_TIME = {"en": "Decided in time", "da": "Afgjort til tiden"}


def _log_in(page, email):
    page.goto("/accounts/login/")
    page.locator("#id_email").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def _cases(applicant, worker):
    """A case waiting for the applicant's answer, a granted case with its letter, and one in review."""
    waiting = support.submitted_case(applicant=applicant)
    due = timezone.localdate() + dt.timedelta(days=15)
    requests.open_information_request(case=waiting, items=["site-plan"], message="Show the distance to the boundary.",
                                      due_date=due, kind="documentation", actor=worker)
    granted = support.submitted_case(applicant=applicant)
    handling.mark_complete(case=granted, actor=worker)
    handling.start_review(case=granted, actor=worker)
    decisions.record_decision(case=granted, actor=worker, outcome="granted_with_conditions",
                              reasons="The carport follows the local plan.", conditions="The roof must be dark grey.")
    review = support.submitted_case(applicant=applicant)
    handling.mark_complete(case=review, actor=worker)
    # The answer-by date the service stored (moved to a working day when the 15th day is not one).
    return waiting, granted, review, requests.open_request(case=waiting).due_date


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "da"])
def test_my_applications_and_the_decided_case_page(page, axe, language):
    applicant = UserFactory(role="applicant", preferred_language=language, email=f"status-{language}@example.dk")
    worker = UserFactory(role="caseworker")
    waiting, granted, review, due = _cases(applicant, worker)
    _log_in(page, applicant.email)

    page.goto("/cases/")
    axe(page, f"status-{language}-01-my-applications")
    waiting_row = page.locator("tr", has_text=waiting.reference)
    granted_row = page.locator("tr", has_text=granted.reference)
    with override(language):
        day = date_format(due, "DATE_FORMAT")
    assert PAUSED[language] in waiting_row.inner_text()
    assert day in waiting_row.inner_text()
    assert DECIDED_IN_TIME[language] in granted_row.inner_text()
    for row in (waiting_row, granted_row):
        assert "On track" not in row.inner_text() and "Som planlagt" not in row.inner_text()

    waiting_row.get_by_role("link", name=waiting.reference).click()
    page.wait_for_url(re.compile(waiting.reference))
    axe(page, f"status-{language}-02-waiting-case")
    assert day in page.locator(".act-by").inner_text()
    assert PAUSED[language] in page.locator(".clock-box").inner_text()

    page.goto("/cases/")
    page.locator("tr", has_text=granted.reference).get_by_role("link", name=granted.reference).click()
    page.wait_for_url(re.compile(granted.reference))
    axe(page, f"status-{language}-03-decided-case")
    first_section = page.locator("main .col-lg-8 > *").first
    assert "decision-panel" in first_section.get_attribute("class")
    panel = page.locator(".decision-panel")
    assert panel.get_by_role("link", name=re.compile("decision letter|afgørelsesbrevet", re.I)).count() == 1
    assert "Byggeklageenheden" in panel.inner_text()
    assert page.locator(".clock-box").count() == 0
    assert page.locator("input[type=file]").count() == 0

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    axe(page, f"status-{language}-04-decided-case-phone")
    box = page.locator(".decision-panel .status-badge").bounding_box()
    assert box and box["x"] + box["width"] <= 390, "the badge fits on a phone"


@pytest.mark.django_db(transaction=True)
def test_the_caseworker_sees_each_failed_check_and_the_letters_language(page, axe):
    applicant = UserFactory(role="applicant", preferred_language="da")
    worker = UserFactory(role="caseworker", preferred_language="en", email="worker-e2e@example.dk")
    case = support.draft_with_checklist(applicant=applicant)
    support.upload(case, "site-plan")
    support.upload(case, "floor-plans")
    case_services.mark_not_relevant(case=case, requirement_code="facades", actor=applicant,
                                    reason="Carporten har ingen vægge, så der er ingen facade.")
    case_services.submit(case=case, actor=applicant)
    run_screening(case_id=case.pk)
    _log_in(page, worker.email)

    page.goto(f"/work/cases/{case.reference}/")
    axe(page, "rules-01-workspace-screening")
    failed = page.locator(".screening-failed").inner_text()
    assert "Facades" in failed and "Marked not relevant: to be checked" in failed
    page.get_by_role("button", name="Mark complete").click()
    page.wait_for_load_state()
    assert "First accept or reject the applicant's claim that this document is not relevant: Facades." in (
        page.locator("main").inner_text())
    axe(page, "rules-02-workspace-claim-blocks")

    page.get_by_role("button", name=re.compile("Accept: not needed")).click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Mark complete").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Start review").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Record the decision").click()
    page.wait_for_load_state()
    axe(page, "rules-03-decision-form")
    assert "The letter is written in Danish" in page.locator(".letter-language").inner_text()

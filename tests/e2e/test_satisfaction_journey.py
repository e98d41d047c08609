"""Answering a survey from the link in its e-mail (an error first, then the answers, then the link again),
declining another and opting out, a changed link; then a manager logs in with the login form and reads the
dashboard, filters it by dates and gets an error for a wrong range. axe checks every page on the way."""

import importlib
import re
from datetime import timedelta

import pytest
import time_machine
from django.apps import apps as django_apps
from django.core import mail
from django.utils import timezone

from satisfaction import facts, services
from satisfaction.models import Invitation, OptOut, Response
from tests.applications.factories import CaseFactory
from tests.factories import PASSWORD, UserFactory

LINK = re.compile(r"http://[^\s]+(/satisfaction/s/[^/\s]+/)")


@pytest.fixture
def surveys(transactional_db):
    importlib.import_module("satisfaction.migrations.0002_default_surveys").create_surveys(django_apps, None)


def invite(case) -> str:
    """Invite the case's applicant to the survey after submission; returns the path of the e-mail's link."""
    invitation = services.invite(touchpoint="submission", source_key=f"case:{case.pk}", case=case, channel="portal",
                                 customer_group=case.customer_group,
                                 recipient=services.Recipient(case.applicant.email, "en"))
    services.send_invitation(invitation_id=invitation.pk)
    message = [m for m in mail.outbox if m.to == [case.applicant.email]][-1]
    return LINK.search(message.body).group(1)


def check(page, axe, name, *, status_page=False):
    if status_page:  # the browser logs the page's own 4xx status as a console error: expected here
        page.console_errors[:] = [e for e in page.console_errors if "status of 4" not in e]
    axe(page, name)


def log_in(page, user, axe):
    page.goto("/accounts/login/")
    axe(page)
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


@pytest.mark.django_db(transaction=True)
def test_answer_a_survey_from_its_link(page, axe, surveys):
    case = CaseFactory(applicant=UserFactory(role="applicant", preferred_language="en"), status="submitted")
    link = invite(case)

    page.goto(link)
    assert page.locator("h1").inner_text() == "How was it to apply?"
    assert f"About your application {case.reference}" in page.content()
    check(page, axe, "survey")

    # Nothing chosen: the error summary says what to do and links to the first question.
    page.get_by_role("button", name="Send my answers").click()
    summary = page.locator("#error-summary")
    summary.wait_for()
    assert "Answer at least one question" in summary.inner_text()
    check(page, axe, "survey-error", status_page=True)
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.id") == "id_score_1_0"

    easy = page.get_by_role("group", name="How easy was it to apply?")
    easy.get_by_label("4", exact=True).check()
    page.get_by_role("group", name="How clear was it which documents you had to send?").get_by_label(
        "5", exact=True).check()
    page.get_by_label("Is there anything we could do better?").fill("Tell me earlier that the site plan must be a PDF.")
    page.get_by_role("button", name="Send my answers").click()
    page.get_by_role("heading", name="Thank you for your answers").wait_for()
    check(page, axe, "survey-thanks")
    answer = Response.objects.get()
    assert (answer.score_1, answer.score_2, answer.score_3) == (4, 5, None)
    assert answer.comment == "Tell me earlier that the site plan must be a PDF."

    # The link again: answered once is enough.
    page.goto(link)
    assert page.locator("h1").inner_text() == "You have already answered this survey"
    check(page, axe, "survey-used", status_page=True)
    assert Response.objects.count() == 1

    # A changed link.
    page.goto(link[:-8] + "xxxxxxx/")
    assert page.locator("h1").inner_text() == "This link does not work"
    check(page, axe, "survey-changed", status_page=True)

    # A link opened after it expired.
    other = invite(CaseFactory(applicant=UserFactory(role="applicant", preferred_language="en"), status="submitted"))
    with time_machine.travel(timezone.now() + timedelta(days=services.invitation_days() + 1)):
        page.goto(other)
        assert page.locator("h1").inner_text() == "This survey has closed"
        check(page, axe, "survey-expired", status_page=True)
    assert Response.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_decline_and_never_again(page, axe, surveys):
    case = CaseFactory(applicant=UserFactory(role="applicant", preferred_language="en"), status="submitted")
    link = invite(case)
    page.goto(link + "decline/")
    assert page.locator("h1").inner_text() == "Would you rather not answer?"
    check(page, axe, "survey-decline")
    page.get_by_role("button", name="No thanks").click()
    page.get_by_role("heading", name="No problem").wait_for()
    check(page, axe, "survey-declined")
    assert Invitation.objects.get().state == Invitation.State.DECLINED
    page.get_by_role("button", name="Never send me surveys again").click()
    page.get_by_role("heading", name="You will not get surveys from us any more").wait_for()
    check(page, axe, "survey-opted-out")
    assert OptOut.objects.filter(email=case.applicant.email).exists()
    assert not Response.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_manager_reads_the_dashboard(page, axe, surveys):
    manager = UserFactory(role="manager", full_name="Mads Møller")
    for scores in ({1: 5, 2: 4, 3: 4}, {1: 2, 2: 3}):
        case = CaseFactory(applicant=UserFactory(role="applicant"), status="submitted")
        invitation = services.invite(touchpoint="submission", source_key=f"case:{case.pk}", case=case,
                                     channel="portal", customer_group="owner",
                                     recipient=services.Recipient(case.applicant.email, "en"))
        services.send_invitation(invitation_id=invitation.pk)
        services.submit_response(token=services.make_token(invitation), scores=scores, comment="Clear and quick.")
    facts.refresh_case_facts()

    log_in(page, manager, axe)
    page.get_by_role("link", name="Dashboard").click()
    assert page.locator("h1").inner_text() == "Satisfaction and KPIs"
    assert page.locator("#figure-responses").inner_text() == "2"
    assert page.locator("#figure-score").inner_text() == "3.60"
    assert page.locator("#kpi-first-screening").inner_text() == "–"
    table = page.get_by_role("table", name="Satisfaction by touchpoint")
    assert "After submission" in table.inner_text()
    assert page.get_by_role("img", name="Mean score by touchpoint").is_visible()
    check(page, axe, "dashboard")

    # A period without any answers.
    page.get_by_label("From", exact=True).fill("2024-01-01")
    page.get_by_label("To", exact=True).fill("2024-03-31")
    page.get_by_role("button", name="Show").click()
    page.get_by_text("From 1 January 2024 to 31 March 2024, both days included.").wait_for()
    assert page.locator("#figure-responses").inner_text() == "0"
    check(page, axe, "dashboard-filtered")

    # The wrong way round: an error summary that links to the field.
    page.get_by_label("From", exact=True).fill("2024-03-31")
    page.get_by_label("To", exact=True).fill("2024-01-01")
    page.get_by_role("button", name="Show").click()
    page.locator("#error-summary").wait_for()
    assert "The end date must be on or after the start date." in page.locator("#error-summary").inner_text()
    check(page, axe, "dashboard-error", status_page=True)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as CSV").click()
    assert download.value.suggested_filename.startswith("satisfaction-and-kpis-")

"""An honest date in a browser (issue 16, "Must show"): the caseworker finds a case complete a month after it
was sent and extends the time with a reason; the applicant sees each move of the date on the case page with
its reason, and gets an e-mail saying the same. axe on every page."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone
from django.utils.formats import date_format

from applications.models import Case
from applications.services import cases as case_services
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.e2e.test_caseworker_journey import log_in, new_page
from tests.factories import UserFactory

S = Case.Status


def day(value: dt.date) -> str:
    return date_format(value, "j F Y")


@pytest.mark.django_db(transaction=True)
def test_the_applicant_sees_why_the_date_moved(page, axe, browser, live_server, private_storage, settings):  # noqa: F811
    settings.SCREENING_ALLOWANCE_DAYS = 5
    caseworker = UserFactory(role="caseworker", full_name="Karen Sagsbehandler")
    applicant = UserFactory(role="applicant", full_name="Søren Ærø", preferred_language="en")
    today = timezone.localdate()
    # Sent 32 days ago (the time is frozen only while the case is built, never while the browser runs).
    with time_machine.travel(timezone.now() - dt.timedelta(days=32)):
        case = support.draft_with_checklist(applicant=applicant)
        for code in support.REQUIRED:
            support.upload(case, code)
        case_services.submit(case=case, actor=applicant)
    case.refresh_from_db()
    given = case.first_expected_decision_date
    assert given == today - dt.timedelta(days=32) + dt.timedelta(days=45)
    mail.outbox.clear()

    # The caseworker finds it complete today (27 days over the allowance), then adds 14 days with a reason.
    log_in(page, caseworker)
    page.goto(f"/work/cases/{case.reference}/")
    page.get_by_role("button", name="Mark complete").click()
    page.get_by_text("Extend the deadline").click()
    page.get_by_label("Extra days").fill("14")
    page.get_by_label("Reason (the applicant sees it)").fill("We must hear the neighbours first.")
    page.get_by_role("button", name="Extend", exact=True).click()
    axe(page, "date-workspace-extended")
    complete_date = today + dt.timedelta(days=40)
    final = complete_date + dt.timedelta(days=14)
    case.refresh_from_db()
    assert case.expected_decision_date == final

    # The applicant's case page: the new date, and each move with its reason under "What has happened".
    context, applicant_page = new_page(browser, live_server)
    log_in(applicant_page, applicant)
    applicant_page.goto(f"/cases/{case.reference}/")
    assert day(final) in applicant_page.locator(".clock-box").inner_text()
    timeline = applicant_page.locator(".timeline").inner_text()
    assert (f"The expected decision date moved from {day(given)} to {day(complete_date)}. Checking that the "
            f"application was complete took 32 days; we allow 5, so the date moved 27 days later.") in timeline
    assert (f"The expected decision date moved from {day(complete_date)} to {day(final)}. The caseworker extended "
            f"the time by 14 days: We must hear the neighbours first.") in timeline
    applicant_page.get_by_text("How we worked out this date").click()
    assert f"When you sent the application, we gave {day(given)}." in applicant_page.locator(".clock-box").inner_text()
    axe(applicant_page, "date-case-page-moved")
    context.close()

    # The e-mails: one per change, each with the old date, the new date and the reason.
    emails = [m for m in mail.outbox if "New expected decision date" in m.subject]
    assert [m.to for m in emails] == [[applicant.email], [applicant.email]]
    assert f"From {day(given)} to {day(complete_date)}. Checking that the application was complete took 32 days" \
           in emails[0].body
    assert f"From {day(complete_date)} to {day(final)}. The caseworker extended the time by 14 days: We must hear " \
           "the neighbours first." in emails[1].body
    assert f"You can now expect a decision by {day(final)}." in emails[1].body

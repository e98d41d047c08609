"""Issue 20's "Must show" for assisted digital, in a browser: a dialogue-team member at the desk starts an
application for a visitor who has no account, fills it in with them, sends the link; the citizen opens it, chooses
a password, checks the answers, confirms and sends; the staff member can no longer change it. axe on every page."""

import re

import pytest
from django.core import mail

from applications.models import Case, CaseEvent
from applications.services.catalogue import load_catalogue
from tests.applications.factories import PropertyFactory
from tests.applications.pdfs import pdf_bytes
from tests.e2e.test_caseworker_journey import log_in, new_page
from tests.factories import UserFactory

SCREENS = "/tmp/firms-screens"


def _shot(page, name):
    page.screenshot(path=f"{SCREENS}/{name}.png", full_page=True)


@pytest.mark.django_db(transaction=True)
def test_desk_to_the_citizens_confirmation(page, axe, browser, live_server, tmp_path):
    import os

    os.makedirs(SCREENS, exist_ok=True)
    load_catalogue()
    PropertyFactory(address="Skrænten 7", postcode="2100", city="København Ø")
    staff = UserFactory(role="dialogue_team", full_name="Dorte Dialog")

    # At the desk: from the lookup to the form, the draft started for the visitor.
    log_in(page, staff)
    page.goto("/dialogue/")
    axe(page, "assisted-01-lookup")
    page.get_by_role("link", name="Start an application for a citizen").click()
    assert page.get_by_role("heading", name="Start an application for a citizen").is_visible()
    axe(page, "assisted-02-desk-form")
    _shot(page, "assisted-02-desk-form")
    page.get_by_role("button", name="Start the application").click()  # empty: the error summary
    assert page.locator("#error-summary").is_visible()
    axe(page, "assisted-03-desk-errors")
    page.get_by_label("The citizen's name").fill("Birthe Borger")
    page.get_by_label("The citizen's e-mail").fill("birthe@example.dk")
    page.get_by_label("The property's address").fill("Skrænten 7")
    page.get_by_label("Application type").select_option("small-building")
    page.get_by_role("button", name="Start the application").click()
    page.wait_for_url(re.compile(r"/cases/B-\d{4}-\d{5}/edit/"))
    reference = re.search(r"B-\d{4}-\d{5}", page.url).group(0)
    assert "You are filling in this application for Birthe Borger" in page.locator("main").inner_text()
    axe(page, "assisted-04-project")
    _shot(page, "assisted-04-project")

    # Filled in together, in the normal steps.
    page.locator("#id_description").fill("A carport of 30 m² next to the house.")
    page.locator("input[name=applying_for][value=self]").check()
    page.locator("input[name=customer_group][value=owner]").check()
    page.get_by_role("button", name=re.compile("Save and continue")).click()
    page.wait_for_url(re.compile(r"/documents/"))
    axe(page, "assisted-05-documents")
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(pdf_bytes("Situationsplan"))
    for _ in range(12):
        missing = page.locator("li[data-required='1'][data-state='missing']")
        if missing.count() == 0:
            break
        item = missing.first
        item.locator("input[type=file]").first.set_input_files(str(pdf))
        item.locator("form[enctype] button[type=submit]").first.click()
        page.wait_for_load_state()
    assert page.locator("li[data-required='1'][data-state='missing']").count() == 0
    page.goto(f"/cases/{reference}/check/")
    axe(page, "assisted-06-check-staff")
    _shot(page, "assisted-06-check-staff")
    assert page.locator(f"form[action='/cases/{reference}/submit/']").count() == 0
    mail.outbox.clear()
    page.get_by_role("button", name="Send the link to confirm").click()
    assert "The link is e-mailed to birthe@example.dk" in page.locator(".messages").inner_text()
    assert reference in page.locator("main").inner_text()  # waiting for the citizen, on the desk page
    axe(page, "assisted-07-desk-waiting")
    _shot(page, "assisted-07-desk-waiting")
    message = next(m for m in mail.outbox if m.to == ["birthe@example.dk"])
    link = re.search(r"http\S+/assisted/\S+/", message.body).group(0)
    path = link[link.index("/assisted/"):]

    # The citizen opens the link: chooses a password, checks the answers, confirms and sends.
    context, citizen = new_page(browser, live_server)
    try:
        citizen.goto(path)
        citizen.wait_for_url(re.compile(r"/accounts/welcome/"))
        axe(citizen, "assisted-08-welcome")
        _shot(citizen, "assisted-08-welcome")
        citizen.get_by_label("Choose a password").fill("birthes-own-pass-9")
        citizen.get_by_label("Repeat the password").fill("birthes-own-pass-9")
        citizen.get_by_role("button", name="Save and go on").click()
        citizen.wait_for_url(re.compile(r"/assisted/"))
        assert "Dorte Dialog from the dialogue team helped you" in citizen.locator("main").inner_text()
        axe(citizen, "assisted-09-confirm")
        _shot(citizen, "assisted-09-confirm")
        citizen.get_by_role("button", name="Confirm and send the application").click()
        citizen.wait_for_url(re.compile(r"/receipt/"))
        assert "confirmed and sent" in citizen.locator(".messages").inner_text()
        axe(citizen, "assisted-10-receipt")
        citizen.goto(f"/cases/{reference}/")
        assert "The dialogue team (Dorte Dialog) started the application with you." in citizen.content()
        axe(citizen, "assisted-11-case-page")
    finally:
        context.close()

    case = Case.objects.get(reference=reference)
    assert case.status == "submitted" and case.assisted_by == staff and case.applicant.email == "birthe@example.dk"
    assert CaseEvent.objects.filter(case=case, kind="assisted_confirmed").exists()
    # The staff member can no longer change it: the draft's pages are gone; the case card shows it as staff see it.
    response = page.goto(f"/cases/{reference}/edit/")
    assert response.status == 404
    page.console_errors.clear()  # the browser reports the 404 itself
    axe(page, "assisted-12-staff-404")
    page.goto(f"/dialogue/cases/{reference}/")
    assert reference in page.locator("main").inner_text()
    axe(page, "assisted-13-card")

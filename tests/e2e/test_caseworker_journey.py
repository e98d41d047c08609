"""The caseworker's journey in a browser: triage, an information request the applicant answers on the
case page, the advisory in the inbox, completion, review, the decision and its letter. axe on every page."""

import re

import pytest

from applications.models import Case, Decision, InformationRequest
from applications.services import cases as case_services
from applications.services.screening import run_screening
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.pdfs import pdf_bytes
from tests.factories import PASSWORD, UserFactory

S = Case.Status


def log_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def new_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    page.console_errors = []
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    return context, page


@pytest.mark.django_db(transaction=True)
def test_triage_request_answer_decide(page, axe, browser, live_server, tmp_path, private_storage):  # noqa: F811
    caseworker = UserFactory(role="caseworker", full_name="Karen Sagsbehandler")
    applicant = UserFactory(role="applicant", full_name="Søren Ærø")
    case = support.draft_with_checklist(applicant=applicant)
    support.upload(case, "floor-plans")
    support.upload(case, "facades")
    support.attach_raw(case, "site-plan", data=b"\x89PNG\r\n\x1a\n0000", name="site-plan.png", kind="png",
                       content_type="image/png")  # the site plan must be a PDF: screening finds it
    case_services.submit(case=case, actor=applicant)
    run_screening(case_id=case.pk)

    # Triage: the queue, then the case.
    log_in(page, caseworker)
    page.get_by_role("link", name="Queue").click()
    assert page.get_by_role("heading", name="Triage queue").is_visible()
    row = page.locator("tr", has=page.get_by_role("link", name=case.reference))
    assert "3 of 4 checks fine" in row.inner_text()
    axe(page, "cw-queue")
    page.get_by_role("link", name=case.reference).click()
    assert page.get_by_role("heading", name=f"Case {case.reference}").is_visible()
    assert "File type not accepted" in page.locator("#req-site-plan").inner_text()
    assert "No pre-application meeting is linked" in page.content()
    axe(page, "cw-workspace-submitted")
    page.get_by_role("button", name="Assign to me").click()
    assert "The case is assigned to Karen Sagsbehandler." in page.locator(".messages").inner_text()

    # The information request, prefilled from screening.
    page.get_by_role("link", name="Request information").click()
    assert page.get_by_label(re.compile("^Site plan")).is_checked()
    assert not page.get_by_label(re.compile("^Facades")).is_checked()
    assert "To finish checking your application we need:" in page.get_by_label("Message to the applicant").input_value()
    axe(page, "cw-request-form")
    page.get_by_role("button", name="Send the request").click()
    assert "The information request is sent." in page.locator(".messages").inner_text()
    assert "Awaiting information" in page.locator("h1 + p").inner_text()
    axe(page, "cw-workspace-awaiting")

    # The applicant, in another browser, uploads the requested document on the case page.
    context, applicant_page = new_page(browser, live_server)
    try:
        log_in(applicant_page, applicant)
        applicant_page.goto(f"/cases/{case.reference}/")
        request_box = applicant_page.locator("#open-request")
        assert "We need more information from you" in request_box.inner_text()
        axe(applicant_page, "applicant-case-request")
        pdf = tmp_path / "situationsplan.pdf"
        pdf.write_bytes(pdf_bytes("Situationsplan 1:500"))
        # The request says the PNG is the wrong type: the applicant replaces it with a PDF.
        item = applicant_page.locator("#req-site-plan")
        item.get_by_label("Replace site-plan.png with a new version").set_input_files(str(pdf))
        item.get_by_role("button", name="Replace", exact=True).click()
        assert "is uploaded" in applicant_page.locator(".messages").inner_text()
        assert applicant_page.locator("#open-request").count() == 0
        axe(applicant_page, "applicant-case-answered")
    finally:
        context.close()
    request = InformationRequest.objects.get(case=case, state__in=["open", "answered"])
    assert request.state == "answered"
    assert Case.objects.get(pk=case.pk).status == S.SUBMITTED

    # The caseworker sees the advisory, opens the case, completes, reviews and decides.
    page.goto("/")
    page.get_by_role("link", name=re.compile("^Advisories")).first.click()
    assert page.get_by_role("heading", name="Advisories").is_visible()
    assert f"New material on {case.reference}: situationsplan.pdf." in page.content()
    axe(page, "cw-advisories")
    page.get_by_role("button", name=f"Open {case.reference}").first.click()
    assert "4 of 4 checks fine" in page.locator("#screening-title + p").inner_text()
    page.get_by_role("button", name="Mark complete").click()
    assert "The case is marked complete." in page.locator(".messages").inner_text()
    axe(page, "cw-workspace-complete")
    page.get_by_role("button", name="Start review").click()
    assert "You have started the review." in page.locator(".messages").inner_text()
    page.get_by_role("link", name="Record the decision").click()
    axe(page, "cw-decision-form")
    page.get_by_label("Outcome").select_option("refused")
    page.get_by_label("Reasons").fill("The carport is 4.2 m high; the local plan allows 3.5 m.")
    page.get_by_role("button", name="Record the decision").click()
    assert "A refusal must say concretely" in page.locator("#error-summary").inner_text()
    axe(page, "cw-decision-errors")
    page.get_by_label("What the applicant could change").fill("Lower the roof to at most 3.5 m.")
    page.get_by_role("button", name="Record the decision").click()
    assert "The decision is recorded." in page.locator(".messages").inner_text()
    assert "Decision: Refused" in page.content()
    axe(page, "cw-workspace-decided")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the decision letter (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == f"{case.reference}-decision.pdf"
    with open(download.path(), "rb") as fh:
        assert fh.read(4) == b"%PDF"
    assert Decision.objects.get(case=case).outcome == "refused"

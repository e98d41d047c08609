"""Issue 17's "Must show" in a browser: the caseworker starts a neighbour hearing with two documents; a
neighbour opens the link and objects with an attachment; the other does not answer and is reminded; the
caseworker sees the advisory, weighs the objection and decides; the letter shows the weighing. axe on
every page."""

import datetime as dt
import re

import pytest
from django.core import mail

from applications.models import Case, Decision
from applications.services import handling
from hearings.models import Hearing, Party
from hearings.services import sweep
from tests.applications import caseworker_support as support
from tests.applications.factories import PropertyFactory
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.pdfs import pdf_bytes, pdf_text
from tests.e2e.test_caseworker_journey import log_in, new_page
from tests.factories import UserFactory


@pytest.mark.django_db(transaction=True)
def test_neighbour_hearing_objection_reminder_advisory_weighing_letter(page, axe, browser, live_server, tmp_path,
                                                                       private_storage):  # noqa: F811
    caseworker = UserFactory(role="caseworker", full_name="Karen Sagsbehandler")
    case = support.submitted_case(applicant=UserFactory(role="applicant", full_name="Søren Ærø"))
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    handling.mark_complete(case=case, actor=caseworker)
    handling.start_review(case=case, actor=caseworker)
    next_door = PropertyFactory(address="Testvej 901")
    mail.outbox.clear()

    # The caseworker starts the hearing from the workspace, with two of the case's documents: Ada picked from
    # the property register on the case's street, Bo typed in.
    log_in(page, caseworker)
    page.goto(f"/work/cases/{case.reference}/")
    axe(page, "hearing-workspace-before")
    page.get_by_role("link", name="Start a hearing").click()
    assert page.get_by_role("heading", name="Start a hearing").is_visible()
    axe(page, "hearing-start-form")
    page.get_by_label("Neighbours").check()
    address = "Testvej 901, 2100 København Ø"
    page.get_by_label(address, exact=True).check()
    page.get_by_label(f"Owner's name, {address}").fill("Ada Jensen")
    page.get_by_label(f"Owner's e-mail address, {address}").fill("ada@example.dk")
    page.get_by_label("People to hear").fill("Bo Hansen, bo@example.dk")
    page.get_by_label("site-plan.pdf").check()
    page.get_by_label("facades.pdf").check()
    page.get_by_role("button", name="Start the hearing").click()
    assert "The hearing has started." in page.locator(".messages").inner_text()
    axe(page, "hearing-detail-open")
    hearing = Hearing.objects.get(case=case)
    assert hearing.documents.count() == 2
    link = re.search(r"http\S+/hearings/answer/\S+/", next(m.body for m in mail.outbox if m.to == ["ada@example.dk"]))
    path = "/hearings/answer/" + link.group(0).split("/hearings/answer/")[1]

    # Ada opens her link (no account) and objects with an attachment.
    context, neighbour = new_page(browser, live_server)
    try:
        neighbour.goto(path)
        assert neighbour.get_by_role("heading", name=re.compile("Hearing about a building project")).is_visible()
        assert neighbour.get_by_role("link", name="site-plan.pdf").is_visible()
        axe(neighbour, "hearing-party-link")
        shadow = tmp_path / "skygge.pdf"
        shadow.write_bytes(pdf_bytes("Skyggediagram"))
        neighbour.get_by_label("Your comment").fill("The extension takes the evening sun from my garden.")
        neighbour.get_by_label(re.compile("Attach a file")).set_input_files(str(shadow))
        neighbour.get_by_role("button", name="Send your answer").click()
        assert "We have your answer." in neighbour.locator(".messages").inner_text()
        axe(neighbour, "hearing-party-answered")
    finally:
        context.close()
    ada = Party.objects.get(email="ada@example.dk")
    assert ada.objected and ada.attachments.count() == 1 and ada.property == next_door

    # Bo does not answer: the sweep reminds him before the deadline, then advises the caseworker after it.
    mail.outbox.clear()
    assert sweep.sweep(today=hearing.deadline - dt.timedelta(days=3))["reminded"] == 1
    assert [m.to for m in mail.outbox] == [["bo@example.dk"]]
    assert sweep.sweep(today=hearing.deadline + dt.timedelta(days=1))["advised"] == 1

    page.goto("/")
    page.get_by_role("link", name=re.compile("^Advisories")).first.click()
    assert f"The hearing on {case.reference} passed its deadline" in page.content()
    axe(page, "hearing-advisory")

    # The decision screen: the objection weighed, then the decision; the letter carries the weighing.
    page.goto(f"/work/cases/{case.reference}/decision/")
    assert "evening sun" in page.locator(".hearing-answers").inner_text()
    axe(page, "hearing-decision-screen")
    page.get_by_label("How the objection was weighed").fill("The shadow falls on the garden for under an hour.")
    page.get_by_role("button", name="Save the weighing").click()
    assert "The weighing is saved." in page.locator(".messages").inner_text()
    page.get_by_label("Outcome").select_option("granted")
    page.get_by_label("Reasons").fill("The extension is within the local plan.")
    page.get_by_role("button", name="Record the decision").click()
    assert "The decision is recorded." in page.locator(".messages").inner_text()
    axe(page, "hearing-workspace-decided")
    assert Case.objects.get(pk=case.pk).status == Case.Status.DECIDED
    letter = pdf_text(Decision.objects.get(case=case).letter.open("rb").read())
    assert "Objections from the hearing and how we weighed them" in letter
    assert "under an hour" in letter
    assert any(m.to == ["ada@example.dk"] and m.attachments for m in mail.outbox)  # the decision, to the objector

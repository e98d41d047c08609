"""A dialogue-team member finds a case by an address fragment, reads the card, logs a contact and
forwards a question; the caseworker sees the advisory and answers; the dialogue team reads the
answer. axe checks every page on the way."""

import re

import pytest

from applications.models import Advisory
from dialogueteam import services
from dialogueteam.models import Forward
from tests.applications.factories import CaseFactory, PropertyFactory
from tests.factories import PASSWORD, UserFactory


def log_in(page, user):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("button", name="Log out").wait_for()


def log_out(page):
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.wait_for()


@pytest.fixture
def people(db):
    caseworker = UserFactory(role="caseworker", full_name="Kirsten Sagsbehandler", phone="+45 33 66 00 01")
    member = UserFactory(role="dialogue_team", full_name="Dorte Dialog")
    owner = UserFactory(role="applicant", full_name="Åse Ørnebjerg", phone="+45 20 11 22 33")
    case = CaseFactory(property=PropertyFactory(address="Æbeløgade 4", postcode="2100", city="København Ø"),
                       applicant=owner, caseworker=caseworker, status="in_review")
    CaseFactory(property=PropertyFactory(address="Amagerbrogade 200", postcode="2300", city="København S"),
                status="submitted")
    return {"caseworker": caseworker, "member": member, "owner": owner, "case": case}


@pytest.mark.django_db(transaction=True)
def test_find_read_log_forward_and_answer(page, axe, people):
    member, caseworker, case = people["member"], people["caseworker"], people["case"]

    # The dialogue team finds the case by a fragment of the address, typed in capitals.
    log_in(page, member)
    page.get_by_role("link", name="Dialogue").click()
    assert page.locator("h1").inner_text() == "Find a case"
    axe(page, "dialogue-home")
    page.get_by_label("Reference, address, name, e-mail, phone or cadastral number").fill("BELØGADE")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("heading", name="1 case found").is_visible()
    axe(page, "dialogue-results")

    # The card: status in plain words, who has the ball, the caseworker's direct line.
    page.get_by_role("link", name=case.reference).click()
    assert page.locator("h1").inner_text() == f"Case {case.reference}"
    assert "A caseworker is assessing the application." in page.locator(".status-text").inner_text()
    assert "+45 33 66 00 01" in page.content()
    axe(page, "dialogue-card")

    # Log the call and forward a question to the caseworker.
    form = page.locator("form.contact-form")
    form.get_by_label("Phone").check()
    form.get_by_label("What was it about?").select_option("status")
    form.get_by_label("Owner").check()
    form.get_by_label("Note").fill("The owner asked whether the carport may be 60 cm from the boundary.")
    form.get_by_text("Forward a question to the caseworker", exact=True).click()
    form.get_by_label("Question for the caseworker").fill(
        "May the carport stand 60 cm from the boundary?")
    assert form.get_by_label("Resolved at first contact").is_disabled()
    form.get_by_role("button", name="Log the contact").click()
    messages = page.locator(".messages").inner_text()
    assert "The contact is logged." in messages and "Kirsten Sagsbehandler" in messages
    assert "May the carport stand 60 cm from the boundary?" in page.locator(".contacts").inner_text()
    axe(page, "dialogue-card-logged")

    page.get_by_role("link", name="Contact log").click()
    assert case.reference in page.locator("table").inner_text()
    axe(page, "dialogue-contacts")
    page.get_by_role("link", name="Log a contact").first.click()
    page.get_by_role("button", name="Log the contact").click()
    assert page.locator("#error-summary").is_visible()
    assert "Choose what the contact was about." in page.locator("#error-summary").inner_text()
    axe(page, "dialogue-contact-errors")
    log_out(page)

    # The caseworker sees the advisory and answers on the page it points to.
    advisory = Advisory.objects.get(kind="forwarded_question", recipient=caseworker)
    log_in(page, caseworker)
    page.goto("/work/advisories/")
    assert "May the carport stand 60 cm from the boundary?" in page.locator("main").inner_text()
    axe(page, "caseworker-advisories")
    page.goto(advisory.params["answer_url"])
    assert page.locator("h1").inner_text() == "Forwarded question"
    axe(page, "forward-unanswered")
    page.get_by_role("button", name="Send the answer to the dialogue team").click()
    assert page.locator("#error-summary").is_visible()
    axe(page, "forward-errors")
    page.get_by_label("Your answer").fill("Yes, when the carport is at most 2.5 m high along the boundary.")
    page.get_by_role("button", name="Send the answer to the dialogue team").click()
    assert "The dialogue team can see your answer now." in page.locator(".messages").inner_text()
    axe(page, "forward-answered")
    log_out(page)

    # The dialogue team sees the answer.
    log_in(page, member)
    page.get_by_role("link", name="Dialogue").click()
    answers = page.locator("section", has=page.get_by_role("heading", name="New answers from caseworkers"))
    answers.get_by_role("link", name=case.reference).click()
    assert "at most 2.5 m high" in page.locator(".forward-answer").inner_text()
    assert Forward.objects.get().answer_seen_at is not None
    axe(page, "forward-answer-seen")


@pytest.mark.django_db(transaction=True)
def test_questions_and_help_code_pages(page, axe, people):
    member, owner, case = people["member"], people["owner"], people["case"]
    services.ask_about_case(case=case, user=owner, question="Hvornår får jeg en afgørelse?")
    draft = CaseFactory(property=PropertyFactory(address="Østerbrogade 1"), applicant=owner,
                        description="Et udhus på 20 m².")
    code = services.issue_help_code(case=draft, user=owner)

    log_in(page, member)
    page.goto("/dialogue/")
    page.get_by_role("link", name="Questions from applicants").first.click()
    axe(page, "dialogue-questions")
    page.get_by_role("link", name=re.compile(case.reference)).click()
    assert "Hvornår får jeg en afgørelse?" in page.locator("main").inner_text()
    axe(page, "dialogue-question")
    page.get_by_role("button", name="Send the answer").click()
    assert page.locator("#error-summary").is_visible()
    axe(page, "dialogue-question-errors")
    page.get_by_label("Your answer").fill("Inden for 40 dage fra sagen er fuldt oplyst.")
    page.get_by_role("button", name="Send the answer").click()
    assert "on its way by e-mail" in page.locator(".messages").inner_text()

    page.get_by_role("link", name="Help with a draft").click()
    axe(page, "dialogue-help-enter")
    page.get_by_label("Help code").fill("WRONG1")
    page.get_by_role("button", name="Open the draft").click()
    assert "not valid or has expired" in page.locator("#error-summary").inner_text()
    axe(page, "dialogue-help-enter-error")
    page.get_by_label("Help code").fill(code.lower())
    page.get_by_role("button", name="Open the draft").click()
    assert page.locator("h1").inner_text() == f"Draft {draft.reference}"
    assert "Et udhus på 20 m²." in page.locator("main").inner_text()
    axe(page, "dialogue-help-draft")

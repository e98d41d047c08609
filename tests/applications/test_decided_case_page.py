"""Issue 15 item 3: a decided case's page leads with the decision, the letter and the appeal deadline,
says what happens now, and no longer asks for documents or promises a decision date."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from applications.services import decisions, handling
from applications.services.clock import next_working_day
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


def decided(outcome="granted", **kwargs):
    case = support.submitted_case()
    worker = UserFactory(role="caseworker")
    handling.mark_complete(case=case, actor=worker)
    handling.start_review(case=case, actor=worker)
    decisions.record_decision(case=case, actor=worker, outcome=outcome, reasons="The project follows the local plan.",
                              **kwargs)
    case.refresh_from_db()
    return case


def page(client, case):
    client.force_login(case.applicant)
    return client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()


def test_the_decided_page_leads_with_the_decision_letter_and_appeal_deadline(db, client,
                                                                             django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = decided()
    html = page(client, case)
    # Four weeks on, moved to a working day (a weekend or Danish public holiday runs to the next one).
    deadline = next_working_day(timezone.localdate(case.decided_at) + dt.timedelta(days=28)).strftime("%-d %B %Y")
    main = html.split('<main')[1]
    assert main.index("decision-panel") < main.index("Who has the ball")
    panel = main.split("decision-panel")[1].split("</section>")[0]
    assert "The decision: Granted" in panel
    assert reverse("applications:decision_pdf", args=[case.reference]) in panel
    assert f"can appeal it until {deadline} to Byggeklageenheden" in panel
    assert "You have a permit: you can start the work." in panel


def test_the_decided_page_no_longer_asks_for_documents_or_promises_a_date(db, client):
    html = page(client, decided())
    assert "When can you expect a decision?" not in html
    assert "You can add documents at any time" not in html
    assert 'type="file"' not in html and "This is not relevant for my project" not in html
    # A permit: the application's documents are closed; what the start and completion need is sent there.
    assert "These are the application's documents; they can no longer be changed." in html
    refused = page(client, decided(outcome="refused", guidance="Lower the roof to 3.5 m."))
    assert "The case is finished, so documents can no longer be added." in refused


def test_a_refusal_says_what_to_change_and_offers_a_meeting(db, client):
    html = page(client, decided(outcome="refused", guidance="Lower the roof to 3.5 m."))
    panel = html.split("decision-panel")[1].split("</section>")[0]
    assert "You cannot carry out the project as you applied for it." in panel
    assert "Lower the roof to 3.5 m." in panel
    assert f"{reverse('predialogue:request')}?case=" in panel


def test_after_the_appeal_period_the_page_says_it_ended(db, client):
    case = decided(planning_act=True)
    assert "to Byggeklageenheden and Planklagenævnet" in page(client, case)
    with time_machine.travel(timezone.now() + dt.timedelta(days=40)):
        html = page(client, case)
    assert "The time to appeal ended on" in html and "can appeal it until" not in html


def test_an_open_case_still_shows_its_date_and_accepts_documents(db, client):
    case = support.submitted_case()
    html = page(client, case)
    assert "When can you expect a decision?" in html and 'type="file"' in html and "decision-panel" not in html


def test_the_decided_page_query_count(db, client, django_assert_max_num_queries):
    case = decided()
    client.force_login(case.applicant)
    # 13: + 1 for the type's rules for the documents at the start and at completion (issue 18: the start form
    # asks for them; the case's facts are read only when one of those rules has a condition).
    with django_assert_max_num_queries(13):
        assert client.get(reverse("applications:case_detail", args=[case.reference])).status_code == 200

"""The date never moves silently (issue 16, items 6, 7 and 9), with frozen time.

Every move of the expected decision date is a public event with the old date, the new date and the reason in
plain words; the API lists them as ``date_changes``; the applicant gets an e-mail in their language. The
receipt keeps the date we gave. The screening allowance is a deadline of its own, with an advisory to the team
lead the day before. Due dates never fall on a weekend or a Danish public holiday.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from rest_framework.test import APIClient

from applications.models import Advisory, Case, CaseEvent
from applications.selectors.receipts import receipt_context
from applications.selectors.status import event_text, status_text
from applications.services import advisories, clock, handling, requests
from applications.services.cases import extend_deadline
from applications.services.transitions import WAITING_FOR
from tests.applications import caseworker_support as support
from tests.applications.factories import CaseFactory

S = Case.Status
CPH = ZoneInfo("Europe/Copenhagen")


def on(month, day, hour=10, year=2026):
    return time_machine.travel(dt.datetime(year, month, day, hour, tzinfo=CPH), tick=False)


@pytest.fixture(autouse=True)
def allowance(settings):
    settings.SCREENING_ALLOWANCE_DAYS = 5
    settings.INFORMATION_REQUEST_DAYS = 21


@pytest.fixture(autouse=True)
def no_pdfs(monkeypatch):
    monkeypatch.setattr("applications.services.receipts.send_receipt", lambda **kwargs: True)
    monkeypatch.setattr("applications.services.decisions.generate_letter", lambda **kwargs: True)


def date_emails():
    return [m for m in mail.outbox if "expected decision date" in m.subject or "forventet dato" in m.subject]


def changes(case):
    return [(e.params["from_date"], e.params["to_date"], e.params["reason"])
            for e in CaseEvent.objects.filter(case=case, kind="date_changed").order_by("id")]


def test_found_complete_late_moves_the_date_with_an_event_an_api_entry_and_a_danish_email(
        db, applicant, caseworker, django_capture_on_commit_callbacks):
    """The issue's case: sent on 2 March, found complete on 1 April: 16 April becomes 11 May, and we say why."""
    applicant.preferred_language = "da"
    applicant.save()
    with on(3, 2), django_capture_on_commit_callbacks(execute=True):
        case = support.submitted_case(applicant=applicant)
    assert case.expected_decision_date == dt.date(2026, 4, 16)
    mail.outbox.clear()
    with on(4, 1), django_capture_on_commit_callbacks(execute=True):
        handling.mark_complete(case=case, actor=caseworker)
    case.refresh_from_db()
    assert case.expected_decision_date == dt.date(2026, 5, 11)
    assert changes(case) == [("2026-04-16", "2026-05-11", "screening")]
    event = CaseEvent.objects.get(case=case, kind="date_changed")
    assert event.is_public
    with translation.override("en"):
        assert event_text(event) == (
            "The expected decision date moved from 16 April 2026 to 11 May 2026. Checking that the application "
            "was complete took 30 days; we allow 5, so the date moved 25 days later.")
    # The API, for the applicant.
    api = APIClient()
    api.force_authenticate(applicant)
    with on(4, 2):
        data = api.get(reverse("api-case-detail", args=[case.reference]), HTTP_ACCEPT_LANGUAGE="en").json()
    assert data["expected_decision_date"] == "2026-05-11"
    assert data["first_expected_decision_date"] == "2026-04-16"
    assert [(c["from"], c["to"]) for c in data["date_changes"]] == [("2026-04-16", "2026-05-11")]
    assert "took 30 days; we allow 5" in data["date_changes"][0]["reason"]
    # The e-mail, in Danish.
    [message] = date_emails()
    assert message.to == [applicant.email]
    assert case.reference in message.subject
    with translation.override("da"):
        old, new = (date_format(day, "DATE_FORMAT") for day in (dt.date(2026, 4, 16), dt.date(2026, 5, 11)))
    assert f"Fra {old} til {new}." in message.body
    assert "Det tog 30 dage at tjekke, at ansøgningen var fuldstændig." in message.body
    assert reverse("applications:case_detail", args=[case.reference]) in message.body


def test_information_awaited_moves_the_date_by_the_days_waited(db, caseworker, django_capture_on_commit_callbacks):
    with on(3, 2):
        case = support.submitted_case()
        handling.mark_complete(case=case, actor=caseworker)  # 2 March + 40 = 11 April
    with on(3, 10):
        requests.open_information_request(case=case, items=["site-plan"], message="A site plan to scale, please.",
                                          due_date=None, kind="deficiency_pausing", actor=caseworker)
    mail.outbox.clear()
    with on(3, 17), django_capture_on_commit_callbacks(execute=True):
        support.upload(case, "site-plan")
    case.refresh_from_db()
    assert case.status == S.COMPLETE
    assert changes(case)[-1] == ("2026-04-11", "2026-04-18", "information")
    assert case.paused_days_after_complete == 7
    event = CaseEvent.objects.filter(case=case, kind="date_changed").last()
    with translation.override("da"):
        assert "Uret var sat på pause i 7 dage, mens vi ventede på oplysninger." in event_text(event)
    assert len(date_emails()) == 1


def test_an_extension_moves_the_date_with_the_caseworkers_reason(db, caseworker):
    with on(3, 2):
        case = support.submitted_case()
        handling.mark_complete(case=case, actor=caseworker)
        extend_deadline(case=case, days=14, reason="We must hear the neighbours.", actor=caseworker)
    assert changes(case)[-1] == ("2026-04-11", "2026-04-25", "extension")
    event = CaseEvent.objects.filter(case=case, kind="date_changed").last()
    assert event.actor == caseworker
    with translation.override("en"):
        assert event_text(event).endswith(
            "The caseworker extended the time by 14 days: We must hear the neighbours.")


def test_a_type_with_another_target_moves_the_date(db, caseworker):
    with on(3, 2):
        case = support.submitted_case()  # 40 days: 16 April
    with on(3, 3):
        handling.change_type(case=case, application_type=support.application_type("cw-flats", 60), actor=caseworker)
    case.refresh_from_db()
    assert case.expected_decision_date == dt.date(2026, 5, 6)
    assert case.first_expected_decision_date == dt.date(2026, 4, 16)  # the date we gave stays on record
    assert changes(case) == [("2026-04-16", "2026-05-06", "type")]
    event = CaseEvent.objects.get(case=case, kind="date_changed")
    with translation.override("en"):
        assert "changed to House (cw-flats), which has a service target of 60 days instead of 40." in event_text(
            event)


def test_a_withdrawn_case_gets_no_news_about_its_date(db, caseworker, django_capture_on_commit_callbacks):
    with on(3, 2):
        case = support.submitted_case()
    with on(3, 3):
        requests.open_information_request(case=case, items=["site-plan"], message="", due_date=None,
                                          kind="deficiency_pausing", actor=caseworker)
    with on(3, 20), django_capture_on_commit_callbacks(execute=True):
        handling.withdraw(case=case, actor=case.applicant)
    assert changes(case) == []
    assert date_emails() == []


def test_each_move_is_emailed_once(db, caseworker, django_capture_on_commit_callbacks):
    from applications.services.notify import notify_date_changes

    with on(3, 2):
        case = support.submitted_case()
    mail.outbox.clear()
    with on(3, 20), django_capture_on_commit_callbacks(execute=True):
        handling.mark_complete(case=case, actor=caseworker)
    assert len(date_emails()) == 1
    assert notify_date_changes(case_id=case.pk) == 0
    assert len(date_emails()) == 1


# --- The receipt keeps the date we gave -------------------------------------------------------------------------

def test_the_receipt_keeps_the_date_given_at_submission(db, caseworker, client):
    with on(3, 2):
        case = support.submitted_case()
    with on(4, 1):
        handling.mark_complete(case=case, actor=caseworker)
        handling.change_type(case=case, application_type=support.application_type("cw-flats", 60), actor=caseworker)
    case.refresh_from_db()
    context = receipt_context(case=case)
    assert context["clock"]["first_expected"] == dt.date(2026, 4, 16)
    # The explanation adds up to the date we gave: 2 March + 5 + 40.
    assert context["submitted_target"] == 40
    client.force_login(case.applicant)
    with on(4, 20):
        html = client.get(reverse("applications:receipt", args=[case.reference])).content.decode()
    assert "16 April 2026" in html and "31 May 2026" not in html
    assert "and then aim to decide within 40 days" in html
    assert "The current date is always on your case page." in html
    assert "days since you sent the application" not in html


def test_the_case_page_says_today_on_the_day_it_was_sent_and_counts_after(db, client):
    with on(3, 2):
        case = support.submitted_case()
        client.force_login(case.applicant)
        assert "You sent the application today." in client.get(
            reverse("applications:case_detail", args=[case.reference])).content.decode()
    with on(3, 3):
        page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    assert "1 day since you sent the application." in page


# --- The screening deadline -------------------------------------------------------------------------------------

def test_the_team_lead_is_advised_the_day_before_the_screening_deadline(db, manager, caseworker):
    with on(3, 2):
        case = support.submitted_case()  # screening deadline: 7 March
    assert clock.screening_deadline(case, today=dt.date(2026, 3, 2)) == dt.date(2026, 3, 7)
    with on(3, 5):
        assert advisories.sweep_screening_due() == 0
    with on(3, 6):
        assert advisories.sweep_screening_due() == 1
        assert advisories.sweep_screening_due() == 0  # once per case and deadline
    advisory = Advisory.objects.get(kind=Advisory.Kind.SCREENING_DUE)
    assert advisory.recipient == manager and advisory.case == case
    from applications.selectors.advisories import advisory_text

    with translation.override("en"):
        assert advisory_text(advisory) == (
            f"{case.reference} has not been screened yet: the screening allowance runs out on 7 March 2026.")


def test_days_waiting_for_the_applicant_do_not_count_against_the_screening_deadline(db, manager, caseworker):
    with on(3, 2):
        case = support.submitted_case()
    with on(3, 3):
        requests.open_information_request(case=case, items=["site-plan"], message="", due_date=None,
                                          kind="deficiency_not_started", actor=caseworker)
    with on(3, 6):
        assert advisories.sweep_screening_due() == 0  # paused: no deadline runs
    with on(3, 10):
        support.upload(case, "site-plan")  # answered: back to submitted after 7 days
    case.refresh_from_db()
    assert case.status == S.SUBMITTED
    assert clock.screening_deadline(case, today=dt.date(2026, 3, 10)) == dt.date(2026, 3, 14)
    with on(3, 12):
        assert advisories.sweep_screening_due() == 0
    with on(3, 13):
        assert advisories.sweep_screening_due() == 1


def test_a_case_found_complete_in_time_is_not_screened_late(db, caseworker):
    with on(3, 2):
        case = support.submitted_case()
    with on(3, 7):
        handling.mark_complete(case=case, actor=caseworker)
    case.refresh_from_db()
    assert case.screening_days == 5
    assert clock.case_timeliness(case).screened_late is False
    with on(3, 7):
        assert advisories.sweep_screening_due() == 0


# --- Due dates --------------------------------------------------------------------------------------------------

def test_the_default_answer_by_date_is_never_christmas_day(db):
    """4 December + 21 days is 25 December; 26 December is a holiday and the 27th a Sunday."""
    with on(12, 4):
        assert requests.default_due_date() == dt.date(2026, 12, 28)


@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2026, 3, 6), dt.date(2026, 3, 6)),  # a Friday
    (dt.date(2026, 3, 7), dt.date(2026, 3, 9)),  # Saturday: Monday
    (dt.date(2026, 4, 2), dt.date(2026, 4, 7)),  # Maundy Thursday, Good Friday, the weekend, Easter Monday
    (dt.date(2026, 5, 14), dt.date(2026, 5, 15)),  # Ascension Day
    (dt.date(2026, 5, 25), dt.date(2026, 5, 26)),  # Whit Monday
    (dt.date(2027, 1, 1), dt.date(2027, 1, 4)),  # New Year's Day, then a weekend
])
def test_a_due_date_runs_to_the_next_working_day(day, expected):
    assert clock.next_working_day(day) == expected


def test_an_answer_by_date_on_a_weekend_moves_to_monday(db, caseworker):
    with on(3, 2):
        case = support.submitted_case()
        request = requests.open_information_request(case=case, items=["site-plan"], message="",
                                                    due_date=dt.date(2026, 3, 21), kind="deficiency_pausing",
                                                    actor=caseworker)
    assert request.due_date == dt.date(2026, 3, 23)


# --- Status words -----------------------------------------------------------------------------------------------

def test_in_the_queue_only_while_nobody_is_assigned(db, caseworker):
    case = CaseFactory(status=S.COMPLETE)
    for language, queue in (("en", "in the queue for a caseworker"), ("da", "står i kø til en sagsbehandler")):
        assert queue in status_text(case, language=language)
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    for language, queue in (("en", "in the queue"), ("da", "i kø")):
        assert queue not in status_text(case, language=language)
    assert status_text(case, language="en") == (
        "The application is complete and has a caseworker, who has not started assessing it yet.")
    assert status_text(case, language="da") == (
        "Ansøgningen er fuldstændig og har fået en sagsbehandler, som endnu ikke er gået i gang med at vurdere den.")


# What each status text must say, in both languages, given who has the ball (transitions.WAITING_FOR).
STATUS_WORDS = {
    "applicant": {"en": ("draft", "waiting for more information from the applicant", "waiting for the applicant"),
                  "da": ("kladde", "venter på flere oplysninger fra ansøgeren", "venter på, at ansøgeren")},
    "municipality": {"en": ("checking", "queue", "caseworker", "assessing"),
                     "da": ("tjekker", "kø", "sagsbehandler", "vurdere")},
    None: {"en": ("decision", "closed", "withdrawn"), "da": ("afgørelse", "lukket", "trukket tilbage")},
}
# After the decision the text names its day: the permit's lapse day (one year after the decision,
# byggeloven § 16, stk. 10), the day the work started, the day it was reported completed.
DECIDED_AT = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
STATUS_DAYS = {S.PERMITTED: ("2 March 2027", "2. marts 2027"), S.LAPSED: ("2 March 2027", "2. marts 2027"),
               S.WORK_STARTED: ("4 May 2026", "4. maj 2026"),
               S.COMPLETION_REPORTED: ("6 October 2026", "6. oktober 2026")}


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("assigned", [False, True])
@pytest.mark.parametrize("status", S.values)
def test_every_status_text_says_what_the_case_is_waiting_for(db, caseworker, status, assigned, language):
    case = CaseFactory(status=status, caseworker=caseworker if assigned else None, decided_at=DECIDED_AT,
                       started_on=dt.date(2026, 5, 4), completed_on=dt.date(2026, 10, 6))
    text = status_text(case, language=language)
    words = STATUS_WORDS[WAITING_FOR[status]][language]
    assert any(word in text for word in words), text
    if assigned:
        assert ("queue" if language == "en" else "kø") not in text
    if status in STATUS_DAYS:
        assert STATUS_DAYS[status][language == "da"] in text


def test_a_decided_case_says_when_it_was_later_than_the_date_we_gave(db, caseworker, client):
    from applications.services.decisions import record_decision

    with on(3, 2):
        case = support.submitted_case()
    with on(4, 1):
        handling.mark_complete(case=case, actor=caseworker)  # 11 May now; we gave 16 April
    with on(5, 4):
        handling.start_review(case=case, actor=caseworker)
        record_decision(case=case, outcome="granted", reasons="Fine.", actor=caseworker)
        client.force_login(case.applicant)
        page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    assert "Decided in time" in page
    assert "Later than the date we gave when you sent the application: 16 April 2026." in page


def test_the_workspace_shows_the_screening_deadline_until_the_case_is_found_complete(db, caseworker, client):
    with on(3, 2):
        case = support.submitted_case()
    client.force_login(caseworker)
    url = reverse("applications:workspace", args=[case.reference])
    with on(3, 4):
        assert "Find it complete, or ask for information, by 7 Mar 2026" in client.get(url).content.decode()
        handling.mark_complete(case=case, actor=caseworker)
        assert "Find it complete, or ask for information" not in client.get(url).content.decode()

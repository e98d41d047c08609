"""One status truth: for every status, the lookup page, the case card, the lookup API, the case API and
the lists ("My applications", the API's case list) say exactly what ``applications.selectors.status``
says, in English and Danish."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.html import escape

from applications.models import Case
from applications.selectors.status import (
    BADGES,
    badge_parts,
    case_status,
    status_text,
    waiting_for,
    waiting_for_text,
)

VISIBLE_TO_STAFF = [s for s in Case.Status.values if s != "draft"]


def test_every_status_but_draft_is_checked():
    assert set(VISIBLE_TO_STAFF) | {"draft"} == set(Case.Status.values)


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("status", VISIBLE_TO_STAFF)
def test_status_text_is_the_same_in_every_channel(client, api_for, make_case, dialogue_member, caseworker, status,
                                                  language):
    case = make_case(status=status, address="Sankt Hans Torv 3", caseworker=caseworker)
    dialogue_member.preferred_language = language
    dialogue_member.save(update_fields=["preferred_language"])
    with translation.override(language):
        expected = status_text(case)
        expected_ball = waiting_for_text(case)
    client.force_login(dialogue_member)
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    client.cookies["django_language"] = language

    page = client.get(reverse("dialogueteam:lookup"), {"q": "sankt hans torv"}, **headers).content.decode()
    assert escape(expected) in page
    assert escape(expected_ball) in page

    card = client.get(reverse("dialogueteam:card", args=[case.reference]), **headers).content.decode()
    assert escape(expected) in card
    assert escape(expected_ball) in card

    api = api_for(dialogue_member)
    found = api.get("/api/v1/lookup/", {"q": case.reference}, HTTP_ACCEPT_LANGUAGE=language).json()["results"]
    assert [(r["reference"], r["status"], r["status_text"], r["waiting_for"]) for r in found] == [
        (case.reference, status, expected, waiting_for(case))]

    detail = api.get(f"/api/v1/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE=language)
    assert detail.status_code == 200, "staff read the case through the core's API"
    assert detail.json()["status_text"] == expected


def test_statuses_have_different_texts():
    texts = set()
    for status in Case.Status.values:
        texts.add(status_text(Case(status=status)))
    assert len(texts) == len(Case.Status.values)


def _row(page: str, reference: str) -> str:
    """The table row of ``reference`` on a list page."""
    rows = [row for row in page.split("<tr>") if reference in row]
    assert len(rows) == 1, f"{reference} is on the list once"
    return rows[0].split("</tr>")[0]


@pytest.mark.parametrize("language", ["en", "da"])
@pytest.mark.parametrize("status", VISIBLE_TO_STAFF)
def test_the_lists_say_what_the_one_function_says(client, api_for, make_case, caseworker, status, language):
    """'My applications' and the API's case list draw the status, the badge and the act-by day from
    ``case_status``: a paused or decided case is never "On track" there while its page says otherwise."""
    case = make_case(status=status, caseworker=caseworker)
    applicant = case.applicant
    applicant.preferred_language = language
    applicant.save(update_fields=["preferred_language"])
    with translation.override(language):
        expected = case_status(case)
        other_labels = {badge_parts(state, for_callers=True)[1] for state in BADGES} - {expected["badge_label"]}
    client.force_login(applicant)
    client.cookies["django_language"] = language
    row = _row(client.get(reverse("applications:my_applications"), HTTP_ACCEPT_LANGUAGE=language).content.decode(),
               case.reference)
    assert escape(expected["text"]) in row
    if expected["badge_label"]:
        assert f'status-badge">{escape(expected["badge_label"])}</span>' in row
    assert not [label for label in other_labels if f">{escape(label)}</span>" in row]

    listed = api_for(applicant).get("/api/v1/cases/", HTTP_ACCEPT_LANGUAGE=language).json()
    entry = next(e for e in listed if e["reference"] == case.reference)
    assert (entry["status"], entry["status_text"], entry["waiting_for"], entry["badge"], entry["on_track"],
            entry["clock_state"], entry["act_by"]) == (
        status, expected["text"], expected["waiting_for"], expected["badge_label"], expected["clock"]["on_track"],
        expected["clock"]["state"], None)


def test_paused_and_decided_cases_are_not_on_track_on_my_applications(client, make_case, caseworker):
    paused = make_case(status="awaiting_information", caseworker=caseworker)
    decided = make_case(status="decided", caseworker=caseworker)
    for case, label in ((paused, "Paused: waiting for information"), (decided, "Decided in time")):
        client.force_login(case.applicant)
        row = _row(client.get(reverse("applications:my_applications")).content.decode(), case.reference)
        assert "On track" not in row
        assert label in row


def test_the_act_by_day_is_the_same_on_every_channel(client, api_for, caseworker, django_capture_on_commit_callbacks,
                                                     mailoutbox):
    import datetime as dt

    from applications.services import requests
    from applications.services.clock import next_working_day
    from tests.applications import caseworker_support as support

    case = support.submitted_case()
    due = next_working_day(timezone.localdate() + dt.timedelta(days=15))  # a due date is a working day
    with django_capture_on_commit_callbacks(execute=True):
        requests.open_information_request(case=case, items=["site-plan"], message="Show the boundary.",
                                          due_date=due, kind="documentation", actor=caseworker)
    with translation.override("en"):
        assert case_status(case)["act_by"] == due
        words = f"You must act by {date_format(due, 'j F Y')}"
    client.force_login(case.applicant)
    assert words in _row(client.get(reverse("applications:my_applications")).content.decode(), case.reference)
    assert words in client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    api = api_for(case.applicant)
    assert api.get("/api/v1/cases/").json()[0]["act_by"] == due.isoformat()
    assert api.get(f"/api/v1/cases/{case.reference}/").json()["act_by"] == due.isoformat()
    request_mail = [m for m in mailoutbox if "we need more from you by" in m.body][-1]
    assert f"we need more from you by {date_format(due, 'j F Y')}" in request_mail.body


def test_the_status_email_carries_the_date_and_badge_of_the_one_function(caseworker, mailoutbox,
                                                                          django_capture_on_commit_callbacks):
    from applications.services import handling
    from tests.applications import caseworker_support as support

    case = support.submitted_case()
    with django_capture_on_commit_callbacks(execute=True):
        handling.mark_complete(case=case, actor=caseworker)
    with translation.override(case.applicant.preferred_language):
        expected = case_status(case)
        line = f"{date_format(expected['clock']['expected'], 'j F Y')} ({expected['badge_label']})"
    status_mail = [m for m in mailoutbox if case.reference in m.body and expected["text"] in m.body][-1]
    assert line in status_mail.body

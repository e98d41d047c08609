"""A case's badge and its contribution to the KPIs agree, for every path through the clock (issue 16 item 8).

Each path runs through the services with frozen time and is decided; then the badge (``clock_state``: "Decided
in time" / "Decided late", and decided by the first date we gave), the case's KPI facts and the dashboard's KPIs
for the decision day say the same, and match the values worked out by hand.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from applications.models import Case, Municipality
from applications.services import handling, requests
from applications.services.cases import extend_deadline
from applications.services.clock import clock_state
from applications.services.decisions import record_decision
from satisfaction import selectors
from satisfaction.models import CaseFacts
from tests.applications import caseworker_support as support

ALL = Municipality.objects.values("pk")  # every municipality (a subquery, evaluated per use)

CPH = ZoneInfo("Europe/Copenhagen")
S = Case.Status


def day(month, d):
    return dt.date(2026, month, d)


def at(when: dt.date):
    return time_machine.travel(dt.datetime(when.year, when.month, when.day, 10, tzinfo=CPH), tick=False)


@pytest.fixture(autouse=True)
def setup(settings, monkeypatch):
    settings.SCREENING_ALLOWANCE_DAYS = 5
    monkeypatch.setattr("applications.services.receipts.send_receipt", lambda **kwargs: True)
    monkeypatch.setattr("applications.services.decisions.generate_letter", lambda **kwargs: True)


def complete(case, worker):
    handling.mark_complete(case=case, actor=worker)


def ask(case, worker):
    requests.open_information_request(case=case, items=["site-plan"], message="A site plan to scale, please.",
                                      due_date=None, kind="deficiency_pausing", actor=worker)


def answer(case, worker):
    support.upload(case, "site-plan")


def extend(case, worker):
    extend_deadline(case=case, days=10, reason="We must hear the neighbours.", actor=worker)


def to_sixty_days(case, worker):
    handling.change_type(case=case, application_type=support.application_type("cw-sixty", 60), actor=worker)


def to_twenty_days(case, worker):
    handling.change_type(case=case, application_type=support.application_type("cw-twenty", 20), actor=worker)


def review(case, worker):
    handling.start_review(case=case, actor=worker)


# Every case is sent on 2 March 2026 (type: 40 days; the date we give: 16 April). Each path: its steps (day,
# action), the decision day, and by hand: decided by the first date, by the current date, processing days
# (pauses excluded) and screened late.
PATHS = {
    "quick screening, in time": ([(day(3, 3), complete)], day(4, 10), True, True, 38, False),
    "quick screening, after the moved date": ([(day(3, 3), complete)], day(4, 14), True, False, 42, False),
    "late screening, after the first date, by the current": ([(day(4, 1), complete)], day(5, 1), False, True, 30,
                                                            True),
    "late screening, late for both": ([(day(4, 1), complete)], day(5, 20), False, False, 49, True),
    "pause before completion": ([(day(3, 3), ask), (day(3, 13), answer), (day(3, 16), complete)], day(4, 24),
                                False, True, 39, False),
    "pause after completion": ([(day(3, 3), complete), (day(3, 10), ask), (day(3, 24), answer)], day(4, 20),
                               False, True, 34, False),
    "extension": ([(day(3, 3), complete), (day(3, 20), extend)], day(4, 20), False, True, 48, False),
    "type change to a longer target": ([(day(3, 3), to_sixty_days), (day(3, 4), complete)], day(5, 1), False,
                                       True, 58, False),
    "type change to a shorter target": ([(day(3, 3), to_twenty_days), (day(3, 4), complete)], day(3, 30), True,
                                        False, 26, False),
    "never found complete": ([(day(3, 3), ask), (day(3, 9), review)], day(4, 20), False, True, None, None),
}


def run(path, caseworker):
    steps, decided_on, *_expected = PATHS[path]
    with at(day(3, 2)):
        case = support.submitted_case()
    for when, step in steps:
        with at(when):
            step(Case.objects.get(pk=case.pk), caseworker)
    with at(decided_on):
        case = Case.objects.get(pk=case.pk)
        if case.status != S.IN_REVIEW:
            handling.start_review(case=case, actor=caseworker)
        record_decision(case=case, outcome="granted", reasons="The project follows the rules.", actor=caseworker)
    return Case.objects.get(pk=case.pk)


@pytest.mark.parametrize("path", PATHS)
def test_the_badge_and_the_kpis_agree(db, caseworker, path, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = run(path, caseworker)
    _steps, decided_on, by_first, by_current, processing_days, screened_late = PATHS[path]
    # The badge.
    badge = clock_state(case, today=decided_on + dt.timedelta(days=3))
    assert badge["state"] == ("met" if by_current else "missed")
    assert badge["met_first_date"] is by_first
    # The case's KPI facts, written after commit through the receivers.
    facts = CaseFacts.objects.get(case=case)
    assert (facts.decided_by_first_date, facts.decided_by_current_date) == (by_first, by_current)
    assert (facts.processing_days, facts.screened_late) == (processing_days, screened_late)
    # The dashboard's figures for the decision day: this case alone.
    kpis = selectors.kpis(period=selectors.Period(decided_on, decided_on), municipalities=ALL)
    assert kpis["decided_by_first_promised_date"]["on_time"] == int(by_first)
    assert kpis["decided_by_current_date"]["on_time"] == int(by_current)
    assert kpis["decided_by_current_date"]["on_time"] == int(badge["state"] == "met")
    if processing_days is not None:
        assert kpis["processing_time"][0]["median_days"] == processing_days
    if screened_late is not None:
        completed_on = facts.completed_on
        period = selectors.Period(completed_on, completed_on)
        screened = selectors.kpis(period=period, municipalities=ALL)["screened_late"]
        assert screened["late"] == int(screened_late)

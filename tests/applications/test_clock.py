"""The service clock with frozen time: submission, pause, resume, completion, extension."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from applications.models import ApplicationType, Case, Property
from applications.services.cases import CaseError, extend_deadline
from applications.services.clock import clock_state
from applications.services.transitions import transition
from tests.factories import UserFactory

S = Case.Status
CPH = ZoneInfo("Europe/Copenhagen")


def at(day):
    return dt.datetime(2026, *day, 10, 0, tzinfo=CPH)


@pytest.fixture
def case(db, settings):
    settings.SCREENING_ALLOWANCE_DAYS = 5
    app_type = ApplicationType.objects.create(code="t-house", name_en="House", name_da="Hus", summary_en="s",
                                              summary_da="s", service_target_days=40)
    prop = Property.objects.create(address="Urvej 2", postcode="2300", city="København S",
                                   cadastral_number="2b", property_number="200002")
    return Case.objects.create(reference="B-2026-80001", property=prop, applicant=UserFactory(role="applicant"),
                               application_type=app_type)


def test_submission_gives_a_date_at_once(case):
    with time_machine.travel(at((3, 2)), tick=False):
        transition(case=case, to=S.SUBMITTED)
        case.refresh_from_db()
        # 2 March + 5 days screening + 40 days target
        assert case.expected_decision_date == dt.date(2026, 4, 16)
        assert case.first_expected_decision_date == dt.date(2026, 4, 16)
        state = clock_state(case, today=dt.date(2026, 3, 2))
        assert state["state"] == "on_track" and state["on_track"] is True
        assert state["elapsed_days"] == 0


def test_pause_moves_the_date_by_the_days_waited(case):
    with time_machine.travel(at((3, 2)), tick=False):
        transition(case=case, to=S.SUBMITTED)
    with time_machine.travel(at((3, 4)), tick=False):
        transition(case=case, to=S.AWAITING_INFORMATION)
        case.refresh_from_db()
        assert case.clock_paused_since == dt.date(2026, 3, 4)
        assert clock_state(case, today=dt.date(2026, 3, 10))["state"] == "paused"
    with time_machine.travel(at((3, 14)), tick=False):
        transition(case=case, to=S.SUBMITTED)
        case.refresh_from_db()
    assert case.paused_days == 10
    assert case.clock_paused_since is None
    assert case.expected_decision_date == dt.date(2026, 4, 26)
    assert case.first_expected_decision_date == dt.date(2026, 4, 16)


def test_completion_fixes_the_date_from_the_complete_day(case):
    with time_machine.travel(at((3, 2)), tick=False):
        transition(case=case, to=S.SUBMITTED)
    with time_machine.travel(at((3, 5)), tick=False):
        transition(case=case, to=S.COMPLETE)
        case.refresh_from_db()
    assert case.expected_decision_date == dt.date(2026, 4, 14)  # 5 March + 40


def test_a_pause_after_completion_moves_the_fixed_date(case):
    with time_machine.travel(at((3, 2)), tick=False):
        transition(case=case, to=S.SUBMITTED)
    with time_machine.travel(at((3, 5)), tick=False):
        transition(case=case, to=S.COMPLETE)
    with time_machine.travel(at((3, 10)), tick=False):
        transition(case=case, to=S.AWAITING_INFORMATION)
    with time_machine.travel(at((3, 17)), tick=False):
        transition(case=case, to=S.COMPLETE)
        case.refresh_from_db()
    assert case.expected_decision_date == dt.date(2026, 4, 21)  # 14 April + 7 paused days


def test_extension_needs_a_reason_and_moves_the_date(case):
    with time_machine.travel(at((3, 2)), tick=False):
        transition(case=case, to=S.SUBMITTED)
        transition(case=case, to=S.COMPLETE)
        with pytest.raises(CaseError):
            extend_deadline(case=case, days=10, reason=" ", actor=None)
        extend_deadline(case=case, days=10, reason="Neighbour hearing needed", actor=None)
        case.refresh_from_db()
    assert case.expected_decision_date == dt.date(2026, 4, 21)
    assert case.events.filter(kind="date_changed", params__text="Neighbour hearing needed").exists()


def test_at_risk_and_overdue(case, settings):
    settings.TARGET_AT_RISK_DAYS = 5
    with time_machine.travel(at((3, 2)), tick=False):
        transition(case=case, to=S.SUBMITTED)
        case.refresh_from_db()
    assert clock_state(case, today=dt.date(2026, 4, 12))["state"] == "at_risk"
    overdue = clock_state(case, today=dt.date(2026, 4, 17))
    assert overdue["state"] == "overdue" and overdue["on_track"] is False

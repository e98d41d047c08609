"""Issue 18 item 2: the decision letter says what follows: the permit's lapse day (byggeloven § 16,
stk. 10), the start and completion reports (BR18 § 40), whether an occupancy permit is needed (BR18 § 43,
not for small detached buildings and demolition), and Planklagenævnet's fee when that body applies."""

import datetime as dt

import pytest
import time_machine

from applications.models import ApplicationType, Decision
from applications.services import after_decision
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.test_decision_letters import in_review, letter


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811
    return private_storage


def retype(case, code):
    ApplicationType.objects.filter(pk=case.application_type_id).update(code=code)
    case.application_type.refresh_from_db()


def test_a_permit_letter_gives_the_lapse_day_the_reports_and_the_occupancy_permit(db):
    case, worker = in_review()
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC), tick=False):
        text = letter(case, worker)
    assert "The permit lapses if the work has not started by 2 March 2027" in text
    assert "Tell us the day the work starts" in text
    assert "send us a completion notice with the documentation" in text
    assert "You may not take the building into use before we have issued an occupancy permit (BR18 § 43)" in text
    assert "Planklagenævnet charges a fee" not in text


def test_a_small_building_needs_no_occupancy_permit_and_demolition_ends_with_its_notice(db):
    case, worker = in_review()
    retype(case, "small-building")
    text = letter(case, worker)
    assert "needs no occupancy permit" in text and "before we have issued an occupancy permit" not in text
    retype(case, "demolition")
    text = letter(case, worker)
    assert "When the building is gone, send us a completion notice" in text
    assert "occupancy permit" not in text


def test_a_refusal_has_nothing_to_report_and_the_planning_act_names_the_fee(db):
    case, worker = in_review()
    text = letter(case, worker, outcome="refused", guidance="Lower the roof.", planning_act=True)
    assert "The permit lapses" not in text and "Nothing more is needed from you" in text
    assert "Planklagenævnet charges a fee for handling an appeal" in text


@pytest.mark.parametrize(("decided", "lapses"), [(dt.date(2026, 3, 2), dt.date(2027, 3, 2)),
                                                 (dt.date(2028, 2, 29), dt.date(2029, 2, 28))])
def test_the_lapse_day_is_one_year_from_the_permit(decided, lapses):
    decision = Decision(outcome="granted", decided_at=dt.datetime.combine(decided, dt.time(12), tzinfo=dt.UTC))
    assert after_decision.permit_lapses_on(decision=decision) == lapses
    decision.outcome = "refused"
    assert after_decision.permit_lapses_on(decision=decision) is None

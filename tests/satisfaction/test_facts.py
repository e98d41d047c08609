"""The KPI facts follow each case through the core's services; a rebuild gives the same; the sweep mends
anything missed; dates are local dates."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from applications.models import Municipality
from applications.services.decisions import record_decision
from applications.services.handling import change_type, mark_complete, start_review
from satisfaction import facts as kpi_facts
from satisfaction import selectors
from satisfaction.models import CaseFacts
from tests.applications.caseworker_support import application_type, submitted_case
from tests.applications.factories import CaseFactory

ALL = Municipality.objects.values("pk")  # every municipality (a subquery, evaluated per use)

CPH = ZoneInfo("Europe/Copenhagen")


def facts(case) -> dict:
    row = CaseFacts.objects.filter(case=case).values(
        "application_type_id", "submitted_on", "completed_on", "decided_on", "processing_days", "promised_on",
        "first_screening_ok").first()
    return row and {k: (str(v) if hasattr(v, "isoformat") else v) for k, v in row.items()}


@pytest.fixture(autouse=True)
def no_pdfs(monkeypatch):
    monkeypatch.setattr("applications.services.decisions.generate_letter", lambda **kwargs: True)
    monkeypatch.setattr("applications.services.receipts.send_receipt", lambda **kwargs: True)


def test_the_facts_follow_the_case(applicant, caseworker, django_capture_on_commit_callbacks):
    draft = CaseFactory(applicant=applicant)
    assert facts(draft) is None  # a draft is not a submitted case
    # Submitted at 00:30 on 3 March in Copenhagen (23:30 on 2 March in UTC): the local day counts.
    with time_machine.travel(datetime(2026, 3, 3, 0, 30, tzinfo=CPH), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        case = submitted_case(applicant=applicant)
    assert facts(case) == {"application_type_id": case.application_type_id, "submitted_on": "2026-03-03",
                           "completed_on": None, "decided_on": None, "processing_days": None,
                           "promised_on": "2026-04-17", "first_screening_ok": True}
    with time_machine.travel(datetime(2026, 3, 5, 23, 50, tzinfo=CPH), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        mark_complete(case=case, actor=caseworker)
    assert facts(case)["completed_on"] == "2026-03-05"
    with time_machine.travel(datetime(2026, 3, 6, 9, tzinfo=CPH), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        change_type(case=case, application_type=application_type("cw-other", 60), actor=caseworker)
    assert facts(case)["application_type_id"] == application_type("cw-other", 60).pk
    with time_machine.travel(datetime(2026, 4, 1, 8, tzinfo=CPH), tick=False), \
            django_capture_on_commit_callbacks(execute=True):
        start_review(case=case, actor=caseworker)
        record_decision(case=case, outcome="granted", reasons="Fine.", actor=caseworker)
    final = facts(case)
    assert (final["decided_on"], final["processing_days"], final["completed_on"]) == ("2026-04-01", 27, "2026-03-05")


def test_a_case_not_yet_screened_counts_as_submitted_not_screened(applicant, django_capture_on_commit_callbacks,
                                                                   monkeypatch):
    monkeypatch.setattr("applications.services.screening.run_screening", lambda **kwargs: None)
    with django_capture_on_commit_callbacks(execute=True):
        case = submitted_case(applicant=applicant)
    assert facts(case)["first_screening_ok"] is None
    period = selectors.Period(facts_day(case), facts_day(case))
    assert selectors.kpis(period=period, municipalities=ALL)["complete_at_first_screening"] == {
        "submitted": 1, "screened": 0, "complete": 0, "share": None}


def facts_day(case):
    return CaseFacts.objects.get(case=case).submitted_on


def test_a_rebuild_gives_the_same_facts(applicant, caseworker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = submitted_case(applicant=applicant)
        second = submitted_case(applicant=applicant)
        mark_complete(case=first, actor=caseworker)
    before = {c.pk: facts(c) for c in (first, second)}
    CaseFacts.objects.all().delete()
    kpi_facts.refresh_case_facts()
    assert {c.pk: facts(c) for c in (first, second)} == before


def test_the_sweep_mends_facts_that_were_missed(applicant, caseworker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = submitted_case(applicant=applicant)
    mark_complete(case=case, actor=caseworker)  # its after-commit work never ran (the worker died, say)
    assert facts(case)["completed_on"] is None
    assert kpi_facts.refresh_recent_facts(minutes=30) == 1
    assert facts(case)["completed_on"] is not None


def test_percentile_cont_interpolates_like_postgresql():
    assert selectors.percentile_cont([], 0.5) is None
    assert selectors.percentile_cont([7], 0.9) == 7
    assert selectors.percentile_cont([10, 20, 30, 41], 0.5) == 25
    assert selectors.percentile_cont([10, 20, 30, 41], 0.9) == pytest.approx(37.7)
    assert selectors.percentile_cont([1, 2, 3, 4, 5], 0.5) == 3
    assert selectors.percentile_cont([1, 2], 1.0) == 2
    assert selectors.percentile_cont([1, 2], 0.0) == 1

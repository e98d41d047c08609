"""Issue 18 item 1: appeals. The appeal's own table (every allowed and refused pair, generated from it),
the appeal period with frozen time, the case kept open while an appeal runs, and the outcomes."""

import datetime as dt
import itertools

import pytest
import time_machine
from django.core import mail

from applications import hooks
from applications.models import Advisory, Appeal, Case, CaseEvent, Decision
from applications.services import appeals, decisions, handling
from applications.services.appeals import APPEAL_MACHINE, AppealInvalid, AppealNotAllowed
from permitportal.core.state_machine import writing_status
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.factories import UserFactory

A = Appeal.Status
S = Case.Status
DECIDED_AT = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)  # the appeal period's last day: 30 March 2026


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


@pytest.fixture
def worker(db):
    return UserFactory(role="caseworker")


def decided_case(worker, *, at=DECIDED_AT):
    with time_machine.travel(at, tick=False):
        case = support.submitted_case()
        handling.mark_complete(case=case, actor=worker)
        handling.start_review(case=case, actor=worker)
        decisions.record_decision(case=case, actor=worker, outcome="granted", reasons="Follows the local plan.")
    case.refresh_from_db()
    return case


def lodge(case, *, on, user=None, grounds="The extension takes my light."):
    with time_machine.travel(on, tick=False):
        return appeals.lodge_appeal(case=case, actor=user or case.applicant, grounds=grounds)


# --- The appeal's table -------------------------------------------------------------------------

PAIRS = list(itertools.product(A.values, A.values))


@pytest.fixture
def appeal_in(worker):
    case = decided_case(worker)

    def make(status):
        appeal = lodge(case, on=dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC))
        with writing_status():
            Appeal.objects.filter(pk=appeal.pk).update(status=status)
        appeal.refresh_from_db()
        return appeal

    return make


@pytest.mark.parametrize(("source", "target"), [p for p in PAIRS if APPEAL_MACHINE.is_allowed(*p)])
def test_allowed_appeal_transition(appeal_in, source, target):
    appeal = appeal_in(source)
    APPEAL_MACHINE.transition(obj=appeal, to=target, fields={"sent_on": dt.date(2026, 3, 11)})
    appeal.refresh_from_db()
    assert appeal.status == target
    assert CaseEvent.objects.filter(case=appeal.case, kind=f"appeal:{target}").count() == 1


@pytest.mark.parametrize(("source", "target"), [p for p in PAIRS if not APPEAL_MACHINE.is_allowed(*p)])
def test_refused_appeal_transition(appeal_in, source, target):
    appeal = appeal_in(source)
    with pytest.raises(AppealNotAllowed):
        APPEAL_MACHINE.transition(obj=appeal, to=target)
    appeal.refresh_from_db()
    assert appeal.status == source


def test_an_ended_appeal_is_final():
    for outcome in appeals.OUTCOMES:
        assert APPEAL_MACHINE.table[outcome] == frozenset()


# --- The appeal period (byggeloven § 24: four weeks) -----------------------------------------------

def test_an_appeal_on_the_last_day_is_in_time_and_keeps_the_case_open(worker, django_capture_on_commit_callbacks):
    case = decided_case(worker)
    with django_capture_on_commit_callbacks(execute=True):
        appeal = lodge(case, on=dt.datetime(2026, 3, 30, 21, 0, tzinfo=dt.UTC))  # 22:00 in Copenhagen, 30 March
    case.refresh_from_db()
    assert case.status == S.APPEALED and appeal.status == A.LODGED
    assert appeal.received_on == dt.date(2026, 3, 30)
    assert Advisory.objects.filter(case=case, kind="appeal_lodged").exists()
    assert any("received on 30 March 2026" in m.body for m in mail.outbox)


def test_the_day_after_the_period_is_refused_with_the_day_it_ended(worker):
    case = decided_case(worker)
    with pytest.raises(AppealNotAllowed, match="The appeal period ended on 30 March 2026"):
        lodge(case, on=dt.datetime(2026, 3, 30, 23, 30, tzinfo=dt.UTC))  # 31 March in Copenhagen
    case.refresh_from_db()
    assert case.status == S.DECIDED and not Appeal.objects.exists()


def test_the_period_is_configurable(worker, settings):
    settings.APPEAL_PERIOD_DAYS = 14
    case = decided_case(worker)
    with pytest.raises(AppealNotAllowed, match="16 March 2026"):
        lodge(case, on=dt.datetime(2026, 3, 17, 9, tzinfo=dt.UTC))


def test_a_stranger_cannot_appeal_but_a_registered_party_can(worker, monkeypatch):
    case = decided_case(worker)
    neighbour = UserFactory(role="applicant")
    with pytest.raises(PermissionError):
        lodge(case, on=dt.datetime(2026, 3, 5, 9, tzinfo=dt.UTC), user=neighbour)
    monkeypatch.setattr(hooks, "appeal_party_checkers", [lambda c, u: u.pk == neighbour.pk])
    appeal = lodge(case, on=dt.datetime(2026, 3, 5, 9, tzinfo=dt.UTC), user=neighbour)
    assert appeal.role == Appeal.Role.PARTY and appeal.appellant == neighbour


def test_staff_record_a_letter_received_in_time_even_when_entered_later(worker):
    case = decided_case(worker)
    with time_machine.travel(dt.datetime(2026, 4, 2, 9, tzinfo=dt.UTC), tick=False):
        appeal = appeals.lodge_appeal(case=case, actor=worker, grounds="Too close to the boundary.", by_letter=True,
                                      appellant_name="Nina Nabo", appellant_email="nina@example.org",
                                      received_on=dt.date(2026, 3, 27))
        with pytest.raises(AppealNotAllowed, match="30 March 2026"):
            appeals.lodge_appeal(case=case, actor=worker, grounds="Late.", by_letter=True, appellant_name="Late",
                                 received_on=dt.date(2026, 3, 31))
    assert appeal.channel == Appeal.Channel.LETTER and appeal.role == Appeal.Role.PARTY


def test_empty_or_huge_grounds_are_invalid(worker):
    case = decided_case(worker)
    with pytest.raises(AppealInvalid):
        lodge(case, on=dt.datetime(2026, 3, 5, 9, tzinfo=dt.UTC), grounds="  ")
    with pytest.raises(AppealInvalid):
        lodge(case, on=dt.datetime(2026, 3, 5, 9, tzinfo=dt.UTC), grounds="x" * (appeals.GROUNDS_MAX + 1))


# --- The periodic close and the appeal ---------------------------------------------------------------

def test_the_periodic_close_never_closes_a_case_with_an_open_appeal(worker):
    case = decided_case(worker)
    lodge(case, on=dt.datetime(2026, 3, 20, 9, tzinfo=dt.UTC))
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC), tick=False):
        assert decisions.close_after_appeal_period() == 0
    case.refresh_from_db()
    assert case.status == S.APPEALED


def test_the_close_guard_keeps_even_a_decided_case_with_an_open_appeal(worker):
    """Defence in depth: a decided case (e.g. after a remit and a new decision) with an appeal still open."""
    case = decided_case(worker)
    Appeal.objects.create(case=case, decision=case.decision, appellant_name="N", grounds="g",
                          received_on=dt.date(2026, 3, 3))
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC), tick=False):
        assert decisions.close_after_appeal_period() == 0
    case.refresh_from_db()
    assert case.status == S.DECIDED


def test_the_periodic_sweep_ends_the_period_the_day_after_not_before(worker):
    case = decided_case(worker)
    with time_machine.travel(dt.datetime(2026, 3, 30, 21, 0, tzinfo=dt.UTC), tick=False):
        assert decisions.close_after_appeal_period() == 0
    with time_machine.travel(dt.datetime(2026, 3, 30, 22, 30, tzinfo=dt.UTC), tick=False):  # 31 March, 00:30
        assert decisions.close_after_appeal_period() == 1
    case.refresh_from_db()
    assert case.status == S.PERMITTED  # a permit stays in force (services.start_of_work); a refusal is closed


# --- Forwarding and outcomes ---------------------------------------------------------------------

def forwarded(case, worker, *, on=dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC)):
    appeal = lodge(case, on=on)
    with time_machine.travel(on, tick=False):
        return appeals.record_forwarded(appeal=appeal, actor=worker, sent_on=on.date())


def test_forwarding_needs_a_sensible_day_and_a_caseworker(worker):
    case = decided_case(worker)
    appeal = lodge(case, on=dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC))
    with time_machine.travel(dt.datetime(2026, 3, 12, 9, tzinfo=dt.UTC), tick=False):
        with pytest.raises(AppealInvalid):
            appeals.record_forwarded(appeal=appeal, actor=worker, sent_on=dt.date(2026, 3, 13))
        with pytest.raises(AppealInvalid):
            appeals.record_forwarded(appeal=appeal, actor=worker, sent_on=dt.date(2026, 3, 9))
        with pytest.raises(PermissionError):
            appeals.record_forwarded(appeal=appeal, actor=case.applicant, sent_on=dt.date(2026, 3, 11))
        appeals.record_forwarded(appeal=appeal, actor=worker, sent_on=dt.date(2026, 3, 11))
        with pytest.raises(AppealNotAllowed):
            appeals.record_forwarded(appeal=appeal, actor=worker, sent_on=dt.date(2026, 3, 11))
    assert CaseEvent.objects.get(case=case, kind="appeal:forwarded").params["date"] == "2026-03-11"


def test_upheld_within_the_period_returns_to_decided_and_the_sweep_closes_later(worker):
    case = decided_case(worker)
    appeal = forwarded(case, worker)
    with time_machine.travel(dt.datetime(2026, 3, 20, 9, tzinfo=dt.UTC), tick=False):
        appeals.record_outcome(appeal=appeal, actor=worker, outcome="upheld")
    case.refresh_from_db()
    assert case.status == S.DECIDED
    with time_machine.travel(dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC), tick=False):
        assert decisions.close_after_appeal_period() == 1
    case.refresh_from_db()
    assert case.status == S.PERMITTED


def test_an_outcome_after_the_period_closes_the_case_but_only_when_no_appeal_is_open(worker):
    case = decided_case(worker)
    first = forwarded(case, worker)
    second = forwarded(case, worker, on=dt.datetime(2026, 3, 12, 9, tzinfo=dt.UTC))
    with time_machine.travel(dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC), tick=False):
        appeals.record_outcome(appeal=first, actor=worker, outcome="overturned")
        case.refresh_from_db()
        assert case.status == S.APPEALED
        appeals.record_outcome(appeal=second, actor=worker, outcome="withdrawn")
    case.refresh_from_db()
    assert case.status == S.CLOSED
    assert CaseEvent.objects.filter(case=case, kind="status:closed", params__variant="appeal_ended:closed").exists()


def test_remitted_returns_the_case_to_review_with_a_new_date_and_keeps_the_old_decision(worker):
    case = decided_case(worker)
    appeal = forwarded(case, worker)
    old = case.decision
    with time_machine.travel(dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC), tick=False):
        appeals.record_outcome(appeal=appeal, actor=worker, outcome="remitted", note="The neighbour was not heard.")
    case.refresh_from_db()
    assert case.status == S.IN_REVIEW
    assert case.expected_decision_date == dt.date(2026, 5, 4) + dt.timedelta(days=case.application_type
                                                                               .service_target_days)
    assert not Decision.objects.filter(case=case).exists()
    assert list(case.remitted_decisions.all()) == [old]
    event = CaseEvent.objects.get(case=case, kind="status:in_review", params__variant="appeal_remitted")
    assert event.params["reason"] == "The neighbour was not heard."
    with time_machine.travel(dt.datetime(2026, 5, 20, 9, tzinfo=dt.UTC), tick=False):
        decisions.record_decision(case=case, actor=worker, outcome="granted", reasons="Heard now; still fine.")
        case.refresh_from_db()
        assert case.status == S.DECIDED and case.decided_at.date() == dt.date(2026, 5, 20)
        # The new decision has its own appeal period.
        appeal2 = appeals.lodge_appeal(case=case, actor=case.applicant, grounds="Again.")
    assert appeal2.decision == case.decision != old


def test_an_unknown_outcome_is_invalid(worker):
    case = decided_case(worker)
    appeal = forwarded(case, worker)
    with pytest.raises(AppealInvalid):
        appeals.record_outcome(appeal=appeal, actor=worker, outcome="granted")


def test_only_decided_cases_can_be_appealed(worker):
    case = support.submitted_case()
    with pytest.raises(AppealNotAllowed):
        appeals.lodge_appeal(case=case, actor=case.applicant, grounds="Early.")
    assert not Appeal.objects.exists()

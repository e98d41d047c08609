"""Every allowed and every disallowed status change, generated from the one transition table."""

import itertools

import pytest

from applications.models import ApplicationType, Case, CaseEvent, Property
from applications.services.transitions import TRANSITIONS, TransitionNotAllowed, is_allowed, transition
from permitportal.core.state_machine import writing_status
from tests.factories import UserFactory

S = Case.Status
ALL = list(S.values)
PAIRS = list(itertools.product(ALL, ALL))


@pytest.fixture
def make_case(db):
    app_type = ApplicationType.objects.create(code="t-small", name_en="Small", name_da="Lille", summary_en="s",
                                              summary_da="s", service_target_days=40)
    prop = Property.objects.create(address="Testvej 1", postcode="2100", city="København Ø",
                                   cadastral_number="1a", property_number="100001")
    applicant = UserFactory(role="applicant")
    counter = itertools.count(1)

    def make(status):
        case = Case.objects.create(reference=f"B-2026-9{next(counter):04d}", property=prop, applicant=applicant,
                                   application_type=app_type)
        with writing_status():  # test set-up only: every status, whatever walk reaches it
            Case.objects.filter(pk=case.pk).update(status=status)
        case.refresh_from_db()
        return case

    return make


def test_the_table_names_every_status():
    assert set(TRANSITIONS) == set(ALL)
    for targets in TRANSITIONS.values():
        assert targets <= set(ALL)


@pytest.mark.parametrize(("source", "target"), [p for p in PAIRS if is_allowed(*p)])
def test_allowed_transition(make_case, source, target):
    case = make_case(source)
    transition(case=case, to=target)
    case.refresh_from_db()
    assert case.status == target
    assert CaseEvent.objects.filter(case=case, kind=f"status:{target}").count() == 1


@pytest.mark.parametrize(("source", "target"), [p for p in PAIRS if not is_allowed(*p)])
def test_disallowed_transition(make_case, source, target):
    case = make_case(source)
    with pytest.raises(TransitionNotAllowed):
        transition(case=case, to=target)
    case.refresh_from_db()
    assert case.status == source
    assert not CaseEvent.objects.filter(case=case).exists()


def test_finished_statuses_are_final():
    assert TRANSITIONS[S.CLOSED] == frozenset()
    assert TRANSITIONS[S.WITHDRAWN] == frozenset()


def test_every_edge_names_its_rule_and_internal_edges_are_the_systems():
    from applications.services.transitions import MACHINE

    assert all(len(edge.rule) > 20 for edge in MACHINE.edges)
    assert {(e.source, e.target) for e in MACHINE.edges if e.internal} == {
        (S.AWAITING_INFORMATION, S.SUBMITTED), (S.DECIDED, S.CLOSED),
        (S.DECIDED, S.APPEALED), (S.APPEALED, S.DECIDED), (S.APPEALED, S.CLOSED), (S.APPEALED, S.IN_REVIEW),
        (S.DECIDED, S.PERMITTED), (S.DECIDED, S.WORK_STARTED), (S.APPEALED, S.PERMITTED),
        (S.APPEALED, S.WORK_STARTED), (S.PERMITTED, S.LAPSED)}


def test_transition_not_allowed_is_the_domain_not_allowed():
    from permitportal.core.errors import NotAllowed

    assert issubclass(TransitionNotAllowed, NotAllowed) and TransitionNotAllowed.status_code == 409

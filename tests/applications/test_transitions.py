"""Every allowed and every disallowed status change, generated from the one transition table."""

import itertools

import pytest

from applications.models import ApplicationType, Case, CaseEvent, Property
from applications.services.transitions import TRANSITIONS, TransitionNotAllowed, is_allowed, transition
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
        Case.objects.filter(pk=case.pk).update(status=status)  # test set-up only
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


def test_no_code_outside_the_transition_module_assigns_status():
    """An attribute assignment to a case's `.status` appears only in services/transitions.py. (Other
    apps keep their own status tables for their own models, so there only `case.status =` counts.)"""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    core = re.compile(r"\.status\s*=[^=]")
    elsewhere = re.compile(r"case\.status\s*=[^=]", re.IGNORECASE)
    offenders = []
    for app in ("applications", "predialogue", "dialogueteam", "satisfaction", "permitportal"):
        pattern = core if app == "applications" else elsewhere
        for path in root.joinpath(app).rglob("*.py"):
            if "migrations" in path.parts or path.name == "transitions.py":
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if pattern.search(line):
                    offenders.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert not offenders, offenders

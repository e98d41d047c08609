"""Issue 19 item 1: a municipality's local service targets (for types without a national one) and the
requirements and guidance it adds on top of the national catalogue: the clock, the checklist and the guide
read them through one function each (``clock.target_for``, ``catalogue.requirements_for``)."""

import datetime as dt

import pytest
import time_machine

from applications.models import ApplicationType, GuideOutcome, LocalRequirement, LocalServiceTarget, Municipality
from applications.services import handling
from applications.services.cases import recompute_checklist
from applications.services.catalogue import requirements_for
from applications.services.clock import screening_allowance_days, target_for
from applications.services.guide import _outcome_dict
from tests.applications import caseworker_support as support
from tests.applications.factories import DocumentRequirementFactory, PropertyFactory
from tests.factories import UserFactory

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def frederiksberg(db):
    return Municipality.objects.create(code="0147", name="Frederiksberg")


@pytest.fixture
def local_type(db, frederiksberg):
    """cw-house as a type without a national target (40 days by default; Frederiksberg's own: 21)."""
    app_type = support.application_type()
    app_type.service_target_scope = ApplicationType.TargetScope.LOCAL
    app_type.save()
    LocalServiceTarget.objects.create(municipality=frederiksberg, application_type=app_type, days=21)
    return app_type


def test_the_local_target_applies_only_where_it_is_set_and_only_to_local_types(local_type, frederiksberg):
    other = PropertyFactory().municipality_id
    assert target_for(application_type=local_type, municipality_id=frederiksberg.pk) == 21
    assert target_for(application_type=local_type, municipality_id=other) == 40
    local_type.service_target_scope = ApplicationType.TargetScope.NATIONAL
    local_type.save()
    assert target_for(application_type=local_type, municipality_id=frederiksberg.pk) == 40


def test_the_case_keeps_the_target_it_was_given(local_type, frederiksberg):
    with time_machine.travel(dt.datetime(2026, 12, 1, 10), tick=False):
        case = support.submitted_case(property=PropertyFactory(municipality=frederiksberg))
    assert case.service_target_days == 21
    assert case.expected_decision_date == TODAY + dt.timedelta(days=screening_allowance_days() + 21)
    # The municipality changes its target later: the promise given does not move silently.
    LocalServiceTarget.objects.filter(municipality=frederiksberg).update(days=60)
    case.refresh_from_db()
    worker = UserFactory(role="caseworker", municipality=frederiksberg)
    with time_machine.travel(dt.datetime(2026, 12, 2, 10), tick=False):
        handling.assign(case=case, caseworker=worker, actor=worker)
        handling.mark_complete(case=case, actor=worker)
    case.refresh_from_db()
    assert case.expected_decision_date == dt.date(2026, 12, 2) + dt.timedelta(days=21)


def test_a_type_change_moves_the_date_by_the_local_targets(local_type, frederiksberg):
    national = support.application_type("cw-national", target=30)
    worker = UserFactory(role="caseworker", municipality=frederiksberg)
    with time_machine.travel(dt.datetime(2026, 12, 1, 10), tick=False):
        case = support.submitted_case(property=PropertyFactory(municipality=frederiksberg))
        handling.assign(case=case, caseworker=worker, actor=worker)
        first = case.expected_decision_date
        handling.change_type(case=case, application_type=national, actor=worker)
    case.refresh_from_db()
    assert case.service_target_days == 30
    assert case.expected_decision_date == first + dt.timedelta(days=30 - 21)


def test_the_municipality_s_extra_requirement_is_on_its_checklist_only(local_type, frederiksberg):
    sections = support.requirement("sections")  # recommended nationally
    archive = DocumentRequirementFactory(code="archive-photos")  # no national rule at all
    for requirement in (sections, archive):
        LocalRequirement.objects.create(municipality=frederiksberg, application_type=local_type,
                                        requirement=requirement, guidance="Frederiksberg wants photos too.")
    national = requirements_for(application_type=local_type, facts={})
    assert archive not in dict(national)
    local = dict(requirements_for(application_type=local_type, facts={}, municipality_id=frederiksberg.pk))
    assert local[archive] is True
    assert local[sections] is False  # a local rule adds a document; the national rule for one stands
    here = support.draft_with_checklist(property=PropertyFactory(municipality=frederiksberg))
    elsewhere = support.draft_with_checklist()
    for draft in (here, elsewhere):
        recompute_checklist(case=draft)
    assert here.checklist.filter(requirement=archive, required=True, is_active=True).exists()
    assert not elsewhere.checklist.filter(requirement=archive).exists()


def test_the_guide_s_outcome_is_the_municipality_s(local_type, frederiksberg):
    LocalRequirement.objects.create(municipality=frederiksberg, application_type=local_type,
                                    guidance="Frederiksberg wants photos of the facades.")
    outcome = GuideOutcome(code="cw", kind=GuideOutcome.Kind.APPLICATION, application_type=local_type,
                           text_en="Apply.", text_da="Ansøg.")
    here = _outcome_dict(outcome, facts={}, property=PropertyFactory(municipality=frederiksberg))
    assert (here["service_target_days"], here["local_target"]) == (21, True)
    assert here["local_guidance"] == ["Frederiksberg wants photos of the facades."]
    elsewhere = _outcome_dict(outcome, facts={}, property=PropertyFactory())
    assert (elsewhere["service_target_days"], elsewhere["local_guidance"]) == (40, [])

"""The state-machine primitive: status is written only by the machine, whatever the route."""

import pytest

from applications.models import Case
from applications.services.transitions import transition
from permitportal.core.state_machine import ProtectedStatus, writing_status
from tests.applications.factories import CaseFactory

S = Case.Status

pytestmark = pytest.mark.django_db


def test_assigning_status_fails_at_run_time():
    case = CaseFactory()
    with pytest.raises(ProtectedStatus):
        case.status = S.SUBMITTED
    assert case.status == S.DRAFT
    case.status = S.DRAFT  # the same value changes nothing and is allowed (forms, copies)


def test_update_and_bulk_update_of_status_are_refused():
    case = CaseFactory()
    with pytest.raises(ProtectedStatus):
        Case.objects.filter(pk=case.pk).update(status=S.DECIDED)
    with pytest.raises(ProtectedStatus):
        Case.objects.bulk_update([case], ["status", "description"])
    with pytest.raises(ProtectedStatus):
        case.applicant.cases.update(status=S.CLOSED)  # related managers too
    Case.objects.filter(pk=case.pk).update(description="other fields still update")
    Case.objects.bulk_update([case], ["description"])
    case.refresh_from_db()
    assert case.status == S.DRAFT


def test_a_new_case_starts_as_a_draft():
    case = CaseFactory()
    with pytest.raises(ProtectedStatus):
        Case.objects.create(reference="B-2026-99998", property=case.property, applicant=case.applicant,
                            status=S.DECIDED)
    with pytest.raises(ProtectedStatus):
        Case.objects.bulk_create([Case(reference="B-2026-99997", property=case.property, applicant=case.applicant,
                                       status=S.CLOSED)])
    assert not Case.objects.filter(reference__in=["B-2026-99998", "B-2026-99997"]).exists()


def test_the_machine_writes_and_the_instances_follow():
    case = CaseFactory()
    other = Case.objects.get(pk=case.pk)
    transition(case=case, to=S.SUBMITTED)
    assert case.status == S.SUBMITTED
    other.refresh_from_db()  # loading what the machine wrote is not an assignment
    assert other.status == S.SUBMITTED
    deferred = Case.objects.only("reference").get(pk=case.pk)
    assert deferred.status == S.SUBMITTED


def test_writing_status_is_the_explicit_way_round_for_set_up():
    case = CaseFactory()
    with writing_status():
        Case.objects.filter(pk=case.pk).update(status=S.CLOSED)
    case.refresh_from_db()
    assert case.status == S.CLOSED



def test_a_machine_needs_a_protected_status():
    from applications.models import InformationRequest
    from permitportal.core.state_machine import Edge, StateMachine

    S_ = InformationRequest.State
    with pytest.raises(TypeError, match="StatusModel"):  # a plain field would let anyone write the state
        StateMachine(model=InformationRequest, field="state",
                     edges=[Edge(S_.DRAFT, S_.OPEN, "A plain field would let anyone write the state.")])

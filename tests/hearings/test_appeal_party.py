"""A party heard may appeal the decision (issue 17 with issue 18): the hearings app registers
``hooks.appeal_party_checkers``; the party logs in with the verified e-mail address they were heard at."""

import pytest
from rest_framework.test import APIClient

from applications.models import Appeal, Case
from applications.services import appeals, decisions
from hearings.selectors import is_heard_party
from tests.factories import UserFactory


@pytest.fixture
def decided(hearing, caseworker, django_capture_on_commit_callbacks):
    case = hearing.case
    with django_capture_on_commit_callbacks(execute=True):
        decisions.record_decision(case=case, actor=caseworker, outcome="granted", reasons="Fine.")
    case.refresh_from_db()
    assert case.status == Case.Status.DECIDED
    return case


def test_the_checker_is_registered_and_knows_who_was_heard(decided):
    from applications import hooks

    assert is_heard_party in hooks.appeal_party_checkers
    ada = UserFactory(role="applicant", email="ADA@example.dk", email_verified=True)
    unverified = UserFactory(role="applicant", email="bo@example.dk", email_verified=False)
    stranger = UserFactory(role="applicant", email="cy@example.dk", email_verified=True)
    assert hooks.is_appeal_party(case=decided, user=ada)
    assert not hooks.is_appeal_party(case=decided, user=unverified)
    assert not hooks.is_appeal_party(case=decided, user=stranger)


def test_a_heard_neighbour_appeals_as_a_party_and_a_stranger_cannot(decided):
    ada = UserFactory(role="applicant", email="ada@example.dk", email_verified=True)
    appeal = appeals.lodge_appeal(case=decided, actor=ada, grounds="The extension takes my light.")
    assert appeal.role == Appeal.Role.PARTY and appeal.appellant == ada
    stranger = UserFactory(role="applicant", email="cy@example.dk", email_verified=True)
    with pytest.raises(PermissionError):
        appeals.lodge_appeal(case=decided, actor=stranger, grounds="I do not like it.")


def test_through_the_api_the_party_sees_only_their_own_appeal(decided):
    ada = UserFactory(role="applicant", email="ada@example.dk", email_verified=True)
    client = APIClient()
    client.force_authenticate(ada)
    url = f"/api/v1/cases/{decided.reference}/appeals/"
    answer = client.post(url, {"grounds": "The extension takes my light."}, format="json")
    assert answer.status_code == 201, answer.content
    appeals.lodge_appeal(case=decided, actor=decided.applicant, grounds="The condition is too strict.")
    assert [a["grounds"] for a in client.get(url).json()] == ["The extension takes my light."]
    stranger = APIClient()
    stranger.force_authenticate(UserFactory(role="applicant", email="cy@example.dk", email_verified=True))
    assert stranger.post(url, {"grounds": "No."}, format="json").status_code == 404

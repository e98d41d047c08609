"""Issue 14, item 7: POST cases/ links only a pre-application meeting of the same applicant (or one they
asked for), about the same property; anything else answers 400 with the reason and creates nothing."""

import pytest
from django.urls import reverse

from applications.models import Case
from predialogue.models import LinkedMeeting
from predialogue.selectors import linked_meeting_id
from tests.applications.factories import PropertyFactory
from tests.predialogue.helpers import published_meeting

pytestmark = pytest.mark.django_db


def _start(client, *, prop, meeting_id):
    return client.post(reverse("api-cases"), {"property": prop.pk, "application_type": "small-building",
                                              "predialogue_meeting": meeting_id}, content_type="application/json")


@pytest.fixture
def victims_meeting(catalogue, prop, applicant, caseworker):
    return published_meeting(applicant=applicant, prop=prop, caseworker=caseworker)


def test_another_applicants_meeting_is_refused_with_the_reason(client, prop, victims_meeting, other_applicant):
    client.force_login(other_applicant)
    response = _start(client, prop=prop, meeting_id=victims_meeting.pk)
    assert response.status_code == 400
    assert "no pre-application meeting with this id" in response.json()["message"]
    assert not Case.objects.filter(applicant=other_applicant).exists()


def test_a_meeting_that_does_not_exist_gets_the_same_answer(client, prop, victims_meeting, other_applicant):
    client.force_login(other_applicant)
    theirs = _start(client, prop=prop, meeting_id=victims_meeting.pk).json()
    ghost = _start(client, prop=prop, meeting_id=victims_meeting.pk + 1000).json()
    assert theirs == ghost
    assert not LinkedMeeting.objects.exists()


def test_the_applicants_own_meeting_is_linked(client, prop, victims_meeting, applicant):
    client.force_login(applicant)
    response = _start(client, prop=prop, meeting_id=victims_meeting.pk)
    assert response.status_code == 201
    assert linked_meeting_id(Case.objects.get(reference=response.json()["reference"])) == victims_meeting.pk


def test_their_own_meeting_on_another_property_is_refused(client, victims_meeting, applicant):
    client.force_login(applicant)
    response = _start(client, prop=PropertyFactory(), meeting_id=victims_meeting.pk)
    assert response.status_code == 400 and "another property" in response.json()["message"]


def test_a_meeting_asked_for_on_someone_elses_behalf_is_the_askers_to_link(client, catalogue, prop, caseworker,
                                                                         applicant):
    from tests.factories import UserFactory

    architect = UserFactory(role="applicant")
    meeting = published_meeting(applicant=applicant, prop=prop, caseworker=caseworker)
    type(meeting).objects.filter(pk=meeting.pk).update(requested_by=architect)
    client.force_login(architect)
    assert _start(client, prop=prop, meeting_id=meeting.pk).status_code == 201

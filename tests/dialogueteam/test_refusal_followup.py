"""From a refused case's card the dialogue team starts a pre-application request for the caller."""

import pytest
from django.urls import reverse

from applications.models import Decision
from tests.factories import UserFactory


@pytest.fixture
def refused(make_case, caseworker):
    case = make_case(status="decided", caseworker=caseworker, address="Dronningens Tværgade 9")
    Decision.objects.create(case=case, outcome="refused", reasons="Too tall for the zoning plan.",
                            guidance="A roof at most 8.5 m high would fit the zoning plan.", decided_by=caseworker)
    return case


def test_card_of_a_refused_case_offers_a_request(client, refused, dialogue_member):
    client.force_login(dialogue_member)
    page = client.get(reverse("dialogueteam:card", args=[refused.reference])).content.decode()
    assert "A roof at most 8.5 m high" in page
    assert reverse("dialogueteam:start_predialogue", args=[refused.reference]) in page
    assert "Start a pre-application request for the caller" in page


def test_starting_the_request_books_it_with_the_predialogue_app(client, refused, dialogue_member):
    from predialogue.models import Meeting

    client.force_login(dialogue_member)
    url = reverse("dialogueteam:start_predialogue", args=[refused.reference])
    response = client.post(url, {"caller_name": "", "description": "x"}, follow=True)
    assert "Enter the caller&#x27;s name." in response.content.decode()
    assert not Meeting.objects.exists()

    response = client.post(url, {"caller_name": refused.applicant.get_full_name(),
                                 "caller_email": refused.applicant.email, "caller_phone": "",
                                 "description": "A lower roof, as the refusal suggests.",
                                 "questions": "Is 8.5 m measured from the ground?",
                                 "preferred_times": "Mornings"})
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("predialogue:meeting_detail", args=[meeting.pk])
    assert (meeting.case, meeting.source, meeting.property) == (refused, "refusal", refused.property)
    assert meeting.requested_by == dialogue_member


def test_only_refused_cases_and_only_the_dialogue_team(client, make_case, refused, caseworker, applicant):
    from predialogue.models import Meeting

    granted = make_case(status="in_review")
    body = {"caller_name": "Ib", "caller_phone": "20202020", "description": "A lower roof please."}
    client.force_login(caseworker)
    assert client.post(reverse("dialogueteam:start_predialogue", args=[refused.reference]), body).status_code == 403
    client.force_login(applicant)
    assert client.post(reverse("dialogueteam:start_predialogue", args=[refused.reference]), body).status_code == 404
    client.force_login(UserFactory(role="dialogue_team"))
    client.post(reverse("dialogueteam:start_predialogue", args=[granted.reference]), body)
    assert not Meeting.objects.exists()

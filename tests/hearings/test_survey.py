"""Issue 17 item 6: a touchpoint survey for the parties heard, optional per municipality (off by default): each
party is asked once, after their first answer, in their language; a changed answer asks nothing more."""

import pytest
from django.core import mail

from hearings.services import answers
from satisfaction.models import Invitation, Touchpoint


@pytest.fixture
def asking(hearing):
    municipality = hearing.case.property.municipality
    municipality.hearing_survey = True
    municipality.save(update_fields=["hearing_survey"])
    return hearing


def _invitations():
    return Invitation.objects.filter(touchpoint=Touchpoint.HEARING_ANSWER)


def test_no_survey_unless_the_municipality_asks_parties(hearing, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        answers.answer(party=hearing.parties.get(email="ada@example.dk"), comment="Fine by me.")
    assert not _invitations().exists()


def test_each_party_is_asked_once_in_their_language(asking, django_capture_on_commit_callbacks):
    ada, bo = asking.parties.get(email="ada@example.dk"), asking.parties.get(email="bo@example.dk")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answers.answer(party=ada, comment="The shed takes my light.")
    with django_capture_on_commit_callbacks(execute=True):
        answers.answer(party=bo, no_objection=True)
    with django_capture_on_commit_callbacks(execute=True):
        answers.answer(party=asking.parties.get(pk=ada.pk), comment="Changed my mind: fine.")
    sent = {i.email: i for i in _invitations()}
    assert set(sent) == {"ada@example.dk", "bo@example.dk"} and _invitations().count() == 2
    assert (sent["ada@example.dk"].language, sent["bo@example.dk"].language) == ("da", "en")
    assert {i.municipality_id for i in sent.values()} == {asking.case.property.municipality_id}
    assert {i.case_id for i in sent.values()} == {None}  # a party is not the case's applicant
    assert any("Hvordan var det at blive hørt?" in m.subject or "blive hørt" in m.body for m in mail.outbox)

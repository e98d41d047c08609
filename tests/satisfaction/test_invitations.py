"""Invitations: the touchpoints' signals invite (after commit, by a Celery task), once per touchpoint and
case, in the recipient's language, never to an address that opted out; the task is idempotent and the
sweep sends what the broker lost."""

import logging
import re
from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from applications.services.decisions import record_decision
from applications.services.handling import mark_complete, start_review
from satisfaction import receivers, services, tasks
from satisfaction.models import Invitation, OptOut, Survey, Touchpoint
from tests.applications.caseworker_support import submitted_case
from tests.applications.factories import CaseFactory, PropertyFactory
from tests.factories import UserFactory
from tests.satisfaction.helpers import invitation

LINK = re.compile(r"http://[^\s]+/satisfaction/s/([^/\s]+)/")


def survey_mails():
    return [m for m in mail.outbox if "/satisfaction/s/" in m.body]


@pytest.fixture
def applicant(db):
    return UserFactory(role="applicant", email="anne@example.dk", preferred_language="da")


def test_submission_invites_the_applicant_once_in_their_language(applicant, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = submitted_case(applicant=applicant)
    invitation_ = Invitation.objects.get(touchpoint=Touchpoint.SUBMISSION)
    assert (invitation_.case, invitation_.email, invitation_.language) == (case, "anne@example.dk", "da")
    assert (invitation_.channel, invitation_.customer_group) == ("portal", case.customer_group)
    assert invitation_.state == Invitation.State.SENT and invitation_.sent_at is not None
    assert invitation_.touchpoint_on == timezone.localdate(case.submitted_at)
    assert invitation_.month == invitation_.touchpoint_on.replace(day=1)
    [message] = survey_mails()
    assert message.to == ["anne@example.dk"]
    assert message.subject == f"Hvordan var det at søge? ({case.reference})"
    assert "du behøver ikke at logge ind" in message.body
    token = LINK.search(message.body).group(1)
    assert services.resolve_token(token) == invitation_
    assert f"/satisfaction/s/{token}/decline/" in message.body

    # The signal again (a retried receiver, say): still one invitation, one e-mail.
    with django_capture_on_commit_callbacks(execute=True):
        receivers.on_case_submitted(sender=None, case=case, actor=applicant)
    assert Invitation.objects.filter(touchpoint=Touchpoint.SUBMISSION, case=case).count() == 1
    assert len(survey_mails()) == 1


def test_the_decision_invites_to_its_own_survey(applicant, caseworker, django_capture_on_commit_callbacks,
                                                 monkeypatch):
    monkeypatch.setattr("applications.services.decisions.generate_letter", lambda **kwargs: True)
    with django_capture_on_commit_callbacks(execute=True):
        case = submitted_case(applicant=applicant)
    with django_capture_on_commit_callbacks(execute=True):
        mark_complete(case=case, actor=caseworker)
        start_review(case=case, actor=caseworker)
        record_decision(case=case, outcome="granted", reasons="Fine.", actor=caseworker)
    decision = Invitation.objects.get(touchpoint=Touchpoint.DECISION)
    assert decision.case == case and decision.state == Invitation.State.SENT
    assert Invitation.objects.filter(case=case).count() == 2
    assert "Hvordan behandlede vi din ansøgning?" in survey_mails()[-1].subject


def test_an_english_applicant_gets_english(db, django_capture_on_commit_callbacks):
    person = UserFactory(role="applicant", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        case = submitted_case(applicant=person)
    [message] = survey_mails()
    assert message.subject == f"How was it to apply? ({case.reference})"
    assert "you do not need to log in" in message.body


def _log(member, **kwargs):
    from dialogueteam import services as dialogue_services

    defaults = {"channel": "phone", "topic": "status", "customer_group": "private", "resolved_first_contact": True}
    return dialogue_services.log_contact(actor=member, **{**defaults, **kwargs})


def test_a_contact_invites_the_caller_at_once(dialogue_member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        contact = _log(dialogue_member, caller_email="Caller@Example.dk", channel="desk", customer_group="owner")
    invitation_ = Invitation.objects.get(touchpoint=Touchpoint.DIALOGUE_CONTACT)
    assert (invitation_.email, invitation_.channel, invitation_.customer_group) == ("caller@example.dk", "desk",
                                                                                   "owner")
    assert invitation_.source_key == f"contact:{contact.pk}" and invitation_.case is None
    assert invitation_.language == "da"  # no account with that address: Danish
    assert survey_mails()[0].to == ["caller@example.dk"]


def test_a_contact_about_a_case_invites_its_applicant_once(dialogue_member, django_capture_on_commit_callbacks):
    person = UserFactory(role="applicant", preferred_language="en")
    case = CaseFactory(applicant=person, status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        _log(dialogue_member, case=case)
    with django_capture_on_commit_callbacks(execute=True):
        _log(dialogue_member, case=case, channel="email")  # the same touchpoint and case: no second invitation
    invitation_ = Invitation.objects.get(touchpoint=Touchpoint.DIALOGUE_CONTACT)
    assert (invitation_.email, invitation_.language, invitation_.case) == (person.email, "en", case)
    assert len(survey_mails()) == 1


def test_no_invitation_without_an_address_or_within_the_quiet_period(dialogue_member,
                                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _log(dialogue_member)  # no case, no e-mail: nobody to ask
    assert not Invitation.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        _log(dialogue_member, caller_email="caller@example.dk")
        _log(dialogue_member, caller_email="caller@example.dk")  # asked about a contact in the last 30 days
    assert Invitation.objects.count() == 1
    with time_machine.travel(timezone.now() + timedelta(days=31)), django_capture_on_commit_callbacks(execute=True):
        _log(dialogue_member, caller_email="caller@example.dk")
    assert Invitation.objects.count() == 2


def test_a_portal_question_is_a_touchpoint_once_answered(dialogue_member, django_capture_on_commit_callbacks):
    from dialogueteam import services as dialogue_services

    person = UserFactory(role="applicant", preferred_language="en")
    case = CaseFactory(applicant=person, status="submitted")
    with django_capture_on_commit_callbacks(execute=True):
        question = dialogue_services.ask_about_case(case=case, user=person, question="When will you decide?")
    assert not Invitation.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        dialogue_services.answer_question(contact=question, actor=dialogue_member, answer="Within two weeks.")
    invitation_ = Invitation.objects.get(touchpoint=Touchpoint.DIALOGUE_CONTACT)
    assert (invitation_.email, invitation_.channel) == (person.email, "portal")


def test_a_meeting_held_invites_its_contact(applicant, caseworker, django_capture_on_commit_callbacks):
    from tests.predialogue.helpers import hold, request_meeting, schedule

    meeting = request_meeting(applicant=applicant, prop=PropertyFactory())
    schedule(meeting, caseworker=caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        hold(meeting, caseworker=caseworker)
    invitation_ = Invitation.objects.get(touchpoint=Touchpoint.PREDIALOGUE_MEETING)
    assert (invitation_.email, invitation_.channel, invitation_.language) == ("anne@example.dk", "meeting", "da")
    assert invitation_.source_key == f"meeting:{meeting.pk}"
    assert invitation_.touchpoint_on == timezone.localdate(meeting.starts_at + timedelta(hours=2))
    assert "Hvordan var dit forhåndsmøde?" in survey_mails()[0].subject


def test_no_invitation_to_an_address_that_opted_out_or_for_a_survey_switched_off(
        applicant, django_capture_on_commit_callbacks):
    OptOut.objects.create(email="anne@example.dk")
    with django_capture_on_commit_callbacks(execute=True):
        submitted_case(applicant=applicant)
    assert not Invitation.objects.exists()
    Survey.objects.filter(touchpoint=Touchpoint.SUBMISSION).update(is_active=False)
    other = UserFactory(role="applicant")
    with django_capture_on_commit_callbacks(execute=True):
        submitted_case(applicant=other)
    assert not Invitation.objects.exists() and not survey_mails()


def test_sending_is_idempotent(db):
    created = invitation(send=False)
    assert tasks.send_invitation.delay(created.pk).get() is True
    assert tasks.send_invitation.delay(created.pk).get() is False
    assert len(survey_mails()) == 1
    created.refresh_from_db()
    assert created.state == Invitation.State.SENT


def test_an_address_that_opts_out_before_sending_gets_nothing(db):
    created = invitation(send=False)
    OptOut.objects.create(email=created.email)
    assert services.send_invitation(invitation_id=created.pk) is False
    created.refresh_from_db()
    assert created.state == Invitation.State.CANCELLED and not survey_mails()


def test_a_lost_invitation_is_sent_by_the_sweep(db, monkeypatch, django_capture_on_commit_callbacks, caplog):
    def broker_down(*args, **kwargs):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.send_invitation, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True), caplog.at_level(logging.WARNING):
        created = invitation(send=False)
    assert "Could not enqueue" in caplog.text
    created.refresh_from_db()
    assert created.state == Invitation.State.PENDING and not survey_mails()
    monkeypatch.undo()
    assert tasks.sweep_pending_invitations.delay().get() == 0  # too fresh: the first attempt may still come
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert tasks.sweep_pending_invitations.delay().get() == 1
    created.refresh_from_db()
    assert created.state == Invitation.State.SENT and len(survey_mails()) == 1


def test_a_failing_survey_never_breaks_the_touchpoint(applicant, monkeypatch, django_capture_on_commit_callbacks,
                                                       caplog):
    def broken(**kwargs):
        raise RuntimeError("survey database is on fire")

    monkeypatch.setattr(services, "invite_after_submission", broken)
    with django_capture_on_commit_callbacks(execute=True), caplog.at_level(logging.ERROR):
        case = submitted_case(applicant=applicant)
    case.refresh_from_db()
    assert case.status == "submitted"
    assert "Could not invite to the survey after submission" in caplog.text


def test_every_touchpoint_is_connected():
    connected = receivers.connect()
    assert {"applications.signals.case_submitted", "applications.signals.case_decided",
            "dialogueteam.signals.contact_logged", "predialogue.signals.meeting_held"} <= set(connected)


def test_the_core_does_not_import_satisfaction():
    core = Path(__file__).resolve().parents[2] / "applications"
    offenders = [str(p) for p in core.rglob("*.py") if "satisfaction" in p.read_text(encoding="utf-8")]
    assert offenders == []

"""Applicants hear about every status change and information request, in their language and channels;
every channel says the same status text."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from rest_framework.test import APIClient

from applications.models import Case
from applications.selectors.status import status_text
from applications.services.transitions import transition
from permitportal.core.notifications import ConsoleSMSBackend
from tests.applications.factories import CaseFactory

S = Case.Status


def status_emails():
    return [m for m in mail.outbox if "expected decision date" not in m.subject.lower()
            and "forventet dato" not in m.subject.lower()]


@pytest.fixture
def submitted(db, django_capture_on_commit_callbacks):
    case = CaseFactory(status="submitted")
    mail.outbox.clear()
    return case


def test_an_email_goes_out_on_a_status_change_in_the_users_language(submitted, django_capture_on_commit_callbacks):
    applicant = submitted.applicant
    applicant.preferred_language = "da"
    applicant.save()
    with django_capture_on_commit_callbacks(execute=True):
        transition(case=submitted, to=S.COMPLETE)
    # Found complete the day it was sent: the date moves 5 days earlier, and that is an e-mail of its own.
    assert len(mail.outbox) == 2
    message = status_emails()[0]
    assert message.to == [applicant.email]
    assert submitted.reference in message.subject
    with translation.override("da"):
        assert status_text(submitted) in message.body
    assert reverse("applications:case_detail", args=[submitted.reference]) in message.body


def test_email_preference_off_and_sms_on(submitted, django_capture_on_commit_callbacks):
    applicant = submitted.applicant
    applicant.notify_by_email = False
    applicant.notify_by_sms = True
    applicant.phone = "+45 20 30 40 50"
    applicant.save()
    ConsoleSMSBackend.sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        transition(case=submitted, to=S.COMPLETE)
    assert mail.outbox == []
    assert ConsoleSMSBackend.sent and ConsoleSMSBackend.sent[-1][0] == "+45 20 30 40 50"
    assert submitted.reference in ConsoleSMSBackend.sent[-1][1]


def test_a_notification_is_sent_once_per_event(submitted, django_capture_on_commit_callbacks):
    from applications.services.notify import notify_status_change

    with django_capture_on_commit_callbacks(execute=True):
        transition(case=submitted, to=S.COMPLETE)
    event = submitted.events.get(kind="status:complete")
    assert notify_status_change(case_id=submitted.pk, to_status="complete", event_id=event.pk) == 0
    assert len(status_emails()) == 1


@pytest.mark.parametrize("status", [s for s in S.values if s != "draft"])
@pytest.mark.parametrize("language", ["en", "da"])
def test_every_channel_says_the_same_status_text(db, status, language, client):
    case = CaseFactory(status=status)
    case.applicant.preferred_language = language
    case.applicant.save()
    with translation.override(language):
        expected = status_text(case)
    assert expected
    # Applicant page
    client.force_login(case.applicant)
    client.cookies["django_language"] = language
    page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    assert expected in page
    # API
    api = APIClient()
    api.force_authenticate(case.applicant)
    body = api.get(f"/api/v1/cases/{case.reference}/", HTTP_ACCEPT_LANGUAGE=language).json()
    assert body["status_text"] == expected
    # E-mail
    from applications.services.notify import notify_status_change

    mail.outbox.clear()
    event = case.events.order_by("-id").first()
    notify_status_change(case_id=case.pk, to_status=status, event_id=event.pk if event else 0)
    assert mail.outbox and expected in mail.outbox[-1].body

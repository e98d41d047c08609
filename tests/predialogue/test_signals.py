"""Marking a meeting held sends `meeting_held` (meeting, actor) after the transaction commits."""

from django.urls import reverse

from predialogue import services
from predialogue.models import Meeting
from predialogue.signals import meeting_held
from tests.predialogue.helpers import after_the_meeting, request_meeting, schedule


def test_meeting_held_is_sent_after_commit(applicant, prop, caseworker, django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, meeting, actor, **kwargs):
        received.append((sender, meeting.pk, meeting.status, actor))

    meeting_held.connect(receiver)
    try:
        meeting = request_meeting(applicant=applicant, prop=prop)
        schedule(meeting, caseworker=caseworker)
        with after_the_meeting(meeting), django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.mark_held(meeting=meeting, actor=caseworker)
            assert received == []  # not before commit
        for callback in callbacks:
            callback()
    finally:
        meeting_held.disconnect(receiver)
    assert received == [(Meeting, meeting.pk, "held", caseworker)]


def test_the_button_marks_it_held(client, applicant, prop, caseworker, django_capture_on_commit_callbacks):
    received = []
    meeting_held.connect(lambda sender, **kw: received.append(kw["meeting"].pk), weak=False,
                         dispatch_uid="test-held")
    try:
        meeting = request_meeting(applicant=applicant, prop=prop)
        schedule(meeting, caseworker=caseworker)
        client.force_login(caseworker)
        url = reverse("predialogue:mark_held", args=[meeting.pk])
        client.post(url)  # before the meeting: refused with a message
        meeting.refresh_from_db()
        assert meeting.status == "scheduled"
        with after_the_meeting(meeting), django_capture_on_commit_callbacks(execute=True):
            client.force_login(caseworker)  # three days later: a staff session lasts a working day
            assert client.post(url).status_code == 302
    finally:
        meeting_held.disconnect(dispatch_uid="test-held")
    meeting.refresh_from_db()
    assert meeting.status == "held" and received == [meeting.pk]

"""The one transition table: requested -> scheduled -> held / cancelled; rescheduling stays scheduled."""

from datetime import timedelta

import pytest
from django.utils import timezone

from permitportal.core.state_machine import ProtectedStatus
from predialogue import services
from predialogue.models import Meeting
from tests.predialogue.helpers import hold, request_meeting, schedule

M = Meeting.Status


def test_the_table():
    assert services.TRANSITIONS == {
        M.REQUESTED: {M.SCHEDULED, M.CANCELLED},
        M.SCHEDULED: {M.SCHEDULED, M.HELD, M.CANCELLED},
        M.HELD: set(),
        M.CANCELLED: set(),
    }


def test_status_is_protected_at_run_time(applicant, prop, caseworker):
    meeting = request_meeting(applicant=applicant, prop=prop)
    with pytest.raises(ProtectedStatus):
        meeting.status = M.HELD
    with pytest.raises(ProtectedStatus):
        Meeting.objects.filter(pk=meeting.pk).update(status=M.HELD)
    meeting.refresh_from_db()
    assert meeting.status == M.REQUESTED


def test_a_request_cannot_be_held_before_it_is_scheduled(applicant, prop, caseworker):
    meeting = request_meeting(applicant=applicant, prop=prop)
    with pytest.raises(services.TransitionNotAllowed, match="cannot become"):
        services.mark_held(meeting=meeting, actor=caseworker)
    meeting.refresh_from_db()
    assert meeting.status == M.REQUESTED


def test_rescheduling_keeps_it_scheduled_and_raises_the_sequence(applicant, prop, caseworker):
    meeting = request_meeting(applicant=applicant, prop=prop)
    schedule(meeting, caseworker=caseworker)
    assert (meeting.status, meeting.sequence) == (M.SCHEDULED, 0)
    later = timezone.now() + timedelta(days=5)
    schedule(meeting, caseworker=caseworker, starts_at=later)
    meeting.refresh_from_db()
    assert (meeting.status, meeting.sequence, meeting.starts_at) == (M.SCHEDULED, 1, later)
    assert list(meeting.events.filter(kind__in=["scheduled", "rescheduled"]).values_list("kind", flat=True)) == [
        "scheduled", "rescheduled"]


def test_held_and_cancelled_are_final(applicant, prop, caseworker):
    held = request_meeting(applicant=applicant, prop=prop)
    schedule(held, caseworker=caseworker)
    hold(held, caseworker=caseworker)
    with pytest.raises(services.TransitionNotAllowed):
        services.cancel_meeting(meeting=held, actor=caseworker, reason="Too late")
    with pytest.raises(services.TransitionNotAllowed):
        schedule(held, caseworker=caseworker)

    cancelled = request_meeting(applicant=applicant, prop=prop)
    services.cancel_meeting(meeting=cancelled, actor=applicant)
    with pytest.raises(services.TransitionNotAllowed):
        schedule(cancelled, caseworker=caseworker)
    cancelled.refresh_from_db()
    assert cancelled.status == M.CANCELLED and cancelled.cancelled_at


def test_a_meeting_cannot_be_marked_held_before_it_starts(applicant, prop, caseworker):
    meeting = request_meeting(applicant=applicant, prop=prop)
    schedule(meeting, caseworker=caseworker)
    with pytest.raises(services.PredialogueError, match="has not taken place yet"):
        services.mark_held(meeting=meeting, actor=caseworker)


def test_staff_must_give_a_reason_to_cancel(applicant, prop, caseworker):
    meeting = request_meeting(applicant=applicant, prop=prop)
    with pytest.raises(services.PredialogueError, match="reason"):
        services.cancel_meeting(meeting=meeting, actor=caseworker, reason=" ")

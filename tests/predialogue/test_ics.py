"""The calendar file: VCALENDAR/VEVENT with UID, DTSTAMP, DTSTART, DTEND, SUMMARY, LOCATION; METHOD
REQUEST for an invitation, CANCEL for a cancellation; CRLF lines folded at 75 octets."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from predialogue import services
from predialogue.ics import build_ics, escape_text, fold
from tests.predialogue.helpers import request_meeting, schedule


def _unfold(text: str) -> str:
    return text.replace("\r\n ", "")


@pytest.fixture
def meeting(applicant, prop, caseworker):
    meeting = request_meeting(applicant=applicant, prop=prop)
    starts = datetime(2031, 5, 6, 8, 30, tzinfo=UTC)
    schedule(meeting, caseworker=caseworker, starts_at=starts, duration_minutes=90,
             place="Njalsgade 13, room 2; or https://video.example.dk/m/42",
             attendees="Ida Holm, architect, ida@example.dk\nThe neighbour (no e-mail)")
    meeting.refresh_from_db()
    return meeting


def test_invitation_content(meeting, applicant, caseworker):
    now = datetime(2031, 5, 1, 12, 0, 5, tzinfo=UTC)
    raw = build_ics(meeting=meeting, method="REQUEST", now=now, language="en").decode("utf-8")
    assert raw.endswith("\r\n") and "\n" not in raw.replace("\r\n", "")
    lines = _unfold(raw).split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and "METHOD:REQUEST" in lines
    assert lines.index("BEGIN:VEVENT") < lines.index("END:VEVENT")
    assert f"UID:{meeting.uid}@127.0.0.1" in lines
    assert "SEQUENCE:0" in lines
    assert "DTSTAMP:20310501T120005Z" in lines
    assert "DTSTART:20310506T083000Z" in lines
    assert "DTEND:20310506T100000Z" in lines
    assert "SUMMARY:Pre-application meeting: Æbeløgade 4" in lines
    assert "LOCATION:Njalsgade 13\\, room 2\\; or https://video.example.dk/m/42" in lines
    assert "STATUS:CONFIRMED" in lines
    assert any(line.startswith("ORGANIZER;CN=") and line.endswith(f"mailto:{caseworker.email}") for line in lines)
    attendees = [line.rsplit("mailto:", 1)[1] for line in lines if line.startswith("ATTENDEE")]
    assert attendees == [applicant.email, caseworker.email, "ida@example.dk"]


def test_lines_are_folded_at_75_octets_without_splitting_characters(meeting):
    meeting.place = "Æ" * 100
    raw = build_ics(meeting=meeting, method="REQUEST").decode("utf-8")
    for line in raw.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert "LOCATION:" + "Æ" * 100 in _unfold(raw)
    assert fold("x" * 80) == "x" * 75 + "\r\n " + "x" * 5


def test_text_is_escaped():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_cancellation_content(meeting, caseworker):
    services.cancel_meeting(meeting=meeting, actor=caseworker, reason="The caseworker is ill.")
    meeting.refresh_from_db()
    lines = _unfold(build_ics(meeting=meeting, method="CANCEL").decode()).split("\r\n")
    assert "METHOD:CANCEL" in lines and "STATUS:CANCELLED" in lines
    assert "SEQUENCE:1" in lines
    assert f"UID:{meeting.uid}@127.0.0.1" in lines


def test_the_invitation_and_its_changes_are_e_mailed_with_the_calendar_file(
        applicant, prop, caseworker, django_capture_on_commit_callbacks):
    meeting = request_meeting(applicant=applicant, prop=prop)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        schedule(meeting, caseworker=caseworker, attendees="Ida Holm <ida@example.dk>")
    assert sorted(to for m in mail.outbox for to in m.to) == sorted([applicant.email, caseworker.email,
                                                                     "ida@example.dk"])
    to_applicant = next(m for m in mail.outbox if applicant.email in m.to)
    assert "Invitation: pre-application meeting" in to_applicant.subject
    name, content, mimetype = to_applicant.attachments[0]
    assert (name, mimetype) == ("meeting.ics", "text/calendar")
    assert "METHOD:REQUEST" in content and "SEQUENCE:0" in content

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        schedule(meeting, caseworker=caseworker, starts_at=meeting.starts_at + timedelta(days=1))
    to_applicant = next(m for m in mail.outbox if applicant.email in m.to)
    assert to_applicant.subject.startswith("New time")
    assert "SEQUENCE:1" in to_applicant.attachments[0][1]

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_meeting(meeting=meeting, actor=caseworker, reason="The caseworker is ill.")
    to_applicant = next(m for m in mail.outbox if applicant.email in m.to)
    assert to_applicant.subject.startswith("Cancelled")
    assert "The caseworker is ill." in to_applicant.body
    assert "METHOD:CANCEL" in to_applicant.attachments[0][1] and "SEQUENCE:2" in to_applicant.attachments[0][1]


def test_a_notice_overtaken_by_a_newer_change_is_not_sent(applicant, prop, caseworker):
    from predialogue import notices

    meeting = request_meeting(applicant=applicant, prop=prop)
    schedule(meeting, caseworker=caseworker)
    schedule(meeting, caseworker=caseworker, starts_at=meeting.starts_at + timedelta(days=1))
    mail.outbox.clear()
    assert notices.send_meeting_notice(meeting_id=meeting.pk, kind="invitation", sequence=0) is False
    assert notices.send_meeting_notice(meeting_id=meeting.pk, kind="rescheduled", sequence=1) is True
    assert notices.send_meeting_notice(meeting_id=meeting.pk, kind="rescheduled", sequence=1) is False
    assert len({to for m in mail.outbox for to in m.to}) == 2

"""Scheduling a meeting: a time, a place and a caseworker; cancelling it; marking it held."""

import re
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from permitportal.accounts import roles

from .. import signals
from ..models import Meeting
from .common import clean
from .errors import PredialogueError
from .transitions import transition

M = Meeting.Status

MIN_DURATION_MINUTES = 15
MAX_DURATION_MINUTES = 8 * 60
DEFAULT_DURATION_MINUTES = 60

EMAIL_ADDRESS = re.compile(r"[A-Za-z0-9._%+\-']+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")


def attendee_emails(text: str) -> list[tuple[str, str]]:
    """(name, e-mail) for every line of the attendees text that holds an e-mail address."""
    found = []
    for line in (text or "").splitlines():
        match = EMAIL_ADDRESS.search(line)
        if match:
            name = (line[: match.start()] + line[match.end():]).strip(" <>,;()-\t")
            found.append((name, match.group(0)))
    return found


def _check_caseworker(caseworker) -> None:
    if caseworker is None or not roles.has_role(caseworker, roles.CASEWORKER, roles.MANAGER) \
            or not caseworker.is_active:
        raise PredialogueError(_("Choose the caseworker who will hold the meeting."))


def _check_time(starts_at, duration_minutes) -> None:
    if not isinstance(starts_at, datetime):
        raise PredialogueError(_("Enter the date and time of the meeting."))
    if timezone.is_naive(starts_at):
        raise PredialogueError(_("Give the time with its time zone, for example 2026-05-04T10:00:00+02:00."))
    if starts_at <= timezone.now():
        raise PredialogueError(_("Choose a time in the future."))
    if not isinstance(duration_minutes, int) or not MIN_DURATION_MINUTES <= duration_minutes <= MAX_DURATION_MINUTES:
        raise PredialogueError(_("The meeting must last between %(min)d minutes and %(max)d hours.")
                               % {"min": MIN_DURATION_MINUTES, "max": MAX_DURATION_MINUTES // 60})


@transaction.atomic
def schedule_meeting(*, meeting: Meeting, starts_at: datetime, place: str, caseworker, actor,
                     duration_minutes: int = DEFAULT_DURATION_MINUTES, attendees: str = "") -> Meeting:
    """Give the meeting a time, a place or video link and a caseworker, and send the invitation with a
    calendar file. On a scheduled meeting this is a new time: the applicant gets the change."""
    place, attendees = clean(place), clean(attendees)
    if not place:
        raise PredialogueError(_("Enter the place of the meeting or the video link."))
    if len(place) > 300:
        raise PredialogueError(_("Keep the place or video link under 300 characters."))
    _check_time(starts_at, duration_minutes)
    _check_caseworker(caseworker)
    rescheduling = meeting.status == M.SCHEDULED
    fields = {"starts_at": starts_at, "ends_at": starts_at + timedelta(minutes=duration_minutes), "place": place,
              "caseworker": caseworker, "attendees": attendees}
    if rescheduling:
        fields["sequence"] = meeting.sequence + 1
    locked = transition(meeting=meeting, to=M.SCHEDULED, actor=actor,
                        event="rescheduled" if rescheduling else "scheduled",
                        params={"starts_at": starts_at.isoformat(), "place": place, "caseworker": caseworker.email},
                        fields=fields)
    from .. import tasks

    tasks.enqueue(tasks.send_meeting_notice, locked.pk, "rescheduled" if rescheduling else "invitation",
                  locked.sequence)
    return locked


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, actor, reason: str = "") -> Meeting:
    """Cancel a request or a scheduled meeting; everyone invited gets the cancellation (with a calendar
    cancellation when it had a time)."""
    reason = clean(reason)
    if roles.is_staff_member(actor) and not reason:
        raise PredialogueError(_("Give the reason for cancelling; the applicant will see it."))
    had_time = meeting.status == M.SCHEDULED
    fields = {"cancel_reason": reason}
    if had_time:
        fields["sequence"] = meeting.sequence + 1
    locked = transition(meeting=meeting, to=M.CANCELLED, actor=actor, event="cancelled",
                        params={"reason": reason}, fields=fields)
    from .. import tasks

    tasks.enqueue(tasks.send_meeting_notice, locked.pk, "cancelled", locked.sequence)
    return locked


@transaction.atomic
def mark_held(*, meeting: Meeting, actor) -> Meeting:
    """The meeting took place. Sends ``meeting_held`` after commit (a survey can use it)."""
    if meeting.status == M.SCHEDULED and meeting.starts_at and meeting.starts_at > timezone.now():
        raise PredialogueError(
            _("The meeting has not taken place yet (it is on %(when)s). Mark it as held after the meeting.")
            % {"when": formats.date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT")})
    locked = transition(meeting=meeting, to=M.HELD, actor=actor, event="held")
    transaction.on_commit(lambda: signals.meeting_held.send(sender=Meeting, meeting=locked, actor=actor))
    return locked

"""The calendar file sent with an invitation, a new time or a cancellation (RFC 5545 / RFC 5546).

Written by hand: one VCALENDAR with one VEVENT. Lines end in CRLF and are folded at 75 octets
without splitting a UTF-8 character; text values are escaped. The UID stays the same for the
meeting's life and SEQUENCE rises on every change, so calendars update the one entry.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

PRODID = "-//Permit portal//Pre-application meetings//EN"
MIMETYPE = "text/calendar"


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, newlines as \\n."""
    value = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _param(value: str) -> str:
    """A parameter value (such as CN): quoted, without the characters a parameter may not hold."""
    cleaned = "".join(ch for ch in (value or "") if ch not in '"\r\n')
    return f'"{cleaned}"'


def fold(line: str) -> str:
    """Fold a content line at 75 octets; continuation lines start with one space."""
    out, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        limit = 75 if not out else 74  # a continuation line's leading space counts
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += ch
        size += width
    out.append(current)
    return "\r\n ".join(out)


def utc_stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _host() -> str:
    site = getattr(settings, "SITE_URL", "") or "permitportal.local"
    return site.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "permitportal.local"


def build_ics(*, meeting, method: str = "REQUEST", now: datetime | None = None, language: str = "da") -> bytes:
    """The .ics file for ``meeting``: METHOD:REQUEST for an invitation or a new time, METHOD:CANCEL
    for a cancellation."""
    if method not in ("REQUEST", "CANCEL"):
        raise ValueError("method must be REQUEST or CANCEL")
    if meeting.starts_at is None:
        raise ValueError("The meeting has no time yet")
    now = now or timezone.now()
    ends_at = meeting.ends_at or meeting.starts_at + timedelta(hours=1)
    link = settings.SITE_URL + reverse("predialogue:meeting_detail", kwargs={"pk": meeting.pk})
    with translation.override(language):
        summary = _("Pre-application meeting: %(address)s") % {"address": meeting.property.address}
        description = "\n".join(part for part in [
            _("Pre-application meeting about %(address)s.") % {"address": str(meeting.property)},
            _("Place or video link: %(place)s") % {"place": meeting.place} if meeting.place else "",
            _("See the request and what to bring: %(link)s") % {"link": link},
        ] if part)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        "BEGIN:VEVENT",
        f"UID:{meeting.uid}@{_host()}",
        f"SEQUENCE:{meeting.sequence}",
        f"DTSTAMP:{utc_stamp(now)}",
        f"DTSTART:{utc_stamp(meeting.starts_at)}",
        f"DTEND:{utc_stamp(ends_at)}",
        f"SUMMARY:{escape_text(summary)}",
        f"LOCATION:{escape_text(meeting.place)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{link}",
        f"STATUS:{'CANCELLED' if method == 'CANCEL' else 'CONFIRMED'}",
    ]
    if meeting.caseworker_id:
        worker = meeting.caseworker
        lines.append(f"ORGANIZER;CN={_param(worker.get_full_name())}:mailto:{worker.email}")
    for name, email in attendees_of(meeting):
        lines.append(f"ATTENDEE;CN={_param(name or email)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:"
                     f"mailto:{email}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")


def attendees_of(meeting) -> list[tuple[str, str]]:
    """(name, e-mail) of everyone invited: the applicant (or caller), the caseworker and any other
    attendee whose line holds an e-mail address. No address twice."""
    from predialogue.services import attendee_emails

    seen, result = set(), []
    candidates = [(meeting.contact_name, meeting.contact_email)]
    if meeting.caseworker_id:
        candidates.append((meeting.caseworker.get_full_name(), meeting.caseworker.email))
    candidates += attendee_emails(meeting.attendees)
    for name, email in candidates:
        key = (email or "").strip().lower()
        if key and key not in seen:
            seen.add(key)
            result.append((name, email.strip()))
    return result

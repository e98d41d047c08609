"""The hearings' settings, with their defaults (DESIGN.md, "Hearings and statements": 14 days)."""

from django.conf import settings

DEFAULT_DEADLINE_DAYS = {"neighbours": 14, "parties": 14, "authority": 14}


def deadline_days(kind: str) -> int:
    return {**DEFAULT_DEADLINE_DAYS, **getattr(settings, "HEARING_DEADLINE_DAYS", {})}[kind]


def grace_days() -> int:
    """After the deadline a party's link takes a late answer for this many days, then is read-only."""
    return getattr(settings, "HEARING_GRACE_DAYS", 7)


def reminder_days() -> int:
    """Parties who have not answered are reminded this many days before the deadline."""
    return getattr(settings, "HEARING_REMINDER_DAYS", 3)


MAX_PARTIES = 100
MAX_ATTACHMENTS = 5
MAX_COMMENT = 10000
MAX_MESSAGE = 10000
MAX_REASON = 2000

"""Writes for pre-application meetings, one module per part: ``errors``, ``transitions`` (the one
table of a meeting's status), ``requests``, ``scheduling``, ``minutes``, ``continuity`` (into the
case) and ``open_house``. Keyword arguments only; one transaction each.

Callers use ``from predialogue import services`` and ``services.create_request(...)``: the names
below are the package's public ones.
"""

from .continuity import (
    keep_link,
    link_minutes_to_case,
    meeting_date,
    record_continuity_events,
    start_application_from_minutes,
)
from .errors import MinutesLocked, PredialogueError, SessionFull, TransitionNotAllowed
from .minutes import REQUIRED_TO_PUBLISH, publish_minutes, save_minutes, start_correction
from .open_house import confirm_registration, create_session, register_for_session, registration_to_request
from .requests import MAX_SKETCHES, check_sketches, create_request
from .scheduling import (
    DEFAULT_DURATION_MINUTES,
    MAX_DURATION_MINUTES,
    MIN_DURATION_MINUTES,
    attendee_emails,
    cancel_meeting,
    mark_held,
    schedule_meeting,
)
from .transitions import TRANSITIONS, allowed_targets, is_allowed, transition

__all__ = [
    "keep_link",
    "DEFAULT_DURATION_MINUTES", "MAX_DURATION_MINUTES", "MAX_SKETCHES", "MIN_DURATION_MINUTES", "REQUIRED_TO_PUBLISH",
    "TRANSITIONS", "MinutesLocked", "PredialogueError", "SessionFull", "TransitionNotAllowed", "allowed_targets",
    "attendee_emails", "cancel_meeting", "check_sketches", "create_request", "create_session", "is_allowed",
    "link_minutes_to_case", "mark_held", "meeting_date", "publish_minutes", "record_continuity_events",
    "confirm_registration", "register_for_session", "registration_to_request", "save_minutes", "schedule_meeting",
    "start_application_from_minutes", "start_correction", "transition",
]

"""The errors of the pre-application services: each a message a person can act on."""

from django.utils.translation import gettext as _

from permitportal.core.errors import Invalid, NotAllowed

from ..models import Meeting

M = Meeting.Status


class PredialogueError(Invalid):
    """A problem a person can act on; the message says what to do (the API answers 400)."""


class TransitionNotAllowed(NotAllowed, PredialogueError):
    """A status change the table does not allow (the API answers 409)."""

    def __init__(self, meeting, to_status):
        self.meeting = meeting
        self.to_status = to_status
        super().__init__(
            _("A meeting that is “%(current)s” cannot become “%(target)s”.")
            % {"current": M(meeting.status).label, "target": M(to_status).label}
        )


class MinutesLocked(NotAllowed, PredialogueError):
    """Published minutes cannot be edited; a correction makes a new version (the API answers 409)."""


class SessionFull(PredialogueError):
    """An open-house session has no places left."""

"""The hearings' refusals: each a message a person can act on."""

from django.utils.translation import gettext as _

from permitportal.core.errors import Invalid, NotAllowed


class HearingInvalid(Invalid):
    """The input is not right (400)."""


class HearingNotAllowed(NotAllowed):
    """Not possible in the hearing's or the case's state (409)."""


class TransitionNotAllowed(HearingNotAllowed):
    def __init__(self, obj, to_status):
        self.obj = obj
        self.to_status = to_status
        status = type(obj).Status
        super().__init__(_("This cannot change from “%(current)s” to “%(target)s”.")
                         % {"current": status(obj.status).label, "target": status(to_status).label})

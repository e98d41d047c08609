"""Receivers of the core's signals, and what the core asks of this app through ``applications.hooks``."""

import logging

from django.dispatch import receiver
from django.utils.translation import gettext as _

from applications import signals as core_signals

logger = logging.getLogger(__name__)


@receiver(core_signals.information_requested, dispatch_uid="predialogue.count_continuity_warnings")
def count_continuity_warnings(sender, case, actor, request, **kwargs):
    """An information request that goes against the pre-application minutes is counted."""
    from predialogue.selectors import linked_meeting_id

    if not linked_meeting_id(case):
        return
    from predialogue.services import record_continuity_events

    try:
        record_continuity_events(information_request=request, actor=actor)
    except Exception:  # noqa: BLE001 - the request is sent; a failed count must not turn that into an error
        logger.exception("Could not count continuity warnings for information request %s", request.pk)


def start_draft_from_minutes(*, applicant, meeting_id: int, property_id: int | None = None):
    """``hooks.minutes_starters``: ``POST cases/`` with ``predialogue_meeting`` and no application type
    does what the meeting page's button does (``services.start_application_from_minutes``)."""
    from applications.services.cases import CaseError
    from predialogue import selectors, services

    meeting = selectors.meetings_visible_to(user=applicant).select_related("property").filter(pk=meeting_id).first()
    if meeting is None:
        raise CaseError(_("You have no pre-application meeting with this number. See GET predialogue/meetings/."))
    if property_id is not None and property_id != meeting.property_id:
        raise CaseError(_("The meeting was about another property. Leave out the property, or give the meeting's."))
    try:
        return services.start_application_from_minutes(meeting=meeting, actor=applicant)
    except services.PredialogueError as exc:
        raise CaseError(exc.message) from exc

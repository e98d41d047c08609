"""Receivers of the core's signals."""

import logging

from django.dispatch import receiver

from applications import signals as core_signals

logger = logging.getLogger(__name__)


@receiver(core_signals.information_requested, dispatch_uid="predialogue.count_continuity_warnings")
def count_continuity_warnings(sender, case, actor, request, **kwargs):
    """An information request that goes against the pre-application minutes is counted."""
    if not case.predialogue_meeting_id:
        return
    from predialogue.services import record_continuity_events

    try:
        record_continuity_events(information_request=request, actor=actor)
    except Exception:  # noqa: BLE001 - the request is sent; a failed count must not turn that into an error
        logger.exception("Could not count continuity warnings for information request %s", request.pk)

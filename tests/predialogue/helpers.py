"""Helpers that walk a meeting through the services (never by assigning its status)."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from predialogue import services
from predialogue.models import Meeting


def request_meeting(*, applicant, prop, description="A two-storey extension of 60 m² towards the garden.",
                    **kwargs) -> Meeting:
    return services.create_request(requested_by=applicant, property=prop, description=description,
                                   questions=kwargs.pop("questions", "Do I need a dispensation for the height?"),
                                   preferred_times=kwargs.pop("preferred_times", "Weekday mornings"), **kwargs)


def schedule(meeting, *, caseworker, starts_at=None, place="Njalsgade 13, room 2.14", **kwargs) -> Meeting:
    starts_at = starts_at or (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    return services.schedule_meeting(meeting=meeting, starts_at=starts_at, place=place, caseworker=caseworker,
                                     actor=caseworker, **kwargs)


def after_the_meeting(meeting):
    """Travel to two hours after the meeting's start (the meeting has taken place)."""
    return time_machine.travel(meeting.starts_at + timedelta(hours=2), tick=False)


def hold(meeting, *, caseworker) -> Meeting:
    with after_the_meeting(meeting):
        return services.mark_held(meeting=meeting, actor=caseworker)


MINUTES_SECTIONS = {
    "participants": "Anne Andersen (applicant); Camilla Christensen (caseworker)",
    "project": "A two-storey extension of 60 m² towards the garden.",
    "zoning_plan": "Lokalplan 123 applies; no dispensation needed for the height.",
    "practice": "We usually accept extensions up to 8.5 m in this area.",
    "placement_and_design": "Keep 2.5 m to the boundary.",
    "infrastructure": "No new connections.",
    "other_authorities": "None.",
    "process": "Fee according to the fee schedule; expect 40 days.",
    "open_questions": "The exact roof pitch.",
    "next_steps": "The applicant sends the application with the drawings listed above.",
}


def write_and_publish(meeting, *, caseworker, required=("site-plan", "structural-docs"),
                      not_needed=("waste-screening",), application_type="single-family-house"):
    """Held meeting -> published minutes (v1)."""
    services.save_minutes(
        meeting=meeting, actor=caseworker, sections=MINUTES_SECTIONS,
        required_documents=[{"requirement": c, "note": f"Note on {c}"} for c in required],
        not_needed_documents=[{"requirement": c, "note": "Not relevant here"} for c in not_needed],
        application_type=application_type)
    return services.publish_minutes(meeting=meeting, actor=caseworker)


def published_meeting(*, applicant, prop, caseworker, **kwargs) -> Meeting:
    meeting = request_meeting(applicant=applicant, prop=prop)
    schedule(meeting, caseworker=caseworker)
    hold(meeting, caseworker=caseworker)
    write_and_publish(meeting, caseworker=caseworker, **kwargs)
    meeting.refresh_from_db()
    return meeting

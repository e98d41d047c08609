"""From published minutes into the case: a draft started from them, minutes linked to a draft, and
information requests that go against what the minutes agreed."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Case, DocumentRequirement

from ..models import ContinuityEvent, LinkedMeeting, Meeting, Minutes
from .errors import PredialogueError
from .transitions import record_event


def meeting_date(meeting: Meeting):
    when = meeting.starts_at or meeting.held_at or meeting.created_at
    return timezone.localdate(when)


def keep_link(*, case: Case, meeting_id: int) -> None:
    """``hooks.meeting_linkers``: the case builds on the minutes of meeting ``meeting_id`` (one meeting per case;
    the core has checked the meeting with ``hooks.meeting_link_checkers`` or this app chose it)."""
    link, _created = LinkedMeeting.objects.update_or_create(case=case, defaults={"meeting_id": meeting_id})
    case.linked_meeting = link  # what the case's readers see from now on, without a query


def _published(meeting: Meeting) -> Minutes:
    from ..selectors import current_minutes

    minutes = current_minutes(meeting=meeting)
    if minutes is None:
        raise PredialogueError(_("The minutes of this meeting have not been published yet."))
    return minutes


def _promised_codes(minutes: Minutes) -> list[str]:
    return [d.requirement.code for d in minutes.documents.all() if d.needed]


@transaction.atomic
def start_application_from_minutes(*, meeting: Meeting, actor) -> Case:
    """A draft application with the type the minutes indicate, linked to the meeting, with the documents
    the minutes promised marked "agreed at the pre-application meeting on DATE"."""
    from applications.services import cases as case_services

    if meeting.applicant_id != getattr(actor, "pk", None):
        raise PredialogueError(_("Only the person the meeting was for can start an application from it."))
    minutes = _published(meeting)
    if minutes.application_type is None:
        raise PredialogueError(_("The minutes do not say which application type to use. Start from the guide "
                                 "instead, and link the minutes to your draft there."))
    try:
        case = case_services.create_draft(applicant=actor, property=meeting.property,
                                          application_type=minutes.application_type,
                                          description=meeting.description, predialogue_meeting_id=meeting.pk)
    except case_services.CaseError as exc:
        raise PredialogueError(str(exc)) from exc
    case_services.mark_agreed_at_meeting(case=case, requirement_codes=_promised_codes(minutes),
                                         meeting_date=meeting_date(meeting))
    record_event(meeting=meeting, kind="application_started", actor=actor, params={"case": case.reference})
    return case


@transaction.atomic
def link_minutes_to_case(*, case: Case, meeting: Meeting, actor) -> Case:
    """Link published minutes to an application on the same property by the same applicant (within
    PREDIALOGUE_LINK_DAYS) and mark the promised documents as agreed at the meeting."""
    from applications.services import cases as case_services

    from ..selectors import can_link

    if not can_link(case=case, meeting=meeting):
        raise PredialogueError(_("These minutes cannot be linked to this application: the meeting must be about the "
                                 "same property, be yours, have published minutes and be recent enough."))
    minutes = _published(meeting)
    case_services.link_predialogue_meeting(case=case, meeting_id=meeting.pk, actor=actor)
    case_services.mark_agreed_at_meeting(case=case, requirement_codes=_promised_codes(minutes),
                                         meeting_date=meeting_date(meeting))
    record_event(meeting=meeting, kind="minutes_linked", actor=actor, params={"case": case.reference})
    return case


def record_continuity_events(*, information_request, actor=None) -> int:
    """Count the items of a sent information request that go against the minutes (called after commit)."""
    from ..continuity import classify

    case = information_request.case
    codes = [item.requirement.code for item in information_request.items.select_related("requirement")]
    found = classify(case=case, requirement_codes=codes)
    if not found:
        return 0
    minutes = found[0].minutes
    requirements = {r.code: r for r in DocumentRequirement.objects.filter(code__in=[f.code for f in found])}
    created = 0
    for item in found:
        try:
            with transaction.atomic():
                ContinuityEvent.objects.create(
                    information_request=information_request, case=case, meeting_id=minutes.meeting_id,
                    minutes=minutes, requirement=requirements[item.code], kind=item.kind,
                    caseworker=actor if getattr(actor, "pk", None) else None)
                created += 1
        except IntegrityError:
            continue  # already counted
    return created

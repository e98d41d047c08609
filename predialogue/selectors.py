"""Reads for pre-application meetings. Access rules live here: an applicant sees only the meetings
that are theirs (any other answers 404); staff see the meetings of their municipalities (issue 19). The
open-house sessions' reads are in ``predialogue.sessions``."""

import re
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import ApplicationType, DocumentRequirement
from applications.selectors.municipalities import member_municipality_ids, scoped_to_member
from permitportal.accounts import roles
from permitportal.accounts.models import User

from .models import ContinuityEvent, Meeting, MeetingEvent, Minutes, MinutesDocument

_VERSION = re.compile(r"[0-9]{1,9}")

# The one fixed template, in order: (name, title, what to write). "documentation", "application_type"
# and "caveat" are not free text: the documentation section is picked from the requirement catalogue,
# the type from the type catalogue, and the caveat is fixed.
MINUTES_SECTIONS = (
    ("participants", gettext_lazy("Participants"),
     gettext_lazy("Who took part, and for whom (applicant, advisers, the municipality's staff).")),
    ("project", gettext_lazy("The project as presented"),
     gettext_lazy("What the applicant wants to build or change: content, size, placement, schedule and the firms "
                  "responsible.")),
    ("zoning_plan", gettext_lazy("Zoning plan and need for dispensation"),
     gettext_lazy("Which zoning plan and other plans apply, and whether the project needs a dispensation.")),
    ("practice", gettext_lazy("The municipality's established practice"),
     gettext_lazy("How we usually decide similar projects in this area.")),
    ("placement_and_design", gettext_lazy("Placement and design"),
     gettext_lazy("Distances, heights, size, appearance and how the building fits in.")),
    ("infrastructure", gettext_lazy("Infrastructure: roads, water and sewage"),
     gettext_lazy("Access, parking, water supply, sewage and other connections.")),
    ("other_authorities", gettext_lazy("Other authorities to involve"),
     gettext_lazy("For example the utility company, the fire authority, the museum or the environment "
                  "department.")),
    ("process", gettext_lazy("Process: deadlines, fees and inspections"),
     gettext_lazy("Expected processing time, fees, responsibility and control, inspections, and whether to split "
                  "the application.")),
    ("documentation", gettext_lazy("Documentation the application must include"), ""),
    ("application_type", gettext_lazy("Indicated application type"), ""),
    ("open_questions", gettext_lazy("Open questions"),
     gettext_lazy("What is still unclear, and who will find out.")),
    ("next_steps", gettext_lazy("Next steps"),
     gettext_lazy("What the applicant and the municipality do next, and by when.")),
    ("caveat", gettext_lazy("What these minutes mean"), ""),
)

CAVEAT = gettext_lazy(
    "These minutes record the advice given at the pre-application meeting. They guide you and us, but they do not "
    "bind the decision on your application: the decision is made on the application you send, and new information, "
    "hearings of neighbours or other authorities, or changes to the project can lead to a different result."
)

EVENT_TEXTS = {
    "requested": gettext_lazy("The meeting was requested."),
    "scheduled": gettext_lazy("The meeting was scheduled for %(when)s."),
    "rescheduled": gettext_lazy("The meeting was moved to %(when)s."),
    "cancelled": gettext_lazy("The meeting was cancelled."),
    "held": gettext_lazy("The meeting took place."),
    "minutes_published": gettext_lazy("The minutes were published (version %(version)s)."),
    "application_started": gettext_lazy("An application was started from the minutes (%(case)s)."),
    "minutes_linked": gettext_lazy("The minutes were linked to the application %(case)s."),
}


def link_days() -> int:
    return int(getattr(settings, "PREDIALOGUE_LINK_DAYS", 365))


# --- Access ------------------------------------------------------------------------------------------

def meetings_visible_to(*, user) -> QuerySet[Meeting]:
    """Staff see the meetings on properties of the municipalities they work for; an applicant sees the
    meetings that are for them or that they asked for."""
    if not getattr(user, "is_authenticated", False):
        return Meeting.objects.none()
    own = Q(applicant=user) | Q(requested_by=user)
    if roles.is_staff_member(user):
        return Meeting.objects.filter(own | Q(property__municipality__in=member_municipality_ids(user=user)))
    return Meeting.objects.filter(own)


def get_meeting_for_user(*, user, pk) -> Meeting:
    """The meeting, or Http404 when it does not exist or the user may not see it."""
    try:
        return (meetings_visible_to(user=user)
                .select_related("property", "applicant", "caseworker", "requested_by", "case").get(pk=pk))
    except (Meeting.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("No such meeting") from exc


def is_owner(*, user, meeting: Meeting) -> bool:
    return getattr(user, "pk", None) is not None and user.pk in (meeting.applicant_id, meeting.requested_by_id) \
        and not roles.is_staff_member(user)


def can_manage(user) -> bool:
    """Schedule, write minutes, mark held: caseworkers and managers."""
    return roles.has_role(user, roles.CASEWORKER, roles.MANAGER)


def can_cancel(*, user, meeting: Meeting) -> bool:
    return roles.is_staff_member(user) or meeting.applicant_id == getattr(user, "pk", None)


# --- Lists ---------------------------------------------------------------------------------------------

def _published_minutes_exist():
    return Exists(Minutes.objects.filter(meeting=OuterRef("pk"), state=Minutes.State.PUBLISHED))


def my_meetings(*, user) -> QuerySet[Meeting]:
    """The applicant's requests and meetings, newest first, with whether minutes are published."""
    if not getattr(user, "is_authenticated", False):
        return Meeting.objects.none()
    return (Meeting.objects.filter(Q(applicant=user) | Q(requested_by=user))
            .select_related("property", "caseworker")
            .annotate(has_minutes=_published_minutes_exist())
            .order_by("-created_at", "-id"))


STAFF_FILTERS = ("open", "requested", "scheduled", "held", "cancelled", "all")


def staff_meetings(*, user, status: str = "open", caseworker=None, limit: int = 200) -> list[Meeting]:
    """Requests and meetings for staff of the user's municipalities: the open ones (requested and
    scheduled) by default, oldest request first so nobody waits longest; scheduled ones by time."""
    qs = (scoped_to_member(Meeting.objects.all(), user=user)
          .select_related("property", "caseworker", "applicant", "requested_by")
          .annotate(has_minutes=_published_minutes_exist(), sketch_count=Count("sketches")))
    if status == "open":
        qs = qs.filter(status__in=(Meeting.Status.REQUESTED, Meeting.Status.SCHEDULED))
    elif status in Meeting.Status.values:
        qs = qs.filter(status=status)
    if caseworker is not None:
        qs = qs.filter(caseworker=caseworker)
    return list(qs.order_by("status", "starts_at", "created_at", "id")[:limit])


def caseworkers() -> QuerySet[User]:
    """The people who can hold a meeting."""
    return (User.objects.filter(is_active=True, groups__name__in=(roles.CASEWORKER, roles.MANAGER))
            .distinct().order_by("full_name", "email"))


def sketches(*, meeting: Meeting) -> list:
    return list(meeting.sketches.all())


def timeline(*, meeting: Meeting) -> list[dict]:
    """What happened to the request, in plain words."""
    rows = []
    for event in MeetingEvent.objects.filter(meeting=meeting, kind__in=list(EVENT_TEXTS)).order_by("at", "id"):
        params = dict(event.params or {})
        if params.get("starts_at"):
            try:
                when = timezone.localtime(datetime.fromisoformat(params["starts_at"]))
                params["when"] = formats.date_format(when, "DATETIME_FORMAT")
            except ValueError:
                params["when"] = params["starts_at"]
        params.setdefault("when", "")
        params.setdefault("version", "")
        params.setdefault("case", "")
        text = str(EVENT_TEXTS[event.kind]) % params
        if event.kind == "cancelled" and params.get("reason"):
            text = f"{text} {_('Reason:')} {params['reason']}"
        rows.append({"at": event.at, "text": text, "kind": event.kind})
    return rows


# --- Minutes -----------------------------------------------------------------------------------------

def _documents_prefetch() -> Prefetch:
    return Prefetch("documents", queryset=MinutesDocument.objects.select_related("requirement")
                    .order_by("-needed", "requirement__order", "requirement__code"))


def current_minutes(*, meeting: Meeting) -> Minutes | None:
    """The latest published version (what the applicant and the case see), or None."""
    return (Minutes.objects.filter(meeting=meeting, state=Minutes.State.PUBLISHED)
            .select_related("application_type", "meeting").prefetch_related(_documents_prefetch())
            .order_by("-version").first())


def current_minutes_for_meeting_id(*, meeting_id: int) -> Minutes | None:
    return (Minutes.objects.filter(meeting_id=meeting_id, state=Minutes.State.PUBLISHED)
            .select_related("application_type", "meeting", "meeting__property", "meeting__caseworker")
            .prefetch_related(_documents_prefetch()).order_by("-version").first())


def latest_minutes(*, meeting: Meeting) -> Minutes | None:
    """The newest version, draft or published (what the caseworker edits)."""
    return (Minutes.objects.filter(meeting=meeting).select_related("application_type")
            .prefetch_related(_documents_prefetch()).order_by("-version").first())


def minutes_versions(*, meeting: Meeting) -> list[Minutes]:
    return list(Minutes.objects.filter(meeting=meeting).select_related("published_by").order_by("-version"))


def version_number(raw: str | None) -> int | None:
    """``?version=`` as a number, or None when it is not one: ASCII digits only (``"²".isdigit()`` is
    true and ``int("²")`` fails), and few enough for the database's integer."""
    return int(raw) if raw and _VERSION.fullmatch(raw) else None


def get_minutes_version(*, meeting: Meeting, version: int, published_only: bool = True) -> Minutes:
    qs = Minutes.objects.filter(meeting=meeting, version=version)
    if published_only:
        qs = qs.filter(state=Minutes.State.PUBLISHED)
    found = qs.select_related("application_type", "meeting").prefetch_related(_documents_prefetch()).first()
    if found is None:
        raise Http404("No such version")
    return found


def minutes_sections(*, minutes: Minutes) -> list[dict]:
    """Every section of the fixed template with its content, in order (for the page, the PDF and the API)."""
    documents = list(minutes.documents.all())
    sections = []
    for name, title, _help in MINUTES_SECTIONS:
        section = {"name": name, "title": title, "text": ""}
        if name == "documentation":
            section["needed"] = [d for d in documents if d.needed]
            section["not_needed"] = [d for d in documents if not d.needed]
        elif name == "application_type":
            section["application_type"] = minutes.application_type
        elif name == "caveat":
            section["text"] = CAVEAT
        else:
            section["text"] = getattr(minutes, name)
        sections.append(section)
    return sections


def minutes_data(*, minutes: Minutes) -> dict:
    """The minutes as the API gives them."""
    documents = list(minutes.documents.all())
    return {
        "version": minutes.version,
        "state": minutes.state,
        "published_at": minutes.published_at,
        **{name: getattr(minutes, name) for name in Minutes.TEXT_SECTIONS},
        "required_documents": [{"requirement": d.requirement.code, "title": d.requirement.title, "note": d.note}
                               for d in documents if d.needed],
        "not_needed_documents": [{"requirement": d.requirement.code, "title": d.requirement.title, "note": d.note}
                                 for d in documents if not d.needed],
        "application_type": minutes.application_type.code if minutes.application_type_id else None,
        "correction_note": minutes.correction_note,
        "caveat": str(CAVEAT),
    }


def requirement_catalogue() -> list[DocumentRequirement]:
    return list(DocumentRequirement.objects.order_by("order", "code"))


def type_catalogue() -> list[ApplicationType]:
    return list(ApplicationType.objects.filter(is_active=True).order_by("order", "code"))


# --- Continuity -----------------------------------------------------------------------------------------

def linked_meeting_id(case) -> int | None:
    """The meeting whose minutes the case builds on (``LinkedMeeting``), or None (``hooks.meeting_id_readers``).
    No query when the case was loaded with ``hooks.case_select_related``; otherwise one, then remembered."""
    if getattr(case, "pk", None) is None:
        return None
    link = getattr(case, "linked_meeting", None)
    return link.meeting_id if link is not None else None


def minutes_for_case(*, case) -> Minutes | None:
    """The published minutes of the meeting linked to the case, or None."""
    meeting_id = linked_meeting_id(case)
    if not meeting_id:
        return None
    return current_minutes_for_meeting_id(meeting_id=meeting_id)


def _linkable_qs(*, case):
    since = timezone.now() - timedelta(days=link_days())
    return (Meeting.objects.filter(property_id=case.property_id, applicant_id=case.applicant_id,
                                   status=Meeting.Status.HELD)
            .filter(Q(starts_at__gte=since) | Q(starts_at__isnull=True, held_at__gte=since))
            .filter(_published_minutes_exist()))


def linkable_meetings(*, case) -> list[Meeting]:
    """Meetings with published minutes on the case's property, for the case's applicant, within
    PREDIALOGUE_LINK_DAYS; none when the case already has minutes linked."""
    if case.status != case.Status.DRAFT or linked_meeting_id(case):
        return []
    return list(_linkable_qs(case=case).select_related("property", "caseworker").order_by("-starts_at"))


def meeting_link_problem(meeting_id, applicant, property) -> str | None:
    """Why a new case of ``applicant`` on ``property`` may not start linked to meeting ``meeting_id``: only a
    meeting that is for the applicant or that they asked for (on someone's behalf: their mandate), about the
    same property. One answer for a meeting that does not exist and one of someone else's."""
    meeting = (Meeting.objects.filter(pk=meeting_id).filter(Q(applicant=applicant) | Q(requested_by=applicant))
               .only("property_id").first())
    if meeting is None:
        return _("You have no pre-application meeting with this id. Use the id of one of your own meetings "
                 "(GET predialogue/meetings/).")
    if meeting.property_id != property.pk:
        return _("That pre-application meeting was about another property. Start the application on the "
                 "meeting's property, or leave the meeting out.")
    return None


def can_link(*, case, meeting: Meeting) -> bool:
    if linked_meeting_id(case) == meeting.pk:
        return False
    return _linkable_qs(case=case).filter(pk=meeting.pk).exists()


def continuity_counts(*, user, start=None, end=None) -> dict:
    """Continuity warnings counted from sent information requests: {"not_promised": n, "said_not_needed": n,
    "requests": n (information requests with at least one)}."""
    qs = scoped_to_member(ContinuityEvent.objects.all(), user=user, field="case__property__municipality")
    if start is not None:
        qs = qs.filter(created_at__date__gte=start)
    if end is not None:
        qs = qs.filter(created_at__date__lte=end)
    by_kind = dict(qs.values_list("kind").annotate(n=Count("id")).order_by())
    return {
        "not_promised": by_kind.get(ContinuityEvent.Kind.NOT_PROMISED, 0),
        "said_not_needed": by_kind.get(ContinuityEvent.Kind.SAID_NOT_NEEDED, 0),
        "requests": qs.values("information_request").distinct().count(),
    }


# --- API shapes -------------------------------------------------------------------------------------------

def meeting_data(*, meeting: Meeting, include_staff: bool = False, minutes: Minutes | None = None) -> dict:
    """A meeting as the API gives it. ``minutes``: the published minutes, when already loaded."""
    worker = meeting.caseworker
    data = {
        "id": meeting.pk,
        "status": meeting.status,
        "status_text": str(Meeting.Status(meeting.status).label),
        "source": meeting.source,
        "property": {"id": meeting.property_id, "address": str(meeting.property),
                     "cadastral_number": meeting.property.cadastral_number},
        "case": meeting.case.reference if meeting.case_id else None,
        "description": meeting.description,
        "questions": meeting.questions,
        "preferred_times": meeting.preferred_times,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "caseworker": ({"name": worker.get_full_name(), "email": worker.email, "phone": worker.phone}
                       if worker else None),
        "cancel_reason": meeting.cancel_reason or None,
        "created_at": meeting.created_at,
        "minutes_published": minutes is not None or bool(getattr(meeting, "has_minutes", False)),
        "minutes_version": minutes.version if minutes is not None else None,
    }
    if include_staff:
        data["contact"] = {"name": meeting.contact_name, "email": meeting.contact_email,
                           "phone": meeting.contact_phone}
        data["attendees"] = meeting.attendees
    return data

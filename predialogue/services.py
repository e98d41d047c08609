"""Writes for pre-application meetings: requests, scheduling, minutes, continuity into the case and
open-house sessions. Keyword arguments only; one transaction each.

A meeting's status changes only through ``transition`` and the one table ``TRANSITIONS``:
requested -> scheduled -> held, and requested or scheduled -> cancelled. Rescheduling keeps a
meeting scheduled (scheduled -> scheduled).
"""

import logging
import re
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from applications.models import ApplicationType, Case, DocumentRequirement, Property
from applications.services.uploads import UploadRejected, validate_upload
from permitportal.accounts import roles
from permitportal.accounts.models import User

from . import signals
from .models import (
    ContinuityEvent,
    Meeting,
    MeetingEvent,
    Minutes,
    MinutesDocument,
    OpenHouseRegistration,
    OpenHouseSession,
    Sketch,
)

logger = logging.getLogger(__name__)

M = Meeting.Status

MAX_SKETCHES = 10
MIN_DURATION_MINUTES = 15
MAX_DURATION_MINUTES = 8 * 60
DEFAULT_DURATION_MINUTES = 60


class PredialogueError(Exception):
    """A problem a person can act on; the message says what to do."""

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)

    def __str__(self):
        return self.message


class TransitionNotAllowed(PredialogueError):
    """A status change the table does not allow (the API answers 409)."""

    def __init__(self, meeting, to_status):
        self.meeting = meeting
        self.to_status = to_status
        super().__init__(
            _("A meeting that is “%(current)s” cannot become “%(target)s”.")
            % {"current": M(meeting.status).label, "target": M(to_status).label}
        )


class MinutesLocked(PredialogueError):
    """Published minutes cannot be edited; a correction makes a new version (the API answers 409)."""


class SessionFull(PredialogueError):
    """An open-house session has no places left."""


# --- The one transition table ---------------------------------------------------------------------

TRANSITIONS: dict[str, frozenset[str]] = {
    M.REQUESTED: frozenset({M.SCHEDULED, M.CANCELLED}),
    M.SCHEDULED: frozenset({M.SCHEDULED, M.HELD, M.CANCELLED}),  # scheduled -> scheduled: a new time
    M.HELD: frozenset(),
    M.CANCELLED: frozenset(),
}

_TIMESTAMP_FIELD = {M.SCHEDULED: "scheduled_at", M.HELD: "held_at", M.CANCELLED: "cancelled_at"}


def is_allowed(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def allowed_targets(meeting: Meeting) -> frozenset[str]:
    return TRANSITIONS.get(meeting.status, frozenset())


def _record(*, meeting: Meeting, kind: str, actor=None, params: dict | None = None) -> MeetingEvent:
    return MeetingEvent.objects.create(meeting=meeting, kind=kind, params=params or {},
                                       actor=actor if getattr(actor, "pk", None) else None)


@transaction.atomic
def transition(*, meeting: Meeting, to: str, actor=None, event: str | None = None, params: dict | None = None,
               fields: dict | None = None) -> Meeting:
    """Move ``meeting`` to ``to`` (setting ``fields`` with it); lock the row, stamp the time, record the event."""
    locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not is_allowed(locked.status, to):
        raise TransitionNotAllowed(locked, to)
    from_status = locked.status
    now = timezone.now()
    changed = {"status", "updated_at"}
    locked.status = to
    for name, value in (fields or {}).items():
        setattr(locked, name, value)
        changed.add(name)
    stamp = _TIMESTAMP_FIELD.get(to)
    if stamp:
        setattr(locked, stamp, now)
        changed.add(stamp)
    locked.save(update_fields=sorted(changed))
    _record(meeting=locked, kind=event or to, actor=actor, params={"from": from_status, **(params or {})})
    for name in changed:
        setattr(meeting, name, getattr(locked, name))
    return locked


# --- Requests -------------------------------------------------------------------------------------

def _clean(value) -> str:
    return (value or "").strip()


def _store_sketch(*, uploaded_file, checked) -> str:
    field = Sketch._meta.get_field("file")
    name = field.generate_filename(None, checked.safe_name)
    try:
        uploaded_file.seek(0)
        return field.storage.save(name, uploaded_file, max_length=field.max_length)
    except OSError as exc:
        logger.exception("Could not store a sketch (%s bytes)", checked.size)
        raise PredialogueError(_("The sketch could not be saved because of a problem on our side. Nothing was "
                                 "sent. Try again in a few minutes.")) from exc


def _delete_stored(names) -> None:
    storage = Sketch._meta.get_field("file").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("Could not delete the stored sketch %s", name)


def check_sketches(*, sketches) -> list:
    """Check every sketch like an application's documents; raise PredialogueError naming the file."""
    sketches = [s for s in (sketches or ()) if s]
    if len(sketches) > MAX_SKETCHES:
        raise PredialogueError(_("Send at most %(count)d sketches. Put several drawings in one PDF if you have "
                                 "more.") % {"count": MAX_SKETCHES})
    checked = []
    for uploaded in sketches:
        try:
            checked.append((uploaded, validate_upload(uploaded_file=uploaded)))
        except UploadRejected as exc:
            raise PredialogueError(_("The sketch “%(name)s” was not accepted: %(reason)s")
                                   % {"name": getattr(uploaded, "name", ""), "reason": exc.message}) from exc
    return checked


def _applicant_for_email(email: str):
    """The applicant account with this verified e-mail address, if there is one."""
    if not email:
        return None
    return (User.objects.filter(email__iexact=email, is_active=True, email_verified=True,
                                groups__name=roles.APPLICANT).first())


def create_request(*, requested_by, property: Property, description: str, questions: str, preferred_times: str,
                   sketches=(), on_behalf_of_name: str = "", on_behalf_of_email: str = "", on_behalf_of_phone: str = "",
                   case: Case | None = None, source: str | None = None, language: str | None = None) -> Meeting:
    """Ask for a pre-application meeting.

    An applicant asks for themselves (``case`` links the case it came from, for example a refusal).
    Staff (the dialogue team) ask on a caller's behalf and give the caller's name and an e-mail address
    or phone number; a caller with an applicant account under that e-mail sees the meeting on the portal.
    Sketches are checked like an application's documents and stored under random names.
    """
    description, questions, preferred_times = _clean(description), _clean(questions), _clean(preferred_times)
    name, email, phone = _clean(on_behalf_of_name), _clean(on_behalf_of_email).lower(), _clean(on_behalf_of_phone)
    if not isinstance(property, Property):
        raise PredialogueError(_("Choose the address of the property from the property register."))
    if len(description) < 10:
        raise PredialogueError(_("Describe your project in a few sentences: what you want to build or change, and "
                                 "roughly how big it is."))
    if len(description) > 5000 or len(questions) > 5000 or len(preferred_times) > 1000:
        raise PredialogueError(_("The text is too long. Keep the description and the questions under 5000 "
                                 "characters and the preferred times under 1000."))
    staff = roles.is_staff_member(requested_by)
    if staff:
        if not name:
            raise PredialogueError(_("Enter the caller's name."))
        if not email and not phone:
            raise PredialogueError(_("Enter the caller's e-mail address or phone number, so we can send the "
                                     "invitation or call them."))
        applicant = _applicant_for_email(email)
        source = source or Meeting.Source.DIALOGUE_TEAM
    else:
        if not roles.has_role(requested_by, roles.APPLICANT):
            raise PredialogueError(_("Log in with an applicant account to request a meeting."))
        applicant = requested_by
        name = email = phone = ""
        source = source or (Meeting.Source.REFUSAL if case is not None else Meeting.Source.APPLICANT)
    if case is not None and not staff and case.applicant_id != requested_by.pk:
        raise PredialogueError(_("You can only link a request to your own case."))
    if source not in Meeting.Source.values:
        raise PredialogueError(_("Unknown source of the request."))
    language = _language(language or (applicant.preferred_language if applicant else "da"))

    checked = check_sketches(sketches=sketches)
    stored = []
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                requested_by=requested_by, applicant=applicant, source=source, language=language,
                on_behalf_of_name=name, on_behalf_of_email=email, on_behalf_of_phone=phone,
                property=property, case=case, description=description, questions=questions,
                preferred_times=preferred_times,
            )
            for uploaded, result in checked:
                stored_name = _store_sketch(uploaded_file=uploaded, checked=result)
                stored.append(stored_name)
                Sketch.objects.create(meeting=meeting, file=stored_name, original_name=result.safe_name,
                                      content_type=result.content_type, kind=result.kind, size=result.size,
                                      sha256=result.sha256, uploaded_by=requested_by)
            _record(meeting=meeting, kind="requested", actor=requested_by,
                    params={"source": source, "sketches": len(checked),
                            "case": case.reference if case is not None else None})
            from . import tasks

            tasks.enqueue(tasks.send_request_received, meeting.pk)
    except BaseException:
        _delete_stored(stored)
        raise
    return meeting


# --- Scheduling ------------------------------------------------------------------------------------

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-']+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")


def attendee_emails(text: str) -> list[tuple[str, str]]:
    """(name, e-mail) for every line of the attendees text that holds an e-mail address."""
    found = []
    for line in (text or "").splitlines():
        match = _EMAIL.search(line)
        if match:
            name = (line[: match.start()] + line[match.end():]).strip(" <>,;()-\t")
            found.append((name, match.group(0)))
    return found


def _check_caseworker(caseworker) -> None:
    if caseworker is None or not roles.has_role(caseworker, roles.CASEWORKER, roles.MANAGER) \
            or not caseworker.is_active:
        raise PredialogueError(_("Choose the caseworker who will hold the meeting."))


def _check_time(starts_at, duration_minutes) -> None:
    if not isinstance(starts_at, datetime):
        raise PredialogueError(_("Enter the date and time of the meeting."))
    if timezone.is_naive(starts_at):
        raise PredialogueError(_("Give the time with its time zone, for example 2026-05-04T10:00:00+02:00."))
    if starts_at <= timezone.now():
        raise PredialogueError(_("Choose a time in the future."))
    if not isinstance(duration_minutes, int) or not MIN_DURATION_MINUTES <= duration_minutes <= MAX_DURATION_MINUTES:
        raise PredialogueError(_("The meeting must last between %(min)d minutes and %(max)d hours.")
                               % {"min": MIN_DURATION_MINUTES, "max": MAX_DURATION_MINUTES // 60})


@transaction.atomic
def schedule_meeting(*, meeting: Meeting, starts_at: datetime, place: str, caseworker, actor,
                     duration_minutes: int = DEFAULT_DURATION_MINUTES, attendees: str = "") -> Meeting:
    """Give the meeting a time, a place or video link and a caseworker, and send the invitation with a
    calendar file. On a scheduled meeting this is a new time: the applicant gets the change."""
    place, attendees = _clean(place), _clean(attendees)
    if not place:
        raise PredialogueError(_("Enter the place of the meeting or the video link."))
    if len(place) > 300:
        raise PredialogueError(_("Keep the place or video link under 300 characters."))
    _check_time(starts_at, duration_minutes)
    _check_caseworker(caseworker)
    rescheduling = meeting.status == M.SCHEDULED
    fields = {"starts_at": starts_at, "ends_at": starts_at + timedelta(minutes=duration_minutes), "place": place,
              "caseworker": caseworker, "attendees": attendees}
    if rescheduling:
        fields["sequence"] = meeting.sequence + 1
    locked = transition(meeting=meeting, to=M.SCHEDULED, actor=actor,
                        event="rescheduled" if rescheduling else "scheduled",
                        params={"starts_at": starts_at.isoformat(), "place": place, "caseworker": caseworker.email},
                        fields=fields)
    from . import tasks

    tasks.enqueue(tasks.send_meeting_notice, locked.pk, "rescheduled" if rescheduling else "invitation",
                  locked.sequence)
    return locked


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, actor, reason: str = "") -> Meeting:
    """Cancel a request or a scheduled meeting; everyone invited gets the cancellation (with a calendar
    cancellation when it had a time)."""
    reason = _clean(reason)
    if roles.is_staff_member(actor) and not reason:
        raise PredialogueError(_("Give the reason for cancelling; the applicant will see it."))
    had_time = meeting.status == M.SCHEDULED
    fields = {"cancel_reason": reason}
    if had_time:
        fields["sequence"] = meeting.sequence + 1
    locked = transition(meeting=meeting, to=M.CANCELLED, actor=actor, event="cancelled",
                        params={"reason": reason}, fields=fields)
    from . import tasks

    tasks.enqueue(tasks.send_meeting_notice, locked.pk, "cancelled", locked.sequence)
    return locked


@transaction.atomic
def mark_held(*, meeting: Meeting, actor) -> Meeting:
    """The meeting took place. Sends ``meeting_held`` after commit (a survey can use it)."""
    if meeting.status == M.SCHEDULED and meeting.starts_at and meeting.starts_at > timezone.now():
        raise PredialogueError(
            _("The meeting has not taken place yet (it is on %(when)s). Mark it as held after the meeting.")
            % {"when": formats.date_format(timezone.localtime(meeting.starts_at), "DATETIME_FORMAT")})
    locked = transition(meeting=meeting, to=M.HELD, actor=actor, event="held")
    transaction.on_commit(lambda: signals.meeting_held.send(sender=Meeting, meeting=locked, actor=actor))
    return locked


# --- Minutes ---------------------------------------------------------------------------------------

REQUIRED_TO_PUBLISH = ("participants", "project")


def _latest(meeting: Meeting, *, lock: bool = False) -> Minutes | None:
    qs = Minutes.objects.filter(meeting=meeting).order_by("-version")
    if lock:
        qs = qs.select_for_update()
    return qs.first()


def _requirements_by_code(codes) -> dict:
    codes = [c for c in codes if c]
    found = {r.code: r for r in DocumentRequirement.objects.filter(code__in=codes)}
    unknown = sorted(set(codes) - set(found))
    if unknown:
        raise PredialogueError(_("Unknown documents: %(codes)s. Pick them from the requirement catalogue.")
                               % {"codes": ", ".join(unknown)})
    return found


def _document_lines(required_documents, not_needed_documents) -> list[tuple[str, bool, str]]:
    lines, seen = [], {}
    for needed, items in ((True, required_documents or []), (False, not_needed_documents or [])):
        for item in items:
            if isinstance(item, str):
                code, note = item, ""
            else:
                code, note = _clean(item.get("requirement")), _clean(item.get("note"))
            if not code:
                continue
            if len(note) > 500:
                raise PredialogueError(_("Keep each document's note under 500 characters."))
            if code in seen:
                if seen[code] != needed:
                    raise PredialogueError(_("“%(code)s” is listed both as needed and as not needed. Choose one.")
                                           % {"code": code})
                raise PredialogueError(_("“%(code)s” is listed twice. List each document once.") % {"code": code})
            seen[code] = needed
            lines.append((code, needed, note))
    return lines


def _application_type(value) -> ApplicationType | None:
    if value in (None, ""):
        return None
    if isinstance(value, ApplicationType):
        return value
    found = ApplicationType.objects.filter(code=value, is_active=True).first()
    if found is None:
        raise PredialogueError(_("Unknown application type “%(code)s”. Pick one from the type catalogue.")
                               % {"code": value})
    return found


@transaction.atomic
def save_minutes(*, meeting: Meeting, actor, sections: dict | None = None, required_documents=None,
                 not_needed_documents=None, application_type=None) -> Minutes:
    """Save the minutes as a draft (the first version, or the correction being written).

    ``sections``: the template's text sections by name (participants, project, zoning_plan, practice,
    placement_and_design, infrastructure, other_authorities, process, open_questions, next_steps).
    ``required_documents`` and ``not_needed_documents``: ``[{"requirement": code, "note": text}]``.
    ``application_type``: a type code (or ApplicationType) or None. Published minutes are locked:
    raises MinutesLocked.
    """
    if meeting.status not in (M.SCHEDULED, M.HELD):
        raise PredialogueError(_("Minutes can be written once the meeting is scheduled, and not for a cancelled "
                                 "meeting."))
    sections = sections or {}
    unknown = set(sections) - set(Minutes.TEXT_SECTIONS)
    if unknown:
        raise PredialogueError(_("Unknown sections: %(names)s.") % {"names": ", ".join(sorted(unknown))})
    lines = _document_lines(required_documents, not_needed_documents)
    requirements = _requirements_by_code([code for code, _needed, _note in lines])
    app_type = _application_type(application_type)
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    minutes = _latest(meeting, lock=True)
    if minutes is not None and minutes.is_locked:
        raise MinutesLocked(_("These minutes are published and locked. To change them, start a correction: it "
                              "makes a new version and keeps this one."))
    if minutes is None:
        minutes = Minutes(meeting=meeting, version=1, created_by=actor)
    for name in Minutes.TEXT_SECTIONS:
        if name in sections:
            setattr(minutes, name, _clean(sections[name]))
    minutes.application_type = app_type
    minutes.save()
    minutes.documents.all().delete()
    MinutesDocument.objects.bulk_create([
        MinutesDocument(minutes=minutes, requirement=requirements[code], needed=needed, note=note)
        for code, needed, note in lines])
    return minutes


@transaction.atomic
def start_correction(*, meeting: Meeting, actor, note: str = "") -> Minutes:
    """A new draft version copied from the published minutes; the published version is kept."""
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    latest = _latest(meeting, lock=True)
    if latest is None:
        raise PredialogueError(_("There are no minutes to correct yet. Write and publish them first."))
    if not latest.is_locked:
        return latest  # a correction (or the first draft) is already being written
    new = Minutes(meeting=meeting, version=latest.version + 1, created_by=actor, correction_note=_clean(note),
                  application_type=latest.application_type)
    for name in Minutes.TEXT_SECTIONS:
        setattr(new, name, getattr(latest, name))
    new.save()
    MinutesDocument.objects.bulk_create([
        MinutesDocument(minutes=new, requirement_id=d.requirement_id, needed=d.needed, note=d.note)
        for d in latest.documents.all()])
    _record(meeting=meeting, kind="correction_started", actor=actor, params={"version": new.version})
    return new


@transaction.atomic
def publish_minutes(*, meeting: Meeting, actor, correction_note: str | None = None) -> Minutes:
    """Lock the draft minutes and e-mail them as a PDF in the applicant's language.

    A meeting still marked scheduled whose time has passed is marked held first (through the table).
    """
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    meeting.refresh_from_db()
    minutes = _latest(meeting, lock=True)
    if minutes is None:
        raise PredialogueError(_("Write the minutes before you publish them."))
    if minutes.is_locked:
        raise MinutesLocked(_("This version is already published. To change it, start a correction."))
    labels = {"participants": _("Participants"), "project": _("The project as presented")}
    missing = [str(labels[name]) for name in REQUIRED_TO_PUBLISH if not getattr(minutes, name).strip()]
    if missing:
        raise PredialogueError(_("Fill in before publishing: %(sections)s.") % {"sections": "; ".join(missing)})
    if minutes.version > 1 and correction_note is not None:
        minutes.correction_note = _clean(correction_note)
    if minutes.version > 1 and not minutes.correction_note.strip():
        raise PredialogueError(_("Say what this correction changes; the applicant will see it."))
    if meeting.status == M.SCHEDULED:
        mark_held(meeting=meeting, actor=actor)
    elif meeting.status != M.HELD:
        raise PredialogueError(_("Minutes can only be published for a meeting that has taken place."))
    minutes.state = Minutes.State.PUBLISHED
    minutes.published_at = timezone.now()
    minutes.published_by = actor
    minutes.save(update_fields=["state", "published_at", "published_by", "correction_note", "updated_at"])
    _record(meeting=meeting, kind="minutes_published", actor=actor, params={"version": minutes.version})
    from . import tasks

    tasks.enqueue(tasks.send_minutes, minutes.pk)
    return minutes


# --- Continuity into the case ----------------------------------------------------------------------

def meeting_date(meeting: Meeting):
    when = meeting.starts_at or meeting.held_at or meeting.created_at
    return timezone.localdate(when)


def _published(meeting: Meeting) -> Minutes:
    from .selectors import current_minutes

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
    _record(meeting=meeting, kind="application_started", actor=actor, params={"case": case.reference})
    return case


@transaction.atomic
def link_minutes_to_case(*, case: Case, meeting: Meeting, actor) -> Case:
    """Link published minutes to an application on the same property by the same applicant (within
    PREDIALOGUE_LINK_DAYS) and mark the promised documents as agreed at the meeting."""
    from applications.services import cases as case_services

    from .selectors import can_link

    if not can_link(case=case, meeting=meeting):
        raise PredialogueError(_("These minutes cannot be linked to this application: the meeting must be about the "
                                 "same property, be yours, have published minutes and be recent enough."))
    minutes = _published(meeting)
    case_services.link_predialogue_meeting(case=case, meeting_id=meeting.pk, actor=actor)
    case_services.mark_agreed_at_meeting(case=case, requirement_codes=_promised_codes(minutes),
                                         meeting_date=meeting_date(meeting))
    _record(meeting=meeting, kind="minutes_linked", actor=actor, params={"case": case.reference})
    return case


def record_continuity_events(*, information_request, actor=None) -> int:
    """Count the items of a sent information request that go against the minutes (called after commit)."""
    from .continuity import classify

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


def _language(value) -> str:
    code = (value or "da")[:2]
    return code if code in dict(settings.LANGUAGES) else "da"


# --- Open-house sessions ---------------------------------------------------------------------------

@transaction.atomic
def create_session(*, title: str, starts_at: datetime, ends_at: datetime, place: str, capacity: int, actor,
                   description: str = "", is_published: bool = True) -> OpenHouseSession:
    title, place = _clean(title), _clean(place)
    if not title:
        raise PredialogueError(_("Give the session a title, for example “Open house on Saturday”."))
    if not place:
        raise PredialogueError(_("Enter where the session takes place."))
    if not isinstance(starts_at, datetime) or not isinstance(ends_at, datetime):
        raise PredialogueError(_("Enter when the session starts and ends."))
    if ends_at <= starts_at:
        raise PredialogueError(_("The session must end after it starts."))
    if starts_at <= timezone.now():
        raise PredialogueError(_("Choose a time in the future."))
    if not isinstance(capacity, int) or capacity < 1 or capacity > 1000:
        raise PredialogueError(_("Give the number of places as a number between 1 and 1000."))
    return OpenHouseSession.objects.create(title=title, description=_clean(description), starts_at=starts_at,
                                           ends_at=ends_at, place=place, capacity=capacity,
                                           is_published=is_published, created_by=actor)


@transaction.atomic
def register_for_session(*, session: OpenHouseSession, name: str, email: str, description: str, phone: str = "",
                         address: str = "", user=None, language: str | None = None) -> OpenHouseRegistration:
    """Register for a drop-in session. A full session refuses, and says so."""
    name, email, description = _clean(name), _clean(email).lower(), _clean(description)
    if not name:
        raise PredialogueError(_("Enter your name."))
    if not _EMAIL.fullmatch(email):
        raise PredialogueError(_("Enter your e-mail address, for example name@example.dk."))
    if len(description) < 10:
        raise PredialogueError(_("Tell us in a sentence or two what your project is about."))
    if len(description) > 2000:
        raise PredialogueError(_("Keep the description of your project under 2000 characters."))
    locked = OpenHouseSession.objects.select_for_update().get(pk=session.pk)
    when = formats.date_format(timezone.localtime(locked.starts_at), "DATETIME_FORMAT")
    if not locked.is_published:
        raise PredialogueError(_("This session is not open for registration."))
    if locked.starts_at <= timezone.now():
        raise PredialogueError(_("The session on %(when)s has already started. Choose a later session.")
                               % {"when": when})
    if OpenHouseRegistration.objects.filter(session=locked, email=email).exists():
        raise PredialogueError(_("%(email)s is already registered for this session. You do not need to register "
                                 "again.") % {"email": email})
    if OpenHouseRegistration.objects.filter(session=locked).count() >= locked.capacity:
        raise SessionFull(_("The session on %(when)s is full: all %(capacity)d places are taken. Choose another "
                            "session, or request a meeting of your own.") % {"when": when,
                                                                                "capacity": locked.capacity})
    registration = OpenHouseRegistration.objects.create(
        session=locked, name=name, email=email, phone=_clean(phone), address=_clean(address),
        description=description, user=user if getattr(user, "is_authenticated", False) else None,
        language=_language(language or (user.preferred_language if getattr(user, "is_authenticated", False)
                                        else translation.get_language())))
    from . import tasks

    tasks.enqueue(tasks.send_registration_confirmation, registration.pk)
    return registration


@transaction.atomic
def registration_to_request(*, registration: OpenHouseRegistration, property: Property, actor,
                            questions: str = "", preferred_times: str = "") -> Meeting:
    """Staff turn an open-house registration into a meeting request on the person's behalf."""
    locked = OpenHouseRegistration.objects.select_for_update().get(pk=registration.pk)
    if locked.meeting_id:
        raise PredialogueError(_("This registration has already been turned into a meeting request."))
    if not roles.is_staff_member(actor):
        raise PredialogueError(_("Only staff can turn a registration into a meeting request."))
    meeting = create_request(
        requested_by=actor, property=property, description=locked.description, questions=questions,
        preferred_times=preferred_times, on_behalf_of_name=locked.name, on_behalf_of_email=locked.email,
        on_behalf_of_phone=locked.phone, source=Meeting.Source.OPEN_HOUSE,
        language=locked.user.preferred_language if locked.user_id else None,
    )
    if locked.user_id and meeting.applicant_id is None:
        meeting.applicant = locked.user
        meeting.save(update_fields=["applicant"])
    locked.meeting = meeting
    locked.save(update_fields=["meeting"])
    registration.meeting = meeting
    return meeting

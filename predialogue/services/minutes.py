"""The minutes of a meeting: drafts, publishing (locked, sent as a PDF) and corrections."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import ApplicationType, DocumentRequirement

from ..models import Meeting, Minutes, MinutesDocument
from .common import clean
from .errors import MinutesLocked, PredialogueError
from .scheduling import mark_held
from .transitions import record_event

M = Meeting.Status


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
                code, note = clean(item.get("requirement")), clean(item.get("note"))
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
            setattr(minutes, name, clean(sections[name]))
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
    new = Minutes(meeting=meeting, version=latest.version + 1, created_by=actor, correction_note=clean(note),
                  application_type=latest.application_type)
    for name in Minutes.TEXT_SECTIONS:
        setattr(new, name, getattr(latest, name))
    new.save()
    MinutesDocument.objects.bulk_create([
        MinutesDocument(minutes=new, requirement_id=d.requirement_id, needed=d.needed, note=d.note)
        for d in latest.documents.all()])
    record_event(meeting=meeting, kind="correction_started", actor=actor, params={"version": new.version})
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
        minutes.correction_note = clean(correction_note)
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
    record_event(meeting=meeting, kind="minutes_published", actor=actor, params={"version": minutes.version})
    from .. import tasks

    tasks.enqueue(tasks.send_minutes, minutes.pk)
    return minutes

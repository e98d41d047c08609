"""Requests for a pre-application meeting, with their sketches."""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import Case, Property
from applications.services.uploads import UploadRejected, validate_upload
from permitportal.accounts import roles
from permitportal.accounts.models import User

from ..models import Meeting, Sketch
from .common import clean, language_code
from .errors import PredialogueError
from .transitions import record_event

logger = logging.getLogger(__name__)

MAX_SKETCHES = 10


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


def _check_texts(*, description: str, questions: str, preferred_times: str) -> None:
    if len(description) < 10:
        raise PredialogueError(_("Describe your project in a few sentences: what you want to build or change, and "
                                 "roughly how big it is."))
    if len(description) > 5000 or len(questions) > 5000 or len(preferred_times) > 1000:
        raise PredialogueError(_("The text is too long. Keep the description and the questions under 5000 "
                                 "characters and the preferred times under 1000."))


def create_request(*, requested_by, property: Property, description: str, questions: str, preferred_times: str,
                   sketches=(), on_behalf_of_name: str = "", on_behalf_of_email: str = "", on_behalf_of_phone: str = "",
                   case: Case | None = None, source: str | None = None, language: str | None = None) -> Meeting:
    """Ask for a pre-application meeting.

    An applicant asks for themselves (``case`` links the case it came from, for example a refusal).
    Staff (the dialogue team) ask on a caller's behalf and give the caller's name and an e-mail address
    or phone number; a caller with an applicant account under that e-mail sees the meeting on the portal.
    Sketches are checked like an application's documents and stored under random names.
    """
    description, questions, preferred_times = clean(description), clean(questions), clean(preferred_times)
    name, email, phone = clean(on_behalf_of_name), clean(on_behalf_of_email).lower(), clean(on_behalf_of_phone)
    if not isinstance(property, Property):
        raise PredialogueError(_("Choose the address of the property from the property register."))
    _check_texts(description=description, questions=questions, preferred_times=preferred_times)
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
    language = language_code(language or (applicant.preferred_language if applicant else "da"))

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
            record_event(meeting=meeting, kind="requested", actor=requested_by,
                         params={"source": source, "sketches": len(checked),
                                 "case": case.reference if case is not None else None})
            from .. import tasks

            tasks.enqueue(tasks.send_request_received, meeting.pk)
    except BaseException:
        _delete_stored(stored)
        raise
    return meeting

"""Open-house sessions: creating them, registering for them, and a registration made a meeting request."""

from datetime import datetime

from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from applications.models import Property
from permitportal.accounts import roles

from ..models import Meeting, OpenHouseRegistration, OpenHouseSession
from .common import clean, language_code
from .errors import PredialogueError, SessionFull
from .requests import create_request
from .scheduling import EMAIL_ADDRESS


@transaction.atomic
def create_session(*, title: str, starts_at: datetime, ends_at: datetime, place: str, capacity: int, actor,
                   description: str = "", is_published: bool = True) -> OpenHouseSession:
    title, place = clean(title), clean(place)
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
    # The session is the actor's municipality's (the first by code for staff of several).
    municipality_id = actor.municipalities.order_by("code").values_list("pk", flat=True).first()
    if municipality_id is None:
        raise PredialogueError(_("Only staff of a municipality can hold an open house."))
    return OpenHouseSession.objects.create(title=title, description=clean(description), starts_at=starts_at,
                                           ends_at=ends_at, place=place, capacity=capacity,
                                           is_published=is_published, created_by=actor,
                                           municipality_id=municipality_id)


@transaction.atomic
def register_for_session(*, session: OpenHouseSession, name: str, email: str, description: str, phone: str = "",
                         address: str = "", user=None, language: str | None = None) -> OpenHouseRegistration:
    """Register for a drop-in session. A full session refuses, and says so."""
    name, email, description = clean(name), clean(email).lower(), clean(description)
    if not name:
        raise PredialogueError(_("Enter your name."))
    if not EMAIL_ADDRESS.fullmatch(email):
        raise PredialogueError(_("Enter your e-mail address, for example name@example.dk."))
    if len(description) < 10:
        raise PredialogueError(_("Tell us in a sentence or two what your project is about."))
    if len(description) > 2000:
        raise PredialogueError(_("Keep the description of your project under 2000 characters."))
    locked = OpenHouseSession.objects.select_for_update().get(pk=session.pk)
    when = formats.date_format(timezone.localtime(locked.starts_at), "j F Y, H:i")
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
        session=locked, name=name, email=email, phone=clean(phone), address=clean(address),
        description=description, user=user if getattr(user, "is_authenticated", False) else None,
        language=language_code(language or (user.preferred_language if getattr(user, "is_authenticated", False)
                                            else translation.get_language())))
    from .. import tasks

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

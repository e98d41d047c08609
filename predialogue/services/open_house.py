"""Open-house sessions: creating them, registering for them, and a registration made a meeting request."""

import secrets
from datetime import datetime, timedelta

from django.conf import settings
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


def _places_taken(session: OpenHouseSession) -> int:
    return OpenHouseRegistration.objects.filter(session=session, confirmed_at__isnull=False).count()


def _full(session: OpenHouseSession, when: str) -> SessionFull:
    return SessionFull(_("The session on %(when)s is full: all %(capacity)d places are taken. Choose another "
                         "session, or request a meeting of your own.") % {"when": when, "capacity": session.capacity})


def _check_rate(*, email: str, client_address: str | None, now) -> None:
    """At most OPEN_HOUSE_LINKS_PER_ADDRESS confirmation e-mails to one address a day, and at most
    OPEN_HOUSE_REGISTRATIONS_PER_CLIENT registrations from one client address an hour."""
    slow_down = PredialogueError(_("We have had many registrations from here or for this address. Try again "
                                   "later, or call the dialogue team."))
    if OpenHouseRegistration.objects.filter(
            email=email, link_sent_at__gte=now - timedelta(days=1)).count() >= settings.OPEN_HOUSE_LINKS_PER_ADDRESS:
        raise slow_down
    if client_address and OpenHouseRegistration.objects.filter(
            client_address=client_address, created_at__gte=now - timedelta(hours=1),
    ).count() >= settings.OPEN_HOUSE_REGISTRATIONS_PER_CLIENT:
        raise slow_down


@transaction.atomic
def register_for_session(*, session: OpenHouseSession, name: str, email: str, description: str, phone: str = "",
                         address: str = "", user=None, language: str | None = None,
                         client_address: str | None = None) -> OpenHouseRegistration:
    """Register for a drop-in session. A full session refuses, and says so.

    A place is held once the address is confirmed: at once for a logged-in person registering their own
    (confirmed) address, otherwise when they open the link e-mailed to it (``confirm_registration``). The
    e-mail says nothing the registering person wrote, and is rate-limited per address and client address.
    Registering an address again that has not confirmed sends the link again."""
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
    when = formats.date_format(timezone.localtime(locked.starts_at), "DATETIME_FORMAT")
    if not locked.is_published:
        raise PredialogueError(_("This session is not open for registration."))
    now = timezone.now()
    if locked.starts_at <= now:
        raise PredialogueError(_("The session on %(when)s has already started. Choose a later session.")
                               % {"when": when})
    existing = OpenHouseRegistration.objects.select_for_update().filter(session=locked, email=email).first()
    if existing is not None and existing.confirmed_at:
        raise PredialogueError(_("%(email)s is already registered for this session. You do not need to register "
                                 "again.") % {"email": email})
    if _places_taken(locked) >= locked.capacity:
        raise _full(locked, when)
    signed_in = getattr(user, "is_authenticated", False)
    own_address = signed_in and user.email_verified and user.email.lower() == email
    if not own_address:
        _check_rate(email=email, client_address=client_address, now=now)
    details = {"name": name, "phone": clean(phone), "address": clean(address), "description": description,
               "user": user if signed_in else None, "client_address": client_address,
               "language": language_code(language or (user.preferred_language if signed_in
                                                      else translation.get_language())),
               "confirmed_at": now if own_address else None, "token": "" if own_address else secrets.token_urlsafe(32),
               "link_sent_at": None if own_address else now}
    if existing is not None:
        for field, value in details.items():
            setattr(existing, field, value)
        existing.save(update_fields=list(details))
        registration = existing
    else:
        registration = OpenHouseRegistration.objects.create(session=locked, email=email, **details)
    from .. import tasks

    if own_address:
        tasks.enqueue(tasks.send_registration_confirmation, registration.pk)
    else:
        tasks.enqueue(tasks.send_registration_link, registration.pk)
    return registration


@transaction.atomic
def confirm_registration(*, token: str) -> OpenHouseRegistration:
    """The address is confirmed through its link: the place is held now, if one is left."""
    found = OpenHouseRegistration.objects.filter(token=token).exclude(token="").values_list("session_id", flat=True)
    session_id = found.first()
    if session_id is None:
        raise PredialogueError(_("This link is not valid. Register again to get a new one."))
    locked = OpenHouseSession.objects.select_for_update().get(pk=session_id)
    registration = OpenHouseRegistration.objects.select_for_update().get(token=token)
    if registration.confirmed_at:
        return registration
    when = formats.date_format(timezone.localtime(locked.starts_at), "DATETIME_FORMAT")
    if locked.starts_at <= timezone.now():
        raise PredialogueError(_("The session on %(when)s has already started. Choose a later session.")
                               % {"when": when})
    if _places_taken(locked) >= locked.capacity:
        raise _full(locked, when)
    registration.confirmed_at = timezone.now()
    registration.save(update_fields=["confirmed_at"])
    from .. import tasks

    tasks.enqueue(tasks.send_registration_confirmation, registration.pk)
    return registration


@transaction.atomic
def registration_to_request(*, registration: OpenHouseRegistration, property: Property, actor,
                            questions: str = "", preferred_times: str = "") -> Meeting:
    """Staff turn an open-house registration into a meeting request on the person's behalf."""
    locked = OpenHouseRegistration.objects.select_for_update().get(pk=registration.pk)
    if locked.confirmed_at is None:
        raise PredialogueError(_("This registration is not confirmed yet."))
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

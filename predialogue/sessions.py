"""Reads for open-house sessions: the published ones anyone may register for, and the staff's own
municipalities' sessions with their confirmed registrations."""

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from applications.selectors.municipalities import scoped_to_member

from .models import OpenHouseRegistration
from .models import OpenHouseSession as Session


def _registered():
    """The places taken: confirmed registrations."""
    return Count("registrations", filter=Q(registrations__confirmed_at__isnull=False))


def upcoming_sessions() -> list[Session]:
    """Published sessions that have not started, with the number of places left."""
    sessions = list(Session.objects.filter(is_published=True, starts_at__gt=timezone.now())
                    .annotate(registered=_registered()).order_by("starts_at", "id")[:50])
    for session in sessions:
        session.places_left = max(session.capacity - session.registered, 0)
    return sessions


def get_open_session(*, pk) -> Session:
    session = Session.objects.filter(pk=pk, is_published=True).annotate(registered=_registered()).first()
    if session is None:
        raise Http404("No such session")
    session.places_left = max(session.capacity - session.registered, 0)
    return session


def staff_sessions(*, user) -> list[Session]:
    sessions = list(scoped_to_member(Session.objects.all(), user=user, field="municipality")
                    .annotate(registered=_registered())
                    .order_by("-starts_at", "-id")[:100])
    for session in sessions:
        session.places_left = max(session.capacity - session.registered, 0)
    return sessions


def get_session(*, user, pk) -> Session:
    session = (scoped_to_member(Session.objects.filter(pk=pk), user=user, field="municipality")
               .annotate(registered=_registered()).first())
    if session is None:
        raise Http404("No such session")
    session.places_left = max(session.capacity - session.registered, 0)
    return session


def session_registrations(*, session: Session) -> list[OpenHouseRegistration]:
    return list(OpenHouseRegistration.objects.filter(session=session, confirmed_at__isnull=False)
                .select_related("meeting", "user")
                .order_by("created_at", "id"))


def registration_to_confirm(*, token: str) -> OpenHouseRegistration | None:
    if not token:
        return None
    return OpenHouseRegistration.objects.select_related("session").filter(token=token).first()


def get_registration(*, session: Session, pk) -> OpenHouseRegistration:
    found = (OpenHouseRegistration.objects.filter(session=session, pk=pk, confirmed_at__isnull=False)
             .select_related("user").first())
    if found is None:
        raise Http404("No such registration")
    return found

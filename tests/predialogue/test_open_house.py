"""Open-house sessions: published with a place, time and capacity; a full session refuses clearly; staff turn
a registration into a meeting request."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from predialogue import services
from predialogue.models import Meeting, OpenHouseRegistration
from tests.factories import UserFactory


@pytest.fixture
def session(caseworker):
    saturday = timezone.now() + timedelta(days=10)
    return services.create_session(title="Open house: extensions and carports", starts_at=saturday,
                                   ends_at=saturday + timedelta(hours=3), place="Njalsgade 13", capacity=2,
                                   actor=caseworker)


def _register(session, n):
    """Register and confirm the address through its link (issue 14, item 6)."""
    registration = services.register_for_session(session=session, name=f"Person {n}", email=f"p{n}@example.dk",
                                                  description="A carport of 30 m² next to the house.")
    return services.confirm_registration(token=registration.token)


def test_registration_up_to_the_capacity_then_a_clear_refusal(session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _register(session, 1)
    assert mail.outbox[-1].to == ["p1@example.dk"] and "registered" in mail.outbox[-1].subject
    _register(session, 2)
    with pytest.raises(services.SessionFull) as info:
        _register(session, 3)
    assert "is full: all 2 places are taken" in info.value.message
    assert "request a meeting of your own" in info.value.message
    assert OpenHouseRegistration.objects.filter(session=session).count() == 2


def test_the_same_person_cannot_take_two_places(session):
    _register(session, 1)
    with pytest.raises(services.PredialogueError, match="already registered"):
        _register(session, 1)


def test_sessions_are_checked(caseworker):
    now = timezone.now()
    with pytest.raises(services.PredialogueError, match="end after it starts"):
        services.create_session(title="X", starts_at=now + timedelta(days=1), ends_at=now + timedelta(days=1),
                                place="Here", capacity=5, actor=caseworker)
    with pytest.raises(services.PredialogueError, match="between 1 and 1000"):
        services.create_session(title="X", starts_at=now + timedelta(days=1), ends_at=now + timedelta(days=1, hours=1),
                                place="Here", capacity=0, actor=caseworker)


def test_the_portal_shows_places_left_and_a_full_session_refuses_on_the_page(client, session):
    html = client.get(reverse("predialogue:open_house")).content.decode()
    assert session.title in html and "2 places left" in html
    url = reverse("predialogue:open_house_register", args=[session.pk])
    data = {"name": "Ida", "email": "ida@example.dk", "description": "A shed of 20 m² in the garden."}
    assert client.post(url, data).status_code == 302
    services.confirm_registration(token=OpenHouseRegistration.objects.get(email="ida@example.dk").token)
    _register(session, 2)
    html = client.get(reverse("predialogue:open_house")).content.decode()
    assert "Full: all places are taken." in html
    page = client.post(url, {**data, "email": "late@example.dk"})
    assert page.status_code == 200
    assert "is full: all 2 places are taken" in page.content.decode()
    assert not OpenHouseRegistration.objects.filter(email="late@example.dk").exists()


def test_unpublished_sessions_are_not_shown(client, caseworker):
    start = timezone.now() + timedelta(days=3)
    hidden = services.create_session(title="Hidden session", starts_at=start, ends_at=start + timedelta(hours=1),
                                     place="Here", capacity=5, actor=caseworker, is_published=False)
    assert "Hidden session" not in client.get(reverse("predialogue:open_house")).content.decode()
    assert client.get(reverse("predialogue:open_house_register", args=[hidden.pk])).status_code == 404


def test_staff_create_a_session_on_the_page(client, dialogue_member):
    client.force_login(dialogue_member)
    day = (timezone.localdate() + timedelta(days=12)).isoformat()
    response = client.post(reverse("predialogue:staff_sessions"), {
        "title": "Saturday open house", "description": "", "day": day, "start": "10:00", "end": "13:00",
        "place": "Njalsgade 13", "capacity": "15", "is_published": "on"})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Saturday open house" in page and "0 of 15 places taken" in page


def test_staff_turn_a_registration_into_a_meeting_request(client, session, dialogue_member, prop):
    person = UserFactory(role="applicant", email="p1@example.dk")
    registration = services.register_for_session(session=session, name="Person 1", email="p1@example.dk",
                                                 description="A carport of 30 m² next to the house.", user=person,
                                                 address="Æbeløgade 4")
    client.force_login(dialogue_member)
    html = client.get(reverse("predialogue:staff_session", args=[session.pk])).content.decode()
    url = reverse("predialogue:registration_convert", args=[session.pk, registration.pk])
    assert url in html and "Person 1" in html
    response = client.post(url, {"address": "Æbeløgade 4", "property": prop.pk, "questions": "Height?"})
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert (meeting.source, meeting.property, meeting.applicant, meeting.on_behalf_of_name) == (
        Meeting.Source.OPEN_HOUSE, prop, person, "Person 1")
    assert meeting.description == "A carport of 30 m² next to the house."
    registration.refresh_from_db()
    assert registration.meeting == meeting
    with pytest.raises(services.PredialogueError, match="already been turned"):
        services.registration_to_request(registration=registration, property=prop, actor=dialogue_member)

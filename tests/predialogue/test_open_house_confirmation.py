"""Issue 14, item 6: an anonymous open-house registration holds a place only once its address is confirmed
through the e-mailed link; registrations are rate-limited per address and per client; the e-mail repeats
nothing the registering person wrote."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from predialogue import services
from predialogue.models import OpenHouseRegistration
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ATTACK = "WIN A PRIZE at http://evil.example/claim - call now"


@pytest.fixture
def session(caseworker):
    start = timezone.now() + timedelta(days=10)
    return services.create_session(title="Open house: carports", starts_at=start, ends_at=start + timedelta(hours=3),
                                   place="Njalsgade 13", capacity=3, actor=caseworker)


def _post(client, session, email, n=0, **extra):
    return client.post(reverse("predialogue:open_house_register", args=[session.pk]),
                       {"name": ATTACK, "email": email, "description": f"{ATTACK} number {n} of many"}, **extra)


def test_fake_addresses_take_no_places_and_the_email_echoes_nothing(client, session,
                                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            assert _post(client, session, f"victim{n}@example.dk", n).status_code == 302
    assert "3 places left" in client.get(reverse("predialogue:open_house")).content.decode()
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert "WIN" not in message.subject + message.body and "evil" not in message.body
        assert message.body.startswith("Hello,")
        assert "/predialogue/open-house/confirm/" in message.body
    client.force_login(UserFactory(role="dialogue_team"))
    staff = client.get(reverse("predialogue:staff_session", args=[session.pk])).content.decode()
    assert "victim0@example.dk" not in staff and "0 of 3 places taken" in staff


def test_the_link_confirms_the_place_with_a_button(client, session, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, session, "ida@example.dk")
    link = re.search(r"/predialogue/open-house/confirm/\S+/", mail.outbox[-1].body).group(0)
    assert client.get(link).status_code == 200  # a mail scanner opening the link takes no place
    assert not OpenHouseRegistration.objects.get(email="ida@example.dk").confirmed_at
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(link).status_code == 302
    assert OpenHouseRegistration.objects.get(email="ida@example.dk").confirmed_at
    assert "registered" in mail.outbox[-1].subject and "WIN" not in mail.outbox[-1].body
    assert "2 places left" in client.get(reverse("predialogue:open_house")).content.decode()
    assert client.post("/predialogue/open-house/confirm/not-a-token/").status_code == 400


def test_a_signed_in_person_registering_their_own_address_is_confirmed_at_once(client, session, applicant):
    client.force_login(applicant)
    client.post(reverse("predialogue:open_house_register", args=[session.pk]),
                {"name": "Me", "email": applicant.email, "description": "A carport of 30 m² by the road."})
    assert OpenHouseRegistration.objects.get(email=applicant.email).confirmed_at


def test_registrations_are_rate_limited_per_client_address(client, session, settings):
    settings.OPEN_HOUSE_REGISTRATIONS_PER_CLIENT = 5
    for n in range(5):
        _post(client, session, f"victim{n}@example.dk", n)
    page = _post(client, session, "victim9@example.dk", 9)
    assert page.status_code == 200 and "Try again later" in page.content.decode()
    assert OpenHouseRegistration.objects.count() == 5
    assert _post(client, session, "victim9@example.dk", 9, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_one_address_gets_a_limited_number_of_links(client, session, caseworker, settings):
    settings.OPEN_HOUSE_LINKS_PER_ADDRESS = 2
    start = timezone.now() + timedelta(days=20)
    others = [services.create_session(title=f"Session {n}", starts_at=start, ends_at=start + timedelta(hours=1),
                                      place="Njalsgade 13", capacity=5, actor=caseworker) for n in range(2)]
    for n, target in enumerate([session, *others]):
        response = _post(client, target, "victim@example.dk", REMOTE_ADDR=f"198.51.100.{n + 1}")
    assert "Try again later" in response.content.decode()
    assert OpenHouseRegistration.objects.filter(email="victim@example.dk").count() == 2


def test_a_confirmation_when_the_session_has_filled_up_says_so(session):
    first = services.register_for_session(session=session, name="A", email="a@example.dk",
                                          description="A carport of 30 m² by the road.")
    for n in range(3):
        reg = services.register_for_session(session=session, name="B", email=f"b{n}@example.dk",
                                            description="A carport of 30 m² by the road.")
        services.confirm_registration(token=reg.token)
    with pytest.raises(services.SessionFull):
        services.confirm_registration(token=first.token)

"""Issue 14, items 1, 2 and 9: one throttle for every way in, that slows attackers without locking
the owner out, reads the client address through trusted proxies only, and tells no one which
addresses have accounts."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from permitportal.accounts.models import LoginAttempt, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db):
    return UserFactory(email="boss@example.dk", role="manager", is_staff=True, is_superuser=True)


def _admin_login(client, password, **extra):
    return client.post(reverse("admin:login"), {"username": "boss@example.dk", "password": password,
                                                "next": "/admin/"}, **extra)


def test_the_admin_login_is_throttled_like_the_login_page(client, admin_user):
    answers = [_admin_login(client, f"wrong-{n}").status_code for n in range(30)]
    assert set(answers) == {200}
    failures = LoginAttempt.objects.filter(email="boss@example.dk").count()
    assert 5 <= failures < 30  # every checked attempt is written; the throttled ones were not even checked
    assert _admin_login(client, PASSWORD).status_code == 200  # still waiting, from this address
    assert "_auth_user_id" not in client.session
    other = _admin_login(client, PASSWORD, REMOTE_ADDR="198.51.100.7")  # the owner, from their own address
    assert other.status_code == 302 and other["Location"] == "/admin/"


def test_the_token_endpoint_goes_through_the_same_throttle(client, applicant):
    url = reverse("api-token")
    for _ in range(5):
        assert client.post(url, {"email": applicant.email, "password": "wrong"}).status_code == 400
    response = client.post(url, {"email": applicant.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "Too many failed attempts" in response.json()["message"]
    assert LoginAttempt.objects.filter(email=applicant.email).count() == 5


def test_failures_from_another_address_never_lock_the_owner_out(client, applicant):
    for _ in range(12):
        client.post(reverse("accounts:login"), {"email": applicant.email, "password": "guess"},
                    REMOTE_ADDR="203.0.113.66")
    response = client.post(reverse("accounts:login"), {"email": applicant.email, "password": PASSWORD},
                           REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302


def test_the_delay_grows_with_each_failure_and_passes(client, applicant, settings):
    settings.LOGIN_FAILURE_LIMIT, settings.LOGIN_DELAY_SECONDS = 2, 10
    login = reverse("accounts:login")
    for _ in range(2):
        client.post(login, {"email": applicant.email, "password": "guess"})
    assert "Try again in 10 seconds" in client.post(login, {"email": applicant.email, "password": "x"}).content.decode()
    LoginAttempt.objects.update(at=timezone.now() - timedelta(seconds=11))  # the wait has passed
    assert "not right" in client.post(login, {"email": applicant.email, "password": "guess"}).content.decode()
    assert "Try again in 20 seconds" in client.post(login, {"email": applicant.email, "password": "x"}).content.decode()
    LoginAttempt.objects.update(at=timezone.now() - timedelta(seconds=21))
    assert client.post(login, {"email": applicant.email, "password": PASSWORD}).status_code == 302
    assert not LoginAttempt.objects.filter(email=applicant.email).exists()  # a right password clears them


def test_behind_the_proxy_one_client_does_not_lock_everyone_out(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    victim = UserFactory()
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(25):  # one attacker spraying many accounts
        client.post(reverse("accounts:login"), {"email": f"nobody{n}@example.dk", "password": "guess"},
                    HTTP_X_FORWARDED_FOR="203.0.113.66", **proxy)
    assert set(LoginAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.66"}
    response = client.post(reverse("accounts:login"), {"email": victim.email, "password": PASSWORD},
                           HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert response.status_code == 302
    sprayed = client.post(reverse("accounts:login"), {"email": victim.email, "password": PASSWORD},
                          HTTP_X_FORWARDED_FOR="203.0.113.66", **proxy)
    assert "Too many failed attempts" in sprayed.content.decode()  # the sprayer itself waits


def test_a_forged_forwarded_for_is_not_believed(rf, settings):
    from permitportal.accounts.selectors import client_address

    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.66", REMOTE_ADDR="10.0.0.2")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 1  # our proxy appended the address it saw; the client wrote 1.2.3.4
    assert client_address(request) == "203.0.113.66"
    settings.TRUSTED_PROXY_COUNT = 3  # fewer hops than proxies: not through our proxies
    assert client_address(request) == "10.0.0.2"


def test_a_completed_password_reset_clears_the_accounts_failures(client, applicant):
    for address in ("203.0.113.66", "198.51.100.7"):
        for _ in range(6):
            client.post(reverse("accounts:login"), {"email": applicant.email, "password": "guess"},
                        REMOTE_ADDR=address)
    client.post(reverse("accounts:password_reset"), {"email": applicant.email})
    link = re.search(r"/accounts/password-reset/\S+/\S+/", mail.outbox[-1].body).group(0)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    response = client.post(form.redirect_chain[-1][0], {"new_password1": "a-new-long-secret-77",
                                                        "new_password2": "a-new-long-secret-77"})
    assert response.status_code == 302
    assert not LoginAttempt.objects.filter(email=applicant.email).exists()
    assert client.post(reverse("accounts:login"), {"email": applicant.email, "password": "a-new-long-secret-77"},
                       REMOTE_ADDR="203.0.113.66").status_code == 302


# --- Item 9: account enumeration -------------------------------------------------------------------------

def _register(client, email):
    return client.post(reverse("accounts:register"), {
        "full_name": "Ny Ansøger", "email": email, "phone": "", "password1": "lang-og-sikker-42",
        "password2": "lang-og-sikker-42"})


def _visible(response):
    return re.sub(r"\s+", " ", re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode()))


def test_registration_answers_the_same_for_a_taken_address_and_tells_the_owner(
        client, django_capture_on_commit_callbacks):
    owner = UserFactory(email="taken@example.dk")
    with django_capture_on_commit_callbacks(execute=True):
        taken = _register(client, "taken@example.dk")
        new = _register(client, "fresh@example.dk")
    assert taken.status_code == new.status_code == 200
    assert _visible(taken).replace("taken@", "fresh@") == _visible(new)
    assert User.objects.filter(email="taken@example.dk").count() == 1
    to_owner = [m for m in mail.outbox if m.to == [owner.email]]
    assert len(to_owner) == 1 and "already have" in to_owner[0].body
    assert "/accounts/password-reset/" in to_owner[0].body


def test_login_to_an_unconfirmed_account_with_a_wrong_password_says_only_that_it_is_wrong(client):
    UserFactory(email="slow@example.dk", is_active=False, email_verified=False)
    unknown = client.post(reverse("accounts:login"), {"email": "nobody@example.dk", "password": "guess"})
    wrong = client.post(reverse("accounts:login"), {"email": "slow@example.dk", "password": "guess"})
    assert _visible(wrong).replace("slow@", "nobody@") == _visible(unknown)
    assert "Confirm your e-mail" not in wrong.content.decode()
    right = client.post(reverse("accounts:login"), {"email": "slow@example.dk", "password": PASSWORD})
    assert "Confirm your e-mail address first" in right.content.decode()  # only who knows the password

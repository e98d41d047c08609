import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from permitportal.accounts import roles
from permitportal.accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_role_groups_exist_after_migrations():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL_ROLES)


def _register(client, email="ny@example.dk", **extra):
    data = {"full_name": "Ny Ansøger", "email": email, "phone": "", "password1": "lang-og-sikker-42",
            "password2": "lang-og-sikker-42", **extra}
    return client.post(reverse("accounts:register"), data)


def test_registration_sends_a_verification_link_that_activates_and_logs_in(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client)
    assert response.status_code == 200
    user = User.objects.get(email="ny@example.dk")
    assert not user.is_active and not user.email_verified
    assert user.groups.filter(name="applicant").exists()
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/verify/\S+/", mail.outbox[0].body).group(0)
    response = client.get(link.split("8000", 1)[1] if "8000" in link else link)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active and user.email_verified
    assert client.get(reverse("accounts:preferences")).status_code == 200


def test_a_tampered_verification_link_is_refused_with_a_reason(client):
    response = client.get(reverse("accounts:verify", kwargs={"token": "not-a-real-token"}))
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_registration_errors_are_summarised_and_keep_nothing(client):
    UserFactory(email="taken@example.dk")
    response = _register(client, email="taken@example.dk", password2="something-else-99")
    body = response.content.decode()
    assert "There is a problem" in body
    assert "already exists" not in body  # the e-mail tells the owner (issue 14, item 9)
    assert "not the same" in body
    assert User.objects.filter(email="taken@example.dk").count() == 1


def test_login_is_case_insensitive_on_email(client):
    UserFactory(email="Mixed@Example.dk".lower())
    response = client.post(reverse("accounts:login"), {"email": "MIXED@example.DK", "password": PASSWORD})
    assert response.status_code == 302


def test_failed_logins_are_throttled(client, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    UserFactory(email="target@example.dk")
    for _ in range(3):
        response = client.post(reverse("accounts:login"), {"email": "target@example.dk", "password": "wrong"})
        assert "not right" in response.content.decode()
    response = client.post(reverse("accounts:login"), {"email": "target@example.dk", "password": PASSWORD})
    assert response.status_code == 200
    assert "Too many failed attempts" in response.content.decode()


def test_an_unverified_account_is_told_to_confirm_first(client):
    UserFactory(email="slow@example.dk", is_active=False, email_verified=False)
    response = client.post(reverse("accounts:login"), {"email": "slow@example.dk", "password": PASSWORD})
    assert "Confirm your e-mail address first" in response.content.decode()


def test_password_reset_sends_a_link(client):
    UserFactory(email="forgot@example.dk")
    response = client.post(reverse("accounts:password_reset"), {"email": "forgot@example.dk"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password-reset/" in mail.outbox[0].body


def test_language_switch_is_remembered_for_a_logged_in_user(client):
    user = UserFactory(preferred_language="en")
    client.force_login(user)
    response = client.post(reverse("accounts:set_language"), {"language": "da", "next": "/"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.preferred_language == "da"
    assert "Byggetilladelser" in client.get("/").content.decode()


def test_preferred_language_applies_after_login_in_a_new_browser(client):
    UserFactory(email="dansk@example.dk", preferred_language="da")
    client.post(reverse("accounts:login"), {"email": "dansk@example.dk", "password": PASSWORD})
    assert 'lang="da"' in client.get("/").content.decode()


def test_logout_needs_post(client, applicant):
    client.force_login(applicant)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302


def test_purge_unverified_accounts_deletes_only_stale_unverified(settings):
    from datetime import timedelta

    from django.utils import timezone

    from permitportal.accounts.services import purge_unverified_accounts

    stale = UserFactory(is_active=False, email_verified=False)
    User.objects.filter(pk=stale.pk).update(date_joined=timezone.now() - timedelta(days=30))
    fresh = UserFactory(is_active=False, email_verified=False)
    verified = UserFactory()
    assert purge_unverified_accounts() == 1
    assert not User.objects.filter(pk=stale.pk).exists()
    assert User.objects.filter(pk__in=[fresh.pk, verified.pk]).count() == 2


# --- The signed-in user of a request --------------------------------------------------------------------------------

def test_the_request_user_comes_with_their_roles_in_one_query(db, django_assert_num_queries):
    from permitportal.accounts.backends import EmailBackend

    user = User.objects.create_user(email="both@example.dk", password="x" * 12, full_name="Både Og")
    user.groups.add(Group.objects.get_or_create(name="caseworker")[0], Group.objects.get_or_create(name="manager")[0])
    with django_assert_num_queries(1):
        loaded = EmailBackend().get_user(user.pk)
        assert roles.role_names(loaded) == {"caseworker", "manager"}
    assert loaded == user and loaded.email == "both@example.dk"


def test_a_user_without_roles_an_unknown_id_and_a_garbled_id(db):
    from permitportal.accounts.backends import EmailBackend

    user = User.objects.create_user(email="none@example.dk", password="x" * 12, full_name="Ingen")
    assert roles.role_names(EmailBackend().get_user(user.pk)) == set()
    assert EmailBackend().get_user(user.pk + 1000) is None
    assert EmailBackend().get_user("not-a-number") is None


def test_an_inactive_user_is_not_signed_in(db):
    from permitportal.accounts.backends import EmailBackend

    user = User.objects.create_user(email="gone@example.dk", password="x" * 12, full_name="Væk", is_active=False)
    assert EmailBackend().get_user(user.pk) is None

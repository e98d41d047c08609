"""Issue 14, item 4: API tokens are stored hashed, expire, end with a password change or on request;
the admin shows no tokens and no drafts."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from permitportal.accounts.models import ApiToken
from tests.applications.caseworker_support import draft_with_checklist
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _token(client, user):
    response = client.post(reverse("api-token"), {"email": user.email, "password": PASSWORD},
                           content_type="application/json")
    assert response.status_code == 200
    return response.json()["token"]


def _me(client, token):
    return client.get(reverse("api-cases"), HTTP_AUTHORIZATION=f"Token {token}").status_code


def test_a_token_is_stored_only_as_its_hash(client, applicant):
    token = _token(client, applicant)
    assert _me(client, token) == 200
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {ApiToken._meta.db_table}")
        stored = [str(value) for row in cursor.fetchall() for value in row]
    assert stored and not any(token in value for value in stored)


def test_a_token_expires(client, applicant, settings):
    token = _token(client, applicant)
    ApiToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert _me(client, token) in (401, 403)
    settings.API_TOKEN_LIFETIME = timedelta(days=2)
    fresh = client.post(reverse("api-token"), {"email": applicant.email, "password": PASSWORD},
                        content_type="application/json").json()
    assert abs(timezone.datetime.fromisoformat(fresh["expires_at"]) - timezone.now() - timedelta(days=2)) \
        < timedelta(minutes=1)


def test_a_password_change_ends_every_token(client, applicant):
    token = _token(client, applicant)
    applicant.set_password("a-new-long-secret-77")
    applicant.save()
    assert _me(client, token) in (401, 403)


def test_the_owner_drops_their_tokens_on_request(client, applicant):
    token, other = _token(client, applicant), _token(client, applicant)
    response = client.delete(reverse("api-token"), HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 204
    assert _me(client, token) in (401, 403) and _me(client, other) in (401, 403)
    assert client.delete(reverse("api-token")).status_code in (401, 403)


def test_the_admin_shows_no_tokens_and_no_drafts(client, applicant):
    manager = UserFactory(role="manager", is_staff=True, is_superuser=True)
    _token(client, applicant)
    draft = draft_with_checklist(applicant=applicant)
    client.force_login(manager)
    assert client.get("/admin/authtoken/tokenproxy/").status_code == 404
    assert client.get("/admin/authtoken/token/").status_code == 404
    listing = client.get(reverse("admin:applications_case_changelist"))
    assert listing.status_code == 200 and draft.reference not in listing.content.decode()
    assert client.get(reverse("admin:applications_case_change", args=[draft.pk])).status_code == 302  # "not found"
    for name in ("document", "checklistitem", "caseevent"):
        page = client.get(reverse(f"admin:applications_{name}_changelist"))
        assert page.status_code == 200 and draft.reference not in page.content.decode(), name

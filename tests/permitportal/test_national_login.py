"""Issue 20, item 1 and 5: which account a national login (OpenID Connect) logs in to, the throttle it
shares with the password, and the identity's place in the data export and the account's deletion.
The end-to-end login against a real provider is tests/e2e/test_national_login.py."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

from permitportal.accounts import oidc, services_data
from permitportal.accounts.models import LoginAttempt, NationalIdentity, User
from permitportal.accounts.services_identity import IdentityRefused, log_in_national_identity
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ANNA = {"sub": "s-1", "email": "anna@example.dk", "email_verified": True, "name": "Anna Andersen"}


@pytest.fixture
def configured(settings):
    settings.OIDC_OP_ISSUER = "http://127.0.0.1:1"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "http://127.0.0.1:1/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:1/token"  # nothing listens: the exchange fails at once
    settings.OIDC_OP_USER_ENDPOINT = "http://127.0.0.1:1/me"
    settings.OIDC_OP_JWKS_ENDPOINT = "http://127.0.0.1:1/jwks"
    settings.OIDC_RP_CLIENT_ID = "permitportal"
    settings.OIDC_RP_CLIENT_SECRET = "secret"
    settings.OIDC_TIMEOUT = 2


def test_a_first_login_links_only_through_an_address_the_provider_verified():
    owner = UserFactory(email="anna@example.dk")
    with pytest.raises(IdentityRefused):
        log_in_national_identity(claims={**ANNA, "email_verified": False})
    assert not NationalIdentity.objects.exists()
    assert log_in_national_identity(claims=ANNA) == owner
    assert log_in_national_identity(claims={**ANNA, "email": "other@example.dk"}) == owner  # by the identity now
    identity = NationalIdentity.objects.get()
    assert identity.verified_name == "Anna Andersen" and "s-1" not in identity.subject_hash


def test_linking_an_unconfirmed_registration_removes_its_password():
    squatter = UserFactory(email="anna@example.dk", email_verified=False, is_active=False)
    user = log_in_national_identity(claims=ANNA)
    assert user == squatter
    user.refresh_from_db()
    assert user.email_verified and user.is_active and not user.has_usable_password()


def test_a_closed_account_and_a_second_identity_are_refused():
    UserFactory(email="anna@example.dk", is_active=False)
    with pytest.raises(IdentityRefused):
        log_in_national_identity(claims=ANNA)
    owner = UserFactory(email="bo@example.dk")
    log_in_national_identity(claims={"sub": "s-2", "email": "bo@example.dk", "email_verified": True})
    with pytest.raises(IdentityRefused):
        log_in_national_identity(claims={"sub": "s-3", "email": "bo@example.dk", "email_verified": True})
    assert NationalIdentity.objects.get().user == owner


def test_a_new_identity_gets_an_applicant_account_with_a_valid_cvr_only():
    user = log_in_national_identity(claims={**ANNA, "cvr": "12345678"})
    assert user.groups.filter(name="applicant").exists() and user.full_name == "Anna Andersen"
    assert user.national_identity.cvr == "12345678"
    log_in_national_identity(claims={**ANNA, "cvr": "12<script>"})
    assert NationalIdentity.objects.get().cvr == ""


def _callback_request():
    request = RequestFactory().get("/accounts/national-login/callback/", {"code": "c", "state": "s"})
    request.session = {}
    return request


def test_the_national_login_goes_through_the_login_throttle(configured, settings):
    backend = oidc.NationalLoginBackend()
    for _ in range(settings.LOGIN_FAILURE_LIMIT + 1):
        try:
            assert backend.authenticate(_callback_request()) is None  # the token exchange fails
        except PermissionDenied:
            break
    failures = LoginAttempt.objects.filter(email=oidc.THROTTLE_KEY).count()
    assert failures >= settings.LOGIN_FAILURE_LIMIT
    request = _callback_request()
    with pytest.raises(PermissionDenied):
        backend.authenticate(request)
    assert request.login_wait_seconds > 0
    assert LoginAttempt.objects.filter(email=oidc.THROTTLE_KEY).count() == failures  # not even tried


def test_a_password_login_never_reaches_the_provider(client, configured):
    UserFactory(email="p@example.dk")
    answer = client.post(reverse("accounts:login"), {"email": "p@example.dk", "password": PASSWORD})
    assert answer.status_code == 302
    assert not LoginAttempt.objects.filter(email=oidc.THROTTLE_KEY).exists()


def test_the_login_page_offers_the_national_login_only_when_configured(client, settings):
    assert "Log in with MitID" not in client.get(reverse("accounts:login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    settings.OIDC_RP_CLIENT_ID = "permitportal"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "http://127.0.0.1:1/auth"
    assert "Log in with MitID" in client.get(reverse("accounts:login")).content.decode()
    start = client.get(reverse("oidc_authentication_init"))
    assert start.status_code == 302 and start["Location"].startswith("http://127.0.0.1:1/auth?")
    assert "code_challenge=" in start["Location"]


def test_the_identity_is_in_the_export_and_goes_with_the_account(client):
    user = log_in_national_identity(claims={**ANNA, "cvr": "12345678"})
    data = services_data.export_personal_data(user=user)
    assert data["national_login"]["verified_name"] == "Anna Andersen"
    assert data["national_login"]["cvr"] == "12345678"
    assert data["national_login"]["person_identifier_sha256"] == user.national_identity.subject_hash
    client.force_login(user)
    page = client.get(reverse("accounts:delete_account"))
    assert b'name="password"' not in page.content  # no password to confirm with
    answer = client.post(reverse("accounts:delete_account"), {"confirm": "on"})
    assert answer.status_code == 302
    assert not User.objects.exists() and not NationalIdentity.objects.exists()

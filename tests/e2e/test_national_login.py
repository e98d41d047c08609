"""The national login end to end in the browser, against a real OpenID provider: the certified
`oidc-provider` package run by node (tests/oidc/provider.mjs, installed by `make test` with `npm ci`).
A first login links an existing account through the provider's verified e-mail address, a refusal at
the provider and an identity without a verified address come back to the login page with a sentence,
and a new identity gets a new account with its CVR number."""

import re
import socket
import subprocess
from pathlib import Path

import pytest

from permitportal.accounts.models import NationalIdentity, User
from tests.factories import UserFactory

OIDC_DIR = Path(__file__).resolve().parents[1] / "oidc"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_provider(live_server):
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        pytest.fail("the test OpenID provider is not installed: run `make test` (npm ci in tests/oidc)")
    port = _free_port()
    process = subprocess.Popen(
        ["node", "provider.mjs"], cwd=OIDC_DIR, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={"PATH": "/usr/local/bin:/usr/bin:/bin", "ISSUER_PORT": str(port),
             "REDIRECT_URI": f"{live_server.url}/accounts/national-login/callback/"})
    try:
        line = process.stdout.readline()
        if not line.startswith("ready "):
            pytest.fail(f"the test OpenID provider did not start: {line!r}")
        yield line.split()[1]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def national_login(oidc_provider, settings):
    settings.OIDC_OP_ISSUER = oidc_provider
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{oidc_provider}/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{oidc_provider}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{oidc_provider}/me"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{oidc_provider}/jwks"
    settings.OIDC_RP_CLIENT_ID = "permitportal"
    settings.OIDC_RP_CLIENT_SECRET = "permitportal-test-secret"
    settings.OIDC_CLAIM_PERSON_ID = "person_id"
    return oidc_provider


def _at_provider(page, axe, account=None):
    """From the portal's login page through the provider's: log in as ``account``, or cancel."""
    page.goto("/accounts/login/")
    axe(page, "login-national")
    page.get_by_role("link", name="Log in with MitID").click()
    page.wait_for_url(re.compile(r"/interaction/"))
    if account is None:
        page.get_by_role("button", name="Cancel").click()
    else:
        page.get_by_label("Account").fill(account)
        page.get_by_role("button", name="Log in").click()


@pytest.mark.django_db(transaction=True)
def test_first_national_login_links_the_account_with_the_verified_address(page, axe, national_login, live_server):
    existing = UserFactory(email="anna@example.dk", full_name="Anna A.", role="applicant")
    _at_provider(page, axe, "anna")
    page.wait_for_url(f"{live_server.url}/")
    page.goto("/accounts/settings/")
    assert page.locator("[data-verified-name]").inner_text() == "Anna Mitid Andersen"
    axe(page, "settings-national-identity")
    identity = NationalIdentity.objects.get()
    assert identity.user_id == existing.pk and User.objects.count() == 1
    assert "person-anna" not in identity.subject_hash  # the identifier itself is never stored

    page.get_by_role("button", name="Log out").click()
    page.goto("/accounts/login/")  # the provider remembers its session: the next login needs no typing,
    page.get_by_role("link", name="Log in with MitID").click()  # and finds the account by the identity
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("button", name="Log out").is_visible()
    assert NationalIdentity.objects.count() == 1 and User.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_login_refused_at_the_provider_comes_back_to_the_login_page(page, axe, national_login):
    _at_provider(page, axe, None)
    page.wait_for_url(re.compile(r"/accounts/login/$"))
    assert "You were not logged in with the national login." in page.locator("body").inner_text()
    axe(page, "login-national-refused")
    assert not User.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_identity_without_a_verified_address_is_refused(page, axe, national_login):
    UserFactory(email="carl@example.dk", role="applicant")  # the same address, unverified by the provider
    _at_provider(page, axe, "carl")
    page.wait_for_url(re.compile(r"/accounts/login/$"))
    assert "has no confirmed e-mail address" in page.locator("body").inner_text()
    axe(page, "login-national-unverified")
    assert not NationalIdentity.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_new_business_identity_gets_an_account_with_its_cvr_number(page, axe, national_login, live_server):
    _at_provider(page, axe, "bo")
    page.wait_for_url(f"{live_server.url}/")
    page.goto("/accounts/settings/")
    body = page.locator("body").inner_text()
    assert "Bo Bygherre" in body and "12345678" in body
    user = User.objects.get()
    assert user.email == "bo@example.dk" and user.email_verified and not user.has_usable_password()
    assert user.groups.filter(name="applicant").exists()

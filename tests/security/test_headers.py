"""Security headers on HTML pages, API answers and file downloads; the API token endpoint is throttled."""

import pytest
from django.urls import reverse

from permitportal.accounts.models import ApiToken
from permitportal.accounts.services import issue_api_token
from tests.factories import PASSWORD


def assert_security_headers(response, *, download=False):
    csp = response.headers.get("Content-Security-Policy", "")
    if download:  # a stored file is never run as a page: nothing may load, and it is sandboxed
        assert "default-src 'none'" in csp and "sandbox" in csp, csp
    else:
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp, csp
        assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("X-Frame-Options") == "DENY"
    assert response.headers.get("Referrer-Policy") == "same-origin"
    assert response.headers.get("Cross-Origin-Opener-Policy") == "same-origin"


def test_html_pages(client, world):
    for url in (reverse("home"), reverse("accounts:login")):
        response = client.get(url)
        assert response.status_code == 200
        assert_security_headers(response)
    client.force_login(world.applicant)
    response = client.get(reverse("applications:case_detail", args=[world.case.reference]))
    assert response.status_code == 200
    assert_security_headers(response)


def test_error_pages(client, world):
    client.force_login(world.applicant)
    response = client.get("/cases/B-2099-99999/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_api_answers(client, world):
    token = issue_api_token(user=world.applicant)[0]
    for url in (reverse("api-cases"), reverse("api-case-detail", args=[world.case.reference]),
                reverse("api-case-detail", args=["B-2099-99999"])):
        response = client.get(url, HTTP_AUTHORIZATION=f"Token {token}")
        assert response.status_code in (200, 404)
        assert response["Content-Type"].startswith("application/json")
        assert_security_headers(response)


def test_file_downloads(client, world):
    client.force_login(world.applicant)
    response = client.get(reverse("applications:document_download", args=[world.case.reference,
                                                                          world.document.pk]))
    assert response.status_code == 200
    assert_security_headers(response, download=True)
    assert response["Content-Disposition"].startswith("attachment")
    response = client.get(reverse("predialogue:sketch_download", args=[world.meeting.pk, world.sketch.pk]))
    assert response.status_code == 200
    assert_security_headers(response, download=True)
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("lang", ["en"])
def test_the_token_endpoint_is_throttled(client, world, settings, lang):
    settings.LOGIN_FAILURE_LIMIT = 3
    url = reverse("api-token")
    for _ in range(3):
        response = client.post(url, {"email": world.applicant.email, "password": "wrong-password"},
                               content_type="application/json")
        assert response.status_code == 400
        assert "not right" in response.json()["message"]
    response = client.post(url, {"email": world.applicant.email, "password": PASSWORD},
                           content_type="application/json")
    assert response.status_code in (400, 429)
    assert "Too many failed attempts" in response.json()["message"]
    assert not ApiToken.objects.filter(user=world.applicant).exists()


def test_the_token_endpoint_throttles_by_client_address_too(client, db, settings):
    """Guessing many different e-mail addresses from one address is throttled as well."""
    from tests.factories import UserFactory

    settings.LOGIN_FAILURE_LIMIT = 3
    victim = UserFactory(email="victim@example.dk")
    url = reverse("api-token")
    for n in range(12):  # 4 x the limit of different addresses from one client
        client.post(url, {"email": f"guess{n}@example.dk", "password": "nope-nope"}, content_type="application/json")
    response = client.post(url, {"email": victim.email, "password": PASSWORD}, content_type="application/json")
    assert response.status_code in (400, 429)
    assert "Too many failed attempts" in response.json()["message"]


def test_the_server_error_page_is_clear_and_needs_nothing(db):
    """The 500 page renders without a request context (the database may be down) and leaks nothing."""
    from django.test import RequestFactory
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in page and "try again" in page
    assert "Traceback" not in page

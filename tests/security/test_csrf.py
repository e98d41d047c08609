"""A POST without a CSRF token is refused on every HTML URL of the project, and on the API with a session."""

import pytest
from django.test import Client
from django.urls import reverse

from applications.models import Case
from tests.factories import PASSWORD
from tests.security.conftest import walk_patterns
from tests.security.test_url_sweep import kwargs_for

DUMMY = {"token": "abc123", "uidb64": "MQ", "reference": "B-2026-00001", "pk": 1, "code": "site-plan",
         "sketch_pk": 1, "session_pk": 1, "registration_pk": 1, "hearing_id": 1, "party_id": 1,
         "firm_id": 1, "member_id": 1}


def html_urls():
    found = []
    for name, route, pattern in walk_patterns():
        if route.startswith("api/") or (route.startswith("admin/") and name != "admin:login"):
            continue
        found.append((name, route, tuple(sorted(pattern.pattern.regex.groupindex))))
    return sorted(set(found))


HTML_URLS = html_urls()


def test_the_sweep_covers_the_html_urls():
    names = {n for n, _, _ in HTML_URLS}
    assert {"accounts:login", "accounts:register", "applications:submit", "applications:upload",
            "applications:decide", "dialogueteam:contact_create", "predialogue:request",
            "satisfaction:survey", "admin:login"} <= names
    assert len(HTML_URLS) >= 90


def _kwargs(name, route, keys, world):
    object_keys = [k for k in keys if k not in ("token", "uidb64")]
    try:
        kwargs = kwargs_for(name, route, object_keys, world)
    except AssertionError:
        kwargs = {k: DUMMY[k] for k in object_keys}
    kwargs.update({k: DUMMY[k] for k in keys if k in ("token", "uidb64")})
    return kwargs


@pytest.mark.parametrize("who", ["anonymous", "applicant", "caseworker"])
def test_every_html_post_without_a_token_is_refused(world, who, caseworker):
    client = Client(enforce_csrf_checks=True)
    if who == "applicant":
        client.force_login(world.applicant)
    elif who == "caseworker":
        client.force_login(caseworker)
    before = Case.objects.get(pk=world.case.pk).status
    accepted = []
    for name, route, keys in HTML_URLS:
        url = reverse(name, kwargs=_kwargs(name, route, keys, world))
        response = client.post(url, {"description": "x", "decision": "accept"})
        if response.status_code != 403:
            accepted.append(f"POST {url} -> {response.status_code}")
    assert not accepted, "\n".join(accepted)
    assert Case.objects.get(pk=world.case.pk).status == before


def test_the_refusal_is_the_csrf_check(world):
    """With the token the same form is processed, so the 403 above really came from the CSRF check."""
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))
    token = client.cookies["csrftoken"].value
    response = client.post(reverse("accounts:login"), {"email": world.applicant.email, "password": PASSWORD,
                                                        "csrfmiddlewaretoken": token})
    assert response.status_code == 302


def test_the_api_with_a_session_needs_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.applicant)
    url = reverse("api-case-submit", args=[world.draft.reference])
    response = client.post(url, content_type="application/json", data={})
    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]
    response = client.post(reverse("api-cases"), content_type="application/json", data={})
    assert response.status_code == 403
    assert Case.objects.filter(applicant=world.applicant).count() == 2


def test_the_api_with_a_token_needs_no_csrf_token(world):
    from permitportal.accounts.services import issue_api_token

    client = Client(enforce_csrf_checks=True)
    token = issue_api_token(user=world.applicant)[0]
    response = client.get(reverse("api-case-detail", args=[world.case.reference]),
                          HTTP_AUTHORIZATION=f"Token {token}")
    assert response.status_code == 200

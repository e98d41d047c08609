import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language,expected", [("en", "Contact us"), ("da", "Kontakt os")])
def test_home_page_shows_the_four_actions_and_contact_points(client, language, expected, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    body = client.get("/").content.decode()
    assert f'lang="{language}"' in body
    assert expected in body
    contact = settings.PORTAL_CONTACT_POINTS
    assert contact["dialogue_team"]["phone"] in body
    assert contact["customer_centre"]["address"] in body
    assert contact["dialogue_team"]["hours"][language] in body
    assert 'href="#main"' in body and 'id="main"' in body
    assert "cdn" not in body.lower()


def test_home_page_query_count(client, django_assert_max_num_queries, applicant):
    client.force_login(applicant)
    with django_assert_max_num_queries(4):
        client.get("/")


def test_healthz_reports_database_and_broker(client):
    data = client.get("/healthz").json()
    assert data["database"] == "ok"
    assert data["broker"] in {"ok", "in-process"}
    assert data["status"] == "ok"


def test_security_headers_are_set(client):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_token_endpoint_gives_a_token_that_authenticates():
    user = UserFactory(email="api@example.dk")
    client = Client()
    response = client.post("/api/v1/auth/token/", {"email": "api@example.dk", "password": PASSWORD},
                           content_type="application/json")
    assert response.status_code == 200
    token = response.json()["token"]
    assert token
    from permitportal.accounts.selectors import user_for_api_token

    assert user_for_api_token(key=token) == user


def test_token_endpoint_answers_bad_credentials_with_a_message():
    response = Client().post("/api/v1/auth/token/", {"email": "nobody@example.dk", "password": "x"},
                             content_type="application/json")
    assert response.status_code == 400
    assert "not right" in response.json()["message"]


def test_api_errors_are_json_with_a_message():
    response = Client().post("/api/v1/auth/token/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/auth/token/" in schema.content
    docs = client.get(reverse("api-docs"))
    assert docs.status_code == 200
    assert b"swagger-ui" in docs.content.lower()

"""403, 404 and 500 pages in the portal's frame, in both languages, with a way back and the contact points."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db

PHONE = "+45 33 66 52 00"


def _in_frame(page: str):
    assert 'aria-label="Main menu"' in page or 'aria-label="Hovedmenu"' in page
    assert PHONE in page  # the contact points
    assert f'href="{reverse("home")}"' in page


def test_a_missing_page_is_a_portal_page_with_a_way_back(client):
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "We cannot find that page" in page
    assert "Go to the front page" in page
    _in_frame(page)


def test_a_missing_page_speaks_danish(client):
    client.cookies["django_language"] = "da"
    page = client.get("/no-such-page/").content.decode()
    assert 'lang="da"' in page
    assert "Vi kan ikke finde siden" in page and "Gå til forsiden" in page
    _in_frame(page)


def test_a_refused_page_says_why_and_leads_to_the_reader_s_own_start(client, applicant):
    client.force_login(applicant)
    response = client.get(reverse("applications:queue"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Only caseworkers have access to this page." in page  # the message the code raises
    assert f'href="{reverse("applications:my_applications")}"' in page and "Go to your start page" in page
    _in_frame(page)


def test_a_refused_page_in_danish(client, applicant):
    applicant.preferred_language = "da"
    applicant.save(update_fields=["preferred_language"])
    client.cookies["django_language"] = "da"
    client.force_login(applicant)
    page = client.get(reverse("applications:queue")).content.decode()
    assert "Du har ikke adgang til denne side" in page
    assert "Kun sagsbehandlere har adgang til denne side." in page
    _in_frame(page)


def test_the_server_error_page_has_the_frame_and_the_contact_points(db):
    page = server_error(RequestFactory().get("/")).content.decode()
    assert "Something went wrong on our side" in page
    _in_frame(page)
    assert "Traceback" not in page

"""After logging in, each role lands on its own work, unless the login was asked for on the way to a page."""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("role", "url_name"), [
    ("applicant", "applications:my_applications"),
    ("caseworker", "applications:queue"),
    ("dialogue_team", "dialogueteam:lookup"),
    ("manager", "satisfaction:dashboard"),
])
def test_each_role_lands_on_its_own_page(client, role, url_name):
    user = UserFactory(role=role)
    response = client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse(url_name)
    assert client.get(response["Location"]).status_code == 200


def test_a_manager_who_also_handles_cases_lands_on_the_dashboard(client):
    user = UserFactory(role="caseworker")
    user.groups.add(UserFactory(role="manager").groups.get())
    response = client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("satisfaction:dashboard")


def test_a_next_page_wins(client):
    user = UserFactory(role="caseworker")
    target = reverse("applications:guidance_index")
    response = client.post(reverse("accounts:login") + f"?next={target}", {"email": user.email, "password": PASSWORD})
    assert response["Location"] == target


def test_someone_without_a_role_lands_on_the_front_page(client):
    user = UserFactory()
    response = client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("home")

import re

import pytest
from django.core import mail

from permitportal.accounts.models import User


@pytest.mark.django_db(transaction=True)
def test_home_page_in_english_and_danish(page, axe, settings):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Build, extend, change or demolish?"
    assert settings.PORTAL_CONTACT_POINTS["dialogue_team"]["phone"] in page.locator("footer").inner_text()
    axe(page, "home-en")
    page.get_by_role("button", name="Dansk").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "da"
    assert "Kontakt os" in page.locator("footer").inner_text()
    axe(page, "home-da")
    page.get_by_role("button", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.django_db(transaction=True)
def test_register_verify_and_log_in(page, axe, live_server):
    page.goto("/")
    page.get_by_role("link", name="Create account").first.click()
    axe(page, "register")
    page.get_by_role("button", name="Create account").click()
    assert page.locator("#error-summary").is_visible()
    axe(page, "register-errors")
    page.get_by_label("Full name").fill("Søren Ærø")
    page.get_by_label("E-mail address").fill("soren@example.dk")
    page.get_by_label("Password", exact=True).fill("et-langt-kodeord-77")
    page.get_by_label("Repeat the password").fill("et-langt-kodeord-77")
    page.get_by_role("button", name="Create account").click()
    assert page.get_by_role("heading", name="Check your e-mail").is_visible()
    axe(page, "register-done")
    link = re.search(r"https?://\S+/accounts/verify/\S+/", mail.outbox[-1].body).group(0)
    path = "/accounts/" + link.split("/accounts/", 1)[1]
    page.goto(path)
    assert "logged in" in page.locator(".messages").inner_text()
    assert User.objects.get(email="soren@example.dk").is_active
    page.get_by_role("button", name="Log out").click()
    page.get_by_role("link", name="Log in").first.click()
    axe(page, "login")
    page.get_by_label("E-mail address").fill("soren@example.dk")
    page.get_by_label("Password").fill("wrong-password")
    page.get_by_role("button", name="Log in").click()
    assert "not right" in page.locator("#error-summary").inner_text()
    page.get_by_label("Password").fill("et-langt-kodeord-77")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("button", name="Log out").is_visible()

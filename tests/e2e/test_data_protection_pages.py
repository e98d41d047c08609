"""The "Your data" pages: reachable from the settings, accessible (axe), in English and Danish."""

import pytest

from tests.factories import PASSWORD, UserFactory


@pytest.mark.django_db(transaction=True)
def test_your_data_and_deleting_the_account(page, axe):
    user = UserFactory(email="data@example.dk", role="applicant")
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/accounts/settings/")
    page.get_by_role("link", name="Your data and your account").click()
    assert page.locator("h1").inner_text() == "Your data"
    axe(page, "my-data")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data (JSON)").click()
    assert download.value.suggested_filename.endswith(".json")
    page.get_by_role("link", name="Delete my account").click()
    axe(page, "delete-account")
    page.get_by_role("button", name="Delete my account").click()
    assert page.locator("#error-summary").is_visible()
    axe(page, "delete-account-errors")
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_label("I understand").check()
    page.get_by_role("button", name="Delete my account").click()
    assert "Your account and your drafts are deleted." in page.locator("body").inner_text()


@pytest.mark.django_db(transaction=True)
def test_your_data_in_danish(page, axe):
    user = UserFactory(email="data-da@example.dk", role="applicant", preferred_language="da")
    page.goto("/accounts/login/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto("/accounts/my-data/")
    assert page.locator("html").get_attribute("lang") == "da"
    assert page.locator("h1").inner_text() == "Dine data"
    axe(page, "my-data-da")

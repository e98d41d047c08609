"""Firm accounts in a browser (issue 20, item 3): the administrator creates the firm of their verified CVR, adds a
colleague, starts an application on the firm's behalf; the colleague sees it in their list with the firm named;
once removed, the colleague sees it no more. axe on every page."""

import re

import pytest

from applications.models import Case
from applications.services.catalogue import load_catalogue
from permitportal.accounts.models import NationalIdentity
from tests.applications.factories import PropertyFactory
from tests.e2e.test_caseworker_journey import log_in, new_page
from tests.factories import UserFactory

SCREENS = "/tmp/firms-screens"


@pytest.mark.django_db(transaction=True)
def test_a_firm_from_creation_to_a_member_leaving(page, axe, browser, live_server):
    import os

    os.makedirs(SCREENS, exist_ok=True)
    load_catalogue()
    prop = PropertyFactory(address="Havnegade 3", postcode="2100", city="København Ø")
    admin = UserFactory(role="applicant", full_name="Anna Arkitekt")
    NationalIdentity.objects.create(user=admin, subject_hash="x", verified_name="Anna Arkitekt", cvr="12345678")
    colleague = UserFactory(role="applicant", full_name="Carl Kollega")

    log_in(page, admin)
    page.goto("/cases/")
    page.get_by_role("link", name="Your firms").click()
    axe(page, "firm-01-firms")
    page.get_by_label("The firm's name").fill("Arkitekt & Co ApS")
    page.get_by_role("button", name="Create the firm").click()
    assert "You are its administrator" in page.locator(".messages").inner_text()
    axe(page, "firm-02-firm")
    page.get_by_label("The new member's e-mail address").fill(colleague.email)
    page.get_by_role("button", name="Add the member").click()
    assert f"{colleague.email} is now a member" in page.locator(".messages").inner_text()
    axe(page, "firm-03-member-added")
    page.screenshot(path=f"{SCREENS}/firm-03-member-added.png", full_page=True)

    # An application on the firm's behalf (the expert path).
    page.goto(f"/guide/expert/?property={prop.pk}")
    page.get_by_label(re.compile("^Arkitekt & Co ApS")).check()
    axe(page, "firm-04-expert-on-behalf")
    page.get_by_role("button", name="Start your application").click()
    page.wait_for_url(re.compile(r"/cases/B-\d{4}-\d{5}/edit/"))
    reference = re.search(r"B-\d{4}-\d{5}", page.url).group(0)
    assert Case.objects.get(reference=reference).firm.name == "Arkitekt & Co ApS"

    context, other = new_page(browser, live_server)
    try:
        log_in(other, colleague)
        other.goto("/cases/")
        assert reference in other.locator("main").inner_text()
        assert "On behalf of Arkitekt & Co ApS" in other.locator("main").inner_text()
        axe(other, "firm-05-colleagues-list")
        other.screenshot(path=f"{SCREENS}/firm-05-colleagues-list.png", full_page=True)

        page.goto(page.url.split("/cases/")[0] + "/accounts/firms/")
        page.get_by_role("link", name="Arkitekt & Co ApS").click()
        page.get_by_role("button", name=f"Remove {colleague.email}").click()
        assert "is no longer a member" in page.locator(".messages").inner_text()
        axe(page, "firm-06-member-removed")

        other.goto("/cases/")
        assert reference not in other.locator("main").inner_text()
        response = other.goto(f"/cases/{reference}/edit/")
        assert response.status == 404
    finally:
        context.close()

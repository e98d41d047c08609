"""The address autocomplete in a real browser: ARIA combobox, keyboard, the chosen id, axe."""

import pytest
from playwright.sync_api import expect

from tests.applications.factories import PropertyFactory

pytestmark = [pytest.mark.urls("tests.e2e.urls_address_autocomplete"), pytest.mark.django_db(transaction=True)]


@pytest.fixture
def register():
    return [
        PropertyFactory(address="Æbeløgade 4", postcode="2100", city="København Ø"),
        PropertyFactory(address="Æbeløgade 10", postcode="2100", city="København Ø"),
        PropertyFactory(address="Østerbrogade 12", postcode="2100", city="København Ø"),
    ]


def test_keyboard_choice_writes_the_id(page, axe, register):
    page.goto("/test/address/")
    field = page.get_by_role("combobox", name="Address of the property")
    assert field.get_attribute("aria-expanded") == "false"
    field.press_sequentially("ÆBELØ", delay=20)
    options = page.get_by_role("option")
    options.first.wait_for()
    assert options.all_inner_texts() == ["Æbeløgade 10, 2100 København Ø", "Æbeløgade 4, 2100 København Ø"]
    assert field.get_attribute("aria-expanded") == "true"
    expect(page.locator(".autocomplete [role=status]")).to_contain_text("2 addresses found")
    axe(page, "address-autocomplete-open")

    field.press("ArrowDown")
    field.press("ArrowDown")
    active = field.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").inner_text() == "Æbeløgade 4, 2100 København Ø"
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    field.press("Enter")
    assert field.input_value() == "Æbeløgade 4, 2100 København Ø"
    assert field.get_attribute("aria-expanded") == "false"
    assert page.locator("input[type=hidden][name=property]").input_value() == str(register[0].pk)
    assert page.locator("input[type=hidden][name=property]").count() == 1, "the page's own hidden input is reused"

    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**property=*")
    assert page.locator("#chosen").inner_text() == str(register[0].pk)


def test_typing_again_clears_the_choice_and_escape_closes(page, register):
    page.goto("/test/address/")
    field = page.get_by_role("combobox", name="Address of the property")
    field.press_sequentially("øster", delay=20)
    page.get_by_role("option", name="Østerbrogade 12, 2100 København Ø").click()
    hidden = page.locator("input[type=hidden][name=property]")
    assert hidden.input_value() == str(register[2].pk)
    field.press("Backspace")
    assert hidden.input_value() == ""
    page.get_by_role("option").first.wait_for()
    field.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    assert page.get_by_role("listbox").is_hidden()


def test_no_match_is_announced(page, register):
    page.goto("/test/address/")
    field = page.get_by_role("combobox", name="Address of the property")
    field.press_sequentially("Zzzvej", delay=20)
    expect(page.locator(".autocomplete [role=status]")).to_contain_text("No addresses found")
    assert field.get_attribute("aria-expanded") == "false"


def test_works_without_javascript(browser, live_server, register):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/test/address/")
    field = page.get_by_label("Address of the property")
    assert field.get_attribute("role") is None
    field.fill("Æbeløgade 4")
    page.get_by_role("button", name="Search").click()
    assert "q=%C3%86bel%C3%B8gade+4" in page.url
    context.close()


def test_danish_texts(browser, live_server, register):
    context = browser.new_context(base_url=live_server.url, locale="da-DK")
    page = context.new_page()
    page.goto("/test/address/")
    field = page.get_by_role("combobox", name="Ejendommens adresse")
    field.press_sequentially("æbeløgade", delay=20)
    expect(page.locator(".autocomplete [role=status]")).to_contain_text("2 adresser fundet")
    context.close()

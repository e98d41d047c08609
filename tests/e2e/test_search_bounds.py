"""Issue 14 item 10 in a real browser: a search of too many words on the guide's address step says
what is wrong where the results would be, and the page passes axe."""

import pytest
from playwright.sync_api import expect

from applications.services.catalogue import load_catalogue
from tests.applications.factories import PropertyFactory


@pytest.fixture
def register(transactional_db):
    load_catalogue()
    return PropertyFactory(address="Æbeløgade 4", postcode="2100", city="København Ø")


@pytest.mark.parametrize("path", ["/guide/property/", "/guide/expert/"])
def test_too_many_words_are_refused_with_a_message(page, axe, register, path):
    page.goto(path)
    search = page.get_by_role("combobox", name="Address of the property")
    search.fill(" ".join(f"vej{i}" for i in range(12)))
    search.press("Tab")  # leave the suggestions: search without JavaScript's help
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("alert")).to_contain_text("Search with at most 10 words")
    axe(page, "search-bounds" + path.replace("/", "-").rstrip("-"))

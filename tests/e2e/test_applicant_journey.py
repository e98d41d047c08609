"""The whole applicant journey in the browser, home page to receipt, in English and Danish, with axe
on every page."""

import re

import pytest

from applications.models import Case
from applications.services.catalogue import load_catalogue
from tests.applications.factories import PropertyFactory
from tests.applications.pdfs import pdf_bytes
from tests.factories import PASSWORD, UserFactory

# Answers that lead to a small-building application (a 60 m² garage: more than 50 m² of small buildings).
PREFERRED = {"project": "small-building", "small-total-area": "over-50"}


def _log_in(page, email):
    page.goto("/accounts/login/")
    page.locator("#id_email").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "da"])
def test_home_to_receipt(page, axe, language, tmp_path):
    load_catalogue()
    PropertyFactory(address="Æbeløgade 4", postcode="2100", city="København Ø", year_built=1932)
    user = UserFactory(role="applicant", preferred_language=language, email=f"journey-{language}@example.dk")
    _log_in(page, user.email)
    assert page.locator("html").get_attribute("lang") == language
    axe(page, f"journey-{language}-01-home")

    page.locator("main a[href='/guide/']").first.click()
    page.wait_for_load_state()
    axe(page, f"journey-{language}-02-guide-start")
    page.locator("input[type=radio]").first.check()
    page.locator("main form button[type=submit]").first.click()

    page.wait_for_url(re.compile(r"/guide/property/"))
    page.locator("input[name=q]").fill("æbeløgade")
    page.locator("form[role=search] button[type=submit]").click()
    page.wait_for_load_state()
    page.locator("input[type=radio][name=property]").first.check()
    axe(page, f"journey-{language}-03-property")
    page.locator("main form[method=post] button[type=submit]").first.click()

    step = 0
    while "/guide/questions/" in page.url:
        step += 1
        code = page.url.rstrip("/").rsplit("/", 1)[-1]
        axe(page, f"journey-{language}-04-question-{step}")
        preferred = PREFERRED.get(code)
        radio = page.locator(f"input[type=radio][value='{preferred}']") if preferred else None
        (radio if radio is not None and radio.count() else page.locator("input[type=radio]")).first.check()
        page.locator("form:has(input[name=action][value=answer]) button[type=submit]").click()
        page.wait_for_load_state()
        assert step < 15, "the guide does not end"

    assert "/guide/outcome/" in page.url
    axe(page, f"journey-{language}-05-outcome")
    page.locator("form[action='/cases/new/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/cases/B-\d{4}-\d{5}/edit/"))
    reference = re.search(r"B-\d{4}-\d{5}", page.url).group(0)
    axe(page, f"journey-{language}-06-project")
    page.locator("#id_description").fill("En dobbeltgarage på 60 m² ved siden af huset.")
    page.locator("input[name=applying_for][value=self]").check()
    page.locator("input[name=customer_group][value=owner]").check()
    page.get_by_role("button", name=re.compile("Save and continue|Gem og fortsæt")).click()

    page.wait_for_url(re.compile(r"/documents/"))
    axe(page, f"journey-{language}-07-documents")
    pdf = tmp_path / "tegning.pdf"
    pdf.write_bytes(pdf_bytes("Tegning"))
    for _ in range(12):
        missing = page.locator("li[data-required='1'][data-state='missing']")
        if missing.count() == 0:
            break
        item = missing.first
        item.locator("input[type=file]").first.set_input_files(str(pdf))
        item.locator("form[enctype] button[type=submit]").first.click()
        page.wait_for_load_state()
    assert page.locator("li[data-required='1'][data-state='missing']").count() == 0
    axe(page, f"journey-{language}-08-documents-done")

    page.locator(f"a[href='/cases/{reference}/check/']").last.click()
    page.wait_for_url(re.compile(r"/check/"))
    axe(page, f"journey-{language}-09-check")
    page.locator(f"form[action='/cases/{reference}/submit/'] button").click()

    page.wait_for_url(re.compile(r"/receipt/"))
    axe(page, f"journey-{language}-10-receipt")
    case = Case.objects.get(reference=reference)
    assert case.status == "submitted"
    assert reference in page.locator("main").inner_text()
    assert case.expected_decision_date is not None
    with page.expect_download() as download:
        page.locator(f"a[href='/cases/{reference}/receipt.pdf']").click()
    assert download.value.suggested_filename == f"{reference}-receipt.pdf"

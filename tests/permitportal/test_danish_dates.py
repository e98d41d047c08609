"""Danish dates: the ordinal dot ("4. december 2026"), numeric dates in tables ("18.01.2027") instead of month
abbreviations that read as English ("18 Jan 2027"), and "kl." before a time; English keeps "4 December 2026"."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from tests.applications import caseworker_support as support
from tests.factories import UserFactory

DAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(("language", "slot", "shown"), [
    ("da", "DATE_FORMAT", "4. december 2026"),
    ("da", "SHORT_DATE_FORMAT", "04.12.2026"),
    ("da", "MONTH_DAY_FORMAT", "4. december"),
    ("en", "DATE_FORMAT", "4 December 2026"),
    ("en", "SHORT_DATE_FORMAT", "4 Dec 2026"),
])
def test_each_language_writes_dates_its_own_way(language, slot, shown):
    with translation.override(language):
        assert date_format(DAY, slot) == shown


def test_a_time_with_its_weekday_in_danish():
    when = dt.datetime(2026, 12, 4, 14, 30)
    from django.template import Context, Template

    template = Template('{% load i18n %}{{ when|date:_("l j F Y, H:i") }}')
    with translation.override("da"):
        assert template.render(Context({"when": when})) == "fredag den 4. december 2026 kl. 14:30"
    with translation.override("en"):
        assert template.render(Context({"when": when})) == "Friday 4 December 2026, 14:30"


def test_the_danish_queue_shows_numeric_dates(client, db):
    case = support.submitted_case()
    worker = UserFactory(role="caseworker", preferred_language="da")
    client.force_login(worker)
    client.cookies["django_language"] = "da"
    page = client.get(reverse("applications:queue")).content.decode()
    assert case.reference in page
    assert case.expected_decision_date.strftime("%d.%m.%Y") in page
    month = re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Maj|Jun|Jul|Aug|Sep|Oct|Okt|Nov|Dec)\b")
    assert not month.search(page), month.search(page)


def test_the_danish_case_page_writes_the_expected_date_with_the_ordinal_dot(client, db):
    applicant = UserFactory(role="applicant", preferred_language="da")
    case = support.submitted_case(applicant=applicant)
    client.force_login(applicant)
    client.cookies["django_language"] = "da"
    page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    with translation.override("da"):
        assert date_format(case.expected_decision_date, "j. F Y") in page
    assert re.search(r"\b\d{1,2} (januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|"
                     r"december) \d{4}", page) is None

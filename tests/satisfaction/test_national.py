"""Issue 19, item 4: the national role sees the dashboard's figures for every municipality side by side
(processing time, first-time-complete, promises kept, satisfaction), never a case."""

import json
from datetime import date

import pytest
from django.urls import reverse

from applications.models import Municipality
from satisfaction import national
from satisfaction.models import CaseFacts, SatisfactionDay
from satisfaction.selectors import Period
from tests.applications.factories import CaseFactory, PropertyFactory
from tests.factories import UserFactory

PERIOD = Period(date(2026, 1, 1), date(2026, 6, 30))


@pytest.fixture
def figures(db):
    """København: two decided cases (10 and 20 days, one by the promised date), both complete at first
    screening; Frederiksberg: one decided case (40 days, late), not complete at first screening; answers."""
    kbh = Municipality.objects.get_or_create(code="0101", defaults={"name": "København"})[0]
    frb = Municipality.objects.create(code="0147", name="Frederiksberg")
    cases = []
    for municipality, days, promised, first_ok in ((kbh, 10, date(2026, 3, 20), True),
                                                   (kbh, 20, date(2026, 3, 1), True),
                                                   (frb, 40, date(2026, 3, 1), False)):
        case = CaseFactory(property=PropertyFactory(municipality=municipality))
        CaseFacts.objects.update_or_create(case=case, defaults={
            "municipality": municipality, "submitted_on": date(2026, 2, 1), "completed_on": date(2026, 2, 5),
            "decided_on": date(2026, 3, 10), "processing_days": days, "promised_on": promised,
            "expected_on": date(2026, 3, 20), "decided_by_first_date": promised >= date(2026, 3, 10),
            "decided_by_current_date": True, "first_screening_ok": first_ok})
        cases.append(case)
    for municipality, score_sum, count in ((kbh, 18, 4), (frb, 6, 3)):
        SatisfactionDay.objects.create(day=date(2026, 3, 10), month=date(2026, 3, 1), touchpoint="decision",
                                       channel="email", customer_group="private", municipality=municipality,
                                       invitations=count, responses=count, score_sum_1=score_sum,
                                       score_count_1=count)
    return cases


def test_the_comparison_gives_each_municipalitys_figures(figures):
    rows = {row["code"]: row for row in national.comparison(period=PERIOD)}
    assert rows["0101"] | {} == {
        "code": "0101", "name": rows["0101"]["name"], "decided": 2, "median_processing_days": 15.0,
        "submitted": 2, "screened": 2, "first_time_complete_share": 1.0, "promised": 2,
        "promises_kept_share": 0.5, "current_date_kept_share": 1.0, "responses": 4, "mean_score": 4.5}
    assert (rows["0147"]["decided"], rows["0147"]["median_processing_days"],
            rows["0147"]["first_time_complete_share"], rows["0147"]["promises_kept_share"],
            rows["0147"]["mean_score"]) == (1, 40.0, 0.0, 0.0, 2.0)


def test_the_national_role_reads_figures_and_never_a_case(client, figures, django_assert_max_num_queries):
    reader = UserFactory(role="national")
    client.force_login(reader)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("satisfaction:national"), {"from": "2026-01-01", "to": "2026-06-30"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "0147 Frederiksberg" in body and "40.0" in body
    data = client.get(reverse("api-national"), {"from": "2026-01-01", "to": "2026-06-30"}).json()
    assert [row["code"] for row in data] == ["0101", "0147"]
    for case in figures:
        assert case.reference not in body and case.reference not in json.dumps(data)
        assert client.get(reverse("applications:workspace", args=[case.reference])).status_code in (403, 404)
        assert client.get(reverse("api-case-detail", args=[case.reference])).status_code == 404
    assert client.get(reverse("satisfaction:dashboard")).status_code == 403
    assert client.get(reverse("applications:queue")).status_code in (403, 404)


def test_only_the_national_role_sees_the_comparison(client, figures):
    client.force_login(UserFactory(role="manager"))
    assert client.get(reverse("satisfaction:national")).status_code == 403
    assert client.get(reverse("api-national")).status_code == 403

"""Every KPI and every score on a hand-built world (tests/satisfaction/dataset.py) has a known value,
asserted exactly: the selectors, the API and the CSV export."""

import csv
import io

import pytest
from django.urls import reverse

from applications.models import Municipality
from satisfaction import selectors
from tests.satisfaction.dataset import PERIOD, build

ALL = Municipality.objects.values("pk")  # every municipality (a subquery, evaluated per use)


@pytest.fixture
def world(db, django_capture_on_commit_callbacks, monkeypatch):
    return build(django_capture_on_commit_callbacks, monkeypatch)


EXPECTED_KPIS = {
    "from": PERIOD.start, "to": PERIOD.end,
    "processing_time": [
        {"application_type": "kpi-a", "name": "House (kpi-a)", "service_target_days": 40, "decided": 6, "cases": 4,
         "median_days": 25.0, "p90_days": 37.7, "within_target": 3, "within_target_share": 0.75},
        {"application_type": "kpi-b", "name": "House (kpi-b)", "service_target_days": 60, "decided": 2, "cases": 2,
         "median_days": 60.0, "p90_days": 68.0, "within_target": 1, "within_target_share": 0.5},
    ],
    "complete_at_first_screening": {"submitted": 10, "screened": 10, "complete": 7, "share": 0.7},
    "information_requests_per_case": {"requests": 3, "cases": 10, "per_case": 0.3},
    "decided_by_first_promised_date": {"decided": 8, "cases": 8, "on_time": 6, "share": 0.75},
    # Each found complete the day after submission: the current date is 5 days before the first (a4 decided
    # on 23 March, its current date 22 March); x waited 4 days for information (4 May, decided 1 June).
    "decided_by_current_date": {"decided": 8, "cases": 8, "on_time": 5, "share": 0.625},
    "screened_late": {"found_complete": 6, "late": 0, "share": 0.0},
    "continuity_warnings": {"count": 2, "requests": 3},
    "first_contact_resolution": {"contacts": 4, "resolved": 3, "share": 0.75},
    "contacts_by_topic_and_channel": [
        {"topic": "documents", "topic_label": "Documents and requirements", "channel": "email",
         "channel_label": "E-mail", "count": 1, "resolved": 1},
        {"topic": "status", "topic_label": "Where the case is", "channel": "desk", "channel_label": "At the desk",
         "count": 1, "resolved": 1},
        {"topic": "status", "topic_label": "Where the case is", "channel": "phone", "channel_label": "Phone",
         "count": 2, "resolved": 1},
    ],
}


def group(key, label, invitations, responses, declined, rate, answers, mean):
    return {"key": key, "label": label, "invitations": invitations, "responses": responses, "declined": declined,
            "response_rate": rate, "answers": answers, "mean_score": mean}


EXPECTED_OVERALL = {"invitations": 21, "responses": 8, "declined": 1, "response_rate": 0.381, "answers": 24,
                    "mean_score": 3.17}
EXPECTED_TOUCHPOINTS = [
    group("dialogue_contact", "After a dialogue-team contact", 3, 1, 0, 0.3333, 4, 4.75),
    group("predialogue_meeting", "After a pre-application meeting", 0, 0, 0, None, 0, None),
    group("submission", "After submission", 10, 4, 1, 0.4, 12, 3.25),
    group("decision", "After the decision", 8, 3, 0, 0.375, 8, 2.25),
    group("hearing_answer", "After answering a hearing", 0, 0, 0, None, 0, None),
]
EXPECTED_QUESTION_MEANS = {
    "dialogue_contact": [(1, 5.0), (1, 5.0), (1, 4.0), (1, 5.0)],
    "predialogue_meeting": [(0, None)] * 4,
    "submission": [(4, 3.25), (4, 3.0), (4, 3.5)],
    "decision": [(3, 2.33), (3, 2.0), (2, 2.5)],
    "hearing_answer": [(0, None)] * 3,
}
EXPECTED_CHANNELS = [
    group("phone", "Phone", 2, 1, 0, 0.5, 4, 4.75),
    group("email", "E-mail", 0, 0, 0, None, 0, None),
    group("desk", "At the desk", 1, 0, 0, 0.0, 0, None),
    group("portal", "Portal", 18, 7, 1, 0.3889, 20, 2.85),
    group("meeting", "Meeting", 0, 0, 0, None, 0, None),
]
EXPECTED_GROUPS = [
    group("private", "Private customer", 13, 4, 1, 0.3077, 12, 2.58),
    group("professional", "Professional advisor", 3, 1, 0, 0.3333, 3, 4.0),
    group("owner", "Owner", 5, 3, 0, 0.6, 9, 3.67),
]
EXPECTED_MONTHS = [
    group("2026-01", "2026-01", 4, 3, 0, 0.75, 9, 3.67),
    group("2026-02", "2026-02", 4, 1, 0, 0.25, 4, 4.75),
    group("2026-03", "2026-03", 7, 2, 0, 0.2857, 6, 3.0),
    group("2026-04", "2026-04", 4, 0, 1, 0.0, 0, None),
    group("2026-05", "2026-05", 1, 1, 0, 1.0, 2, 1.5),
    group("2026-06", "2026-06", 1, 1, 0, 1.0, 3, 1.0),
]


def test_every_kpi_has_its_known_value(world):
    assert selectors.kpis(period=PERIOD, municipalities=ALL) == EXPECTED_KPIS


def test_every_score_has_its_known_value(world):
    summary = selectors.satisfaction_summary(period=PERIOD, municipalities=ALL)
    assert summary["from"] == PERIOD.start and summary["to"] == PERIOD.end
    assert summary["overall"] == EXPECTED_OVERALL
    touchpoints = [{k: v for k, v in row.items() if k != "questions"} for row in summary["by_touchpoint"]]
    assert touchpoints == EXPECTED_TOUCHPOINTS
    questions = {row["key"]: [(q["answers"], q["mean_score"]) for q in row["questions"]]
                 for row in summary["by_touchpoint"]}
    assert questions == EXPECTED_QUESTION_MEANS
    assert summary["by_channel"] == EXPECTED_CHANNELS
    assert summary["by_customer_group"] == EXPECTED_GROUPS
    assert summary["by_month"] == EXPECTED_MONTHS


def test_a_narrower_period_counts_only_what_happened_in_it(world):
    march = selectors.Period(PERIOD.start.replace(month=3), PERIOD.start.replace(month=3, day=31))
    kpis = selectors.kpis(period=march, municipalities=ALL)
    # Decided in March: a3 (30 days), a4 (41 days), y (never complete).
    assert kpis["processing_time"] == [
        {"application_type": "kpi-a", "name": "House (kpi-a)", "service_target_days": 40, "decided": 3, "cases": 2,
         "median_days": 35.5, "p90_days": 39.9, "within_target": 1, "within_target_share": 0.5}]
    assert kpis["decided_by_first_promised_date"] == {"decided": 3, "cases": 3, "on_time": 3, "share": 1.0}
    # Submitted in March: b1, b2 (first screening failed), x (failed), y.
    assert kpis["complete_at_first_screening"] == {"submitted": 4, "screened": 4, "complete": 2, "share": 0.5}
    assert kpis["information_requests_per_case"] == {"requests": 2, "cases": 4, "per_case": 0.5}
    assert kpis["continuity_warnings"] == {"count": 1, "requests": 2}
    assert kpis["first_contact_resolution"] == {"contacts": 1, "resolved": 1, "share": 1.0}
    summary = selectors.satisfaction_summary(period=march, municipalities=ALL)
    assert summary["overall"] == {"invitations": 7, "responses": 2, "declined": 0, "response_rate": 0.2857,
                                  "answers": 6, "mean_score": 3.0}
    assert [row["key"] for row in summary["by_month"]] == ["2026-03"]


def test_the_api_gives_the_same_figures(world, client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role="manager"))
    params = {"from": "2026-01-01", "to": "2026-06-30"}
    kpis = client.get(reverse("api-kpis"), params).json()
    assert kpis["from"] == "2026-01-01" and kpis["to"] == "2026-06-30"
    expected = {**EXPECTED_KPIS, "from": "2026-01-01", "to": "2026-06-30"}
    assert kpis == expected
    summary = client.get(reverse("api-satisfaction-summary"), params).json()
    assert summary["overall"] == EXPECTED_OVERALL
    assert [{k: v for k, v in row.items() if k != "questions"} for row in summary["by_touchpoint"]] == \
        EXPECTED_TOUCHPOINTS
    assert summary["by_month"] == EXPECTED_MONTHS
    assert summary["by_channel"] == EXPECTED_CHANNELS
    assert summary["by_customer_group"] == EXPECTED_GROUPS


def test_the_csv_export_gives_the_same_figures(world, client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role="manager"))
    response = client.get(reverse("satisfaction:export_csv"), {"from": "2026-01-01", "to": "2026-06-30"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="satisfaction-and-kpis-2026-01-01-2026-06-30.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["section", "group", "key", "label", "measure", "value"]
    values = {(r[0], r[1], r[2], r[4]): r[5] for r in rows[1:]}
    assert values[("satisfaction", "overall", "", "response_rate")] == "0.381"
    assert values[("satisfaction", "touchpoint", "submission", "mean_score")] == "3.25"
    assert values[("satisfaction", "month", "2026-04", "mean_score")] == ""
    assert values[("satisfaction", "question", "decision:1", "mean_score")] == "2.33"
    assert values[("kpi", "processing_time", "kpi-a", "p90_days")] == "37.7"
    assert values[("kpi", "processing_time", "kpi-b", "median_days")] == "60.0"
    assert values[("kpi", "complete_at_first_screening", "", "share")] == "0.7"
    assert values[("kpi", "information_requests_per_case", "", "per_case")] == "0.3"
    assert values[("kpi", "decided_by_first_promised_date", "", "share")] == "0.75"
    assert values[("kpi", "continuity_warnings", "", "count")] == "2"
    assert values[("kpi", "first_contact_resolution", "", "share")] == "0.75"
    assert values[("kpi", "contacts", "status:phone", "count")] == "2"


def test_the_dashboard_shows_the_figures(world, client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role="manager"))
    response = client.get(reverse("satisfaction:dashboard"), {"from": "2026-01-01", "to": "2026-06-30"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="figure-invitations">21<' in html
    assert 'id="figure-responses">8<' in html
    assert 'id="figure-rate">38 %<' in html
    assert 'id="figure-score">3.17<' in html
    assert 'id="kpi-first-screening">70 %<' in html
    assert 'id="kpi-requests">0.30<' in html
    assert 'id="kpi-promised">75 %<' in html
    assert 'id="kpi-continuity">2<' in html
    assert 'id="kpi-fcr">75 %<' in html
    assert "<td class=\"text-end\">37.7</td>" in html


def test_the_daily_counts_kept_by_the_services_equal_a_recount(world):
    from satisfaction import services
    from satisfaction.models import SatisfactionDay

    def rows():
        return sorted(SatisfactionDay.objects.filter(invitations__gt=0).values_list(
            "day", "month", "touchpoint", "channel", "customer_group", "invitations", "declined", "responses",
            "score_sum_1", "score_count_1", "score_sum_2", "score_count_2", "score_sum_3", "score_count_3",
            "score_sum_4", "score_count_4"))

    kept = rows()
    assert len(kept) == 23  # 21 invitations in the period and 2 in December, each on its own day or group
    services.recount_satisfaction_days()
    assert rows() == kept
    assert selectors.satisfaction_summary(period=PERIOD, municipalities=ALL)["overall"] == EXPECTED_OVERALL


def test_the_danish_csv_export_opens_in_danish_spreadsheets(world, client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(role="manager", preferred_language="da"))
    client.cookies["django_language"] = "da"
    response = client.get(reverse("satisfaction:export_csv"), {"from": "2026-01-01", "to": "2026-06-30"})
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == "section;group;key;label;measure;value"
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    values = {(r[0], r[1], r[2], r[4]): r[5] for r in rows[1:]}
    assert values[("satisfaction", "overall", "", "response_rate")] == "0,381"
    assert values[("kpi", "processing_time", "kpi-b", "median_days")] == "60,0"
    assert values[("kpi", "continuity_warnings", "", "count")] == "2"
    assert ("satisfaction", "overall", "", "invitations") in values and "Alle kontaktpunkter" in text

"""The dashboard, its CSV export and the API: managers only, a date range with clear errors, charts with a
data table, and a number of queries that does not grow with the rows."""

from datetime import date

import pytest
from django.urls import reverse

from satisfaction import facts, selectors, services
from satisfaction.models import CaseFacts, Touchpoint
from tests.applications.factories import CaseFactory
from tests.factories import UserFactory
from tests.satisfaction.helpers import invitation, token

DASHBOARD = "satisfaction:dashboard"


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


def test_only_managers_see_the_dashboard(client, db):
    url = reverse(DASHBOARD)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    for role in ("applicant", "caseworker", "dialogue_team"):
        client.force_login(UserFactory(role=role))
        assert client.get(url).status_code == 403
        assert client.get(reverse("satisfaction:export_csv")).status_code == 403
    client.force_login(UserFactory(role="manager"))
    assert client.get(url).status_code == 200


def test_only_managers_get_the_figures_from_the_api(client, db):
    for name in ("api-kpis", "api-satisfaction-summary"):
        url = reverse(name)
        assert client.get(url).status_code in (401, 403)
        client.force_login(UserFactory(role="caseworker"))
        forbidden = client.get(url)
        assert forbidden.status_code == 403
        assert forbidden.json()["message"] == "Only managers have access to the dashboard's figures."
        client.force_login(UserFactory(role="manager"))
        assert client.get(url).status_code == 200
        client.logout()


def test_the_api_with_a_token(client, manager):
    from permitportal.accounts.services import issue_api_token

    key = issue_api_token(user=manager)[0]
    response = client.get(reverse("api-kpis"), {"from": "2026-01-01", "to": "2026-01-31"},
                          HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert response.json()["from"] == "2026-01-01" and response.json()["to"] == "2026-01-31"


def test_the_nav_shows_the_dashboard_to_managers_only(client, manager, caseworker):
    client.force_login(caseworker)
    assert reverse(DASHBOARD) not in client.get(reverse("home")).content.decode()
    client.force_login(manager)
    assert f'href="{reverse(DASHBOARD)}">Dashboard</a>' in client.get(reverse("home")).content.decode()


def test_without_a_range_the_last_twelve_months(manager_client):
    import time_machine

    with time_machine.travel(date(2026, 5, 17)):
        data = manager_client.get(reverse("api-kpis")).json()
        html = manager_client.get(reverse(DASHBOARD)).content.decode()
    assert (data["from"], data["to"]) == ("2025-06-01", "2026-05-17")
    assert "From 1 June 2025 to 17 May 2026, both days included." in html
    assert selectors.default_period(date(2026, 1, 31)) == selectors.Period(date(2025, 2, 1), date(2026, 1, 31))


@pytest.mark.parametrize("params, field, message", [
    ({"from": "2026-03-01", "to": "2026-02-01"}, "to", "The end date must be on or after the start date."),
    ({"from": "1 March", "to": "2026-04-01"}, "from", "Enter the date as year-month-day, for example 2026-01-31."),
    ({"from": "2020-01-01", "to": "2026-04-01"}, "from", "Choose a period of at most three years."),
])
def test_a_wrong_range_is_explained(manager_client, params, field, message):
    api = manager_client.get(reverse("api-kpis"), params)
    assert api.status_code == 400
    assert api.json()["errors"] == {field: [message]} and message in api.json()["message"]
    assert manager_client.get(reverse("api-satisfaction-summary"), params).status_code == 400
    page = manager_client.get(reverse(DASHBOARD), params)
    assert page.status_code == 400
    html = page.content.decode()
    assert 'id="error-summary"' in html and message in html and f'href="#id_{field}"' in html
    csv = manager_client.get(reverse("satisfaction:export_csv"), params)
    assert csv.status_code == 400 and message in csv.content.decode()


def test_only_one_end_given(manager_client):
    import time_machine

    with time_machine.travel(date(2026, 5, 17)):
        only_from = manager_client.get(reverse("api-kpis"), {"from": "2026-01-01"}).json()
        only_to = manager_client.get(reverse("api-kpis"), {"to": "2026-03-31"}).json()
    assert (only_from["from"], only_from["to"]) == ("2026-01-01", "2026-05-17")
    assert (only_to["from"], only_to["to"]) == ("2025-04-01", "2026-03-31")


def test_each_chart_has_a_title_and_a_table(manager_client):
    html = manager_client.get(reverse(DASHBOARD)).content.decode()
    for chart in ("touchpoint-rate", "touchpoint-score", "channel-rate", "channel-score", "group-rate",
                  "group-score", "month-rate", "month-score"):
        assert f'aria-labelledby="chart-{chart}-title"' in html
        assert f'<title id="chart-{chart}-title">' in html
    assert html.count("satisfaction-table") == 4
    assert 'id="question-table"' in html
    assert '<script src="/static/js/dashboard.js">' in html
    assert "style=" not in html  # strict CSP: no inline styles


def test_the_charts_follow_the_figures(manager_client, db):
    sent = invitation()
    services.submit_response(token=token(sent), scores={1: 4, 2: 3, 3: 5})
    html = manager_client.get(reverse(DASHBOARD)).content.decode()
    # Mean 4.00 of 5 on a 560-wide plot starting at 8: a bar 448 wide; the response rate 100 %: 560 wide.
    assert 'width="448.0" height="16" class="chart-bar-2"' in html
    assert 'width="560.0" height="16" class="chart-bar-1"' in html
    assert ">4.00</text>" in html and ">100 %</text>" in html


def _grow(n):
    """n more invitations with answers, cases with facts, contacts: the dashboard must not query more."""
    from dialogueteam.models import Contact

    for i in range(n):
        sent = invitation(touchpoint=Touchpoint.DECISION if i % 2 else Touchpoint.SUBMISSION)
        services.submit_response(token=token(sent), scores={1: 1 + i % 5, 2: 3}, comment=f"Comment {i}")
        case = CaseFactory(status="submitted")
        Contact.objects.create(channel="phone", topic="status", customer_group="private",
                               resolved_first_contact=bool(i % 2), case=case)
    facts.refresh_case_facts()


@pytest.mark.parametrize("name, kind", [(DASHBOARD, "html"), ("satisfaction:export_csv", "csv"),
                                        ("api-kpis", "json"), ("api-satisfaction-summary", "json"),
                                        ("api-kpis-after-decision", "json")])
def test_the_number_of_queries_does_not_grow_with_the_rows(manager_client, django_assert_max_num_queries, name,
                                                           kind):
    url = reverse(name)
    _grow(2)
    # html: + 4 for the figures after the decision (issue 18); csv: + 3 for them (appeals, permits, occupancy
    # permits: one query each); the after-decision figures' own JSON: those 3, the session, the user and its roles.
    limit = {"html": 20, "csv": 16, "json": 12}[kind] if name != "api-kpis-after-decision" else 6
    with django_assert_max_num_queries(limit) as few:
        assert manager_client.get(url).status_code == 200
    _grow(8)
    assert CaseFacts.objects.count() >= 10
    with django_assert_max_num_queries(limit) as many:
        assert manager_client.get(url).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_schema_documents_the_endpoints(client, db):
    schema = client.get(reverse("api-schema")).content.decode()
    assert "/api/v1/satisfaction/summary/" in schema and "/api/v1/kpis/" in schema
    assert "first_contact_resolution" in schema and "response_rate" in schema

"""Issue 18 item 6: the dashboard's figures after the decision: appeals per type and outcome, the days from
permit to start, the share of permits lapsed and the days from completion report to occupancy permit."""

import datetime as dt

import pytest
from django.urls import reverse

from applications.models import Municipality
from applications.selectors import after_decision
from applications.services import appeals, completion, start_of_work
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.test_appeals import decided_case
from tests.applications.test_start_of_work import at, in_force
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811
    return private_storage


@pytest.fixture
def worker(db):
    return UserFactory(role="caseworker")


def test_the_figures(worker):
    started = in_force(worker)
    with at(dt.date(2026, 5, 1)):
        start_of_work.report_start(case=started, actor=started.applicant, start_date=dt.date(2026, 4, 1))
    with at(dt.date(2026, 6, 1)):
        completion.report_completion(case=started, actor=started.applicant, completed_on=dt.date(2026, 5, 30))
    with at(dt.date(2026, 6, 11)):
        completion.finish(case=started, actor=worker)
    lapsing = in_force(worker)
    with at(dt.date(2027, 3, 2)):
        start_of_work.lapse_permits()
    appealed = decided_case(worker)
    with at(dt.date(2026, 3, 10)):
        appeal = appeals.lodge_appeal(case=appealed, actor=appealed.applicant, grounds="g")
        appeals.record_forwarded(appeal=appeal, actor=worker, sent_on=dt.date(2026, 3, 10))
        appeals.record_outcome(appeal=appeal, actor=worker, outcome="upheld")
    lapsing.refresh_from_db()
    assert lapsing.status == "lapsed"

    mine = [started.property.municipality_id]
    figures = after_decision.figures(start=dt.date(2026, 1, 1), end=dt.date(2026, 12, 31), municipalities=mine)
    row = figures["appeals"][0]
    assert (row["total"], row["upheld"], row["open"]) == (1, 1, 0)
    assert figures["permit_to_start"] == {"count": 1, "mean": 30.0, "median": 30}  # 2 March → 1 April
    assert figures["completion_to_occupancy"] == {"count": 1, "mean": 10.0, "median": 10}
    assert after_decision.figures(start=dt.date(2027, 1, 1), end=dt.date(2027, 12, 31), municipalities=mine)[
        "lapsed"] == {"lapsed": 1, "permits": 2, "share": 0.5}  # the appealed one neither started nor lapsed
    # Issue 19: another municipality's managers count none of them.
    other = Municipality.objects.create(code="0147", name="Frederiksberg")
    elsewhere = after_decision.figures(start=dt.date(2026, 1, 1), end=dt.date(2027, 12, 31),
                                       municipalities=[other.pk])
    assert elsewhere["appeals"] == [] and elsewhere["lapsed"]["permits"] == 0
    assert elsewhere["permit_to_start"]["count"] == 0 and elsewhere["completion_to_occupancy"]["count"] == 0


def test_the_dashboard_shows_them(client, db):
    client.force_login(UserFactory(role="manager"))
    html = client.get(reverse("satisfaction:dashboard")).content.decode()
    assert 'id="appeals-by-type"' in html and 'id="kpi-lapsed"' in html and 'id="kpi-permit-to-start"' in html

"""Issue 18 item 3: the start notice, the lapse reminders and the lapse, with frozen time. The permit
lapses one year from its date unless the work started (byggeloven § 16, stk. 10)."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from rest_framework.test import APIClient

from applications.models import Case, CaseEvent
from applications.services import appeals, decisions, start_of_work
from applications.services.start_of_work import StartNotAllowed
from permitportal.core.errors import Invalid
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.test_appeals import decided_case
from tests.factories import UserFactory

S = Case.Status
AFTER_PERIOD = dt.datetime(2026, 4, 1, 9, tzinfo=dt.UTC)  # decided 2 March 2026; the period ended 30 March


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811
    return private_storage


@pytest.fixture
def worker(db):
    return UserFactory(role="caseworker")


def at(day, hour=9):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC), tick=False)


def in_force(worker, **kwargs):
    case = decided_case(worker, **kwargs)
    with time_machine.travel(AFTER_PERIOD, tick=False):
        assert decisions.close_after_appeal_period() == 1
    case.refresh_from_db()
    return case


def test_after_the_period_a_permit_is_in_force_and_a_refusal_is_closed(worker):
    case = in_force(worker)
    assert case.status == S.PERMITTED
    refused = decided_case(worker)
    from applications.models import Decision

    Decision.objects.filter(case=refused).update(outcome="refused")
    with time_machine.travel(AFTER_PERIOD, tick=False):
        decisions.close_after_appeal_period()
    refused.refresh_from_db()
    assert refused.status == S.CLOSED


def test_an_overturned_permit_is_closed_not_put_in_force(worker):
    case = decided_case(worker)
    with at(dt.date(2026, 3, 10)):
        appeal = appeals.lodge_appeal(case=case, actor=case.applicant, grounds="g")
        appeals.record_forwarded(appeal=appeal, actor=worker, sent_on=dt.date(2026, 3, 10))
        appeals.record_outcome(appeal=appeal, actor=worker, outcome="overturned")
    with time_machine.travel(AFTER_PERIOD, tick=False):
        decisions.close_after_appeal_period()
    case.refresh_from_db()
    assert case.status == S.CLOSED


def test_the_holder_reports_the_start_and_the_case_says_so(worker):
    case = in_force(worker)
    with at(dt.date(2026, 5, 4)):
        start_of_work.report_start(case=case, actor=case.applicant, start_date=dt.date(2026, 5, 1))
        with pytest.raises(StartNotAllowed):
            start_of_work.report_start(case=case, actor=case.applicant, start_date=dt.date(2026, 5, 2))
    case.refresh_from_db()
    assert case.status == S.WORK_STARTED and case.started_on == dt.date(2026, 5, 1)
    assert CaseEvent.objects.filter(case=case, kind="work_started", params__date="2026-05-01").exists()


def test_a_start_in_the_appeal_period_is_kept_and_the_case_becomes_started_after_it(worker):
    case = decided_case(worker)
    with at(dt.date(2026, 3, 5)):
        start_of_work.report_start(case=case, actor=case.applicant, start_date=dt.date(2026, 3, 4))
    case.refresh_from_db()
    assert case.status == S.DECIDED and case.started_on == dt.date(2026, 3, 4)
    with time_machine.travel(AFTER_PERIOD, tick=False):
        decisions.close_after_appeal_period()
    case.refresh_from_db()
    assert case.status == S.WORK_STARTED


def test_the_start_day_is_checked(worker):
    case = in_force(worker)
    with at(dt.date(2026, 5, 4)):
        for day in (dt.date(2026, 5, 5), dt.date(2026, 3, 1)):
            with pytest.raises(Invalid):
                start_of_work.report_start(case=case, actor=case.applicant, start_date=day)
        with pytest.raises(PermissionError):
            start_of_work.report_start(case=case, actor=UserFactory(role="applicant"), start_date=dt.date(2026, 5, 1))


def test_reminders_two_months_and_two_weeks_before_each_once_then_the_lapse(worker, settings):
    settings.PERMIT_LAPSE_REMINDER_DAYS = (61, 14)
    case = in_force(worker)  # lapses 2 March 2027
    mail.outbox.clear()
    with at(dt.date(2026, 12, 30)):  # 62 days before
        assert start_of_work.send_lapse_reminders() == 0
    with at(dt.date(2026, 12, 31)):  # 61 days before
        assert start_of_work.send_lapse_reminders() == 1
        assert start_of_work.send_lapse_reminders() == 0
    assert "lapses on 2 March 2027" in mail.outbox[-1].subject
    with at(dt.date(2027, 2, 16)):  # 14 days before
        assert start_of_work.send_lapse_reminders() == 1
    with at(dt.date(2027, 3, 1)):
        assert start_of_work.lapse_permits() == 0
    with at(dt.date(2027, 3, 2)):
        assert start_of_work.lapse_permits() == 1
    case.refresh_from_db()
    assert case.status == S.LAPSED
    assert CaseEvent.objects.filter(case=case, kind="status:lapsed").exists()


def test_a_started_permit_gets_no_reminder_and_never_lapses(worker):
    case = in_force(worker)
    with at(dt.date(2026, 6, 1)):
        start_of_work.report_start(case=case, actor=case.applicant, start_date=dt.date(2026, 6, 1))
    with at(dt.date(2027, 2, 16)):
        assert start_of_work.send_lapse_reminders() == 0
    with at(dt.date(2027, 6, 1)):
        assert start_of_work.lapse_permits() == 0
    case.refresh_from_db()
    assert case.status == S.WORK_STARTED


def test_the_lapsed_case_says_so_on_the_page_and_in_the_api(worker, client):
    case = in_force(worker)
    with at(dt.date(2027, 3, 2)):
        start_of_work.lapse_permits()
        client.force_login(case.applicant)
        page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
        api = APIClient()
        api.force_authenticate(case.applicant)
        detail = api.get(f"/api/v1/cases/{case.reference}/").json()
        response = api.post(f"/api/v1/cases/{case.reference}/start-notice/", {"start_date": "2027-03-01"},
                            format="json")
    assert "The permit lapsed on 2 March 2027" in page
    assert detail["status"] == "lapsed" and detail["status_text"].startswith("The permit lapsed on 2 March 2027")
    assert response.status_code == 409


def test_the_start_form_and_the_api(worker, client):
    case = in_force(worker)
    client.force_login(case.applicant)
    with at(dt.date(2026, 5, 4)):
        page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
        assert "The permit lapses on 2 March 2027" in page and 'name="start_date"' in page
        api = APIClient()
        api.force_authenticate(case.applicant)
        assert api.post(f"/api/v1/cases/{case.reference}/start-notice/", {"start_date": "2026-05-05"},
                        format="json").status_code == 400
        client.post(reverse("applications:report_start", args=[case.reference]), {"start_date": "2026-05-03"})
        page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    assert "The work started on 3 May 2026." in page

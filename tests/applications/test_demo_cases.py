"""seed_demo's cases: every stage for the demo logins, made through the services, loaded once."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from applications.demo import AFTER_DECISION_CASES, HISTORY_APPLICANTS, HISTORY_CASES
from applications.models import Case, InformationRequest, Municipality
from applications.selectors.cases import my_cases
from dialogueteam import search as lookup
from permitportal.accounts.models import Firm, User
from satisfaction.selectors import default_period, kpis


@pytest.mark.django_db
def test_the_demo_has_a_case_in_every_stage_and_loads_once(settings, django_capture_on_commit_callbacks):
    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    after = [address for address, *_rest in AFTER_DECISION_CASES]
    cases = Case.objects.filter(applicant__email__in=["applicant@example.dk", "architect@example.dk"],
                                firm__isnull=True).exclude(property__address__in=after)
    assert sorted(cases.values_list("status", flat=True)) == [
        "awaiting_information", "complete", "decided", "decided", "draft", "in_review", "submitted", "submitted"]
    # issue 19, item 1: two municipalities with cases and staff in each.
    in_frederiksberg = cases.filter(property__municipality__code="0147")
    assert sorted(in_frederiksberg.values_list("status", flat=True)) == ["complete", "submitted"]
    assert in_frederiksberg.get(status="complete").caseworker.email == "caseworker.frb@example.dk"
    assert cases.filter(property__municipality__code="0101").count() == 6
    for email, code in (("caseworker@example.dk", "0101"), ("dialogue.frb@example.dk", "0147")):
        assert list(Municipality.objects.filter(staff__email=email).values_list("code", flat=True)) == [code]
    assert sorted(c.decision.outcome for c in cases.filter(status="decided")) == ["granted", "refused"]
    assert InformationRequest.objects.filter(case__status="awaiting_information", state="open").count() == 1
    assert all(c.reference for c in cases.exclude(status="draft"))
    # The demo firm (issue 20): two members, a draft and a sent case, both in each member's list.
    firm = Firm.objects.get(cvr="12345678")
    assert firm.memberships.filter(left_at__isnull=True).count() == 2
    assert sorted(firm.cases.values_list("status", flat=True)) == ["draft", "submitted"]
    colleague = User.objects.get(email="colleague@example.dk")
    assert set(my_cases(user=colleague)) == set(firm.cases.all())
    assert all(c.customer_group == "professional" for c in firm.cases.all())
    # The dialogue team finds them, drafts excepted (the firm's sent case too).
    worker = User.objects.get(email="caseworker@example.dk")
    assert len(lookup.search_cases(user=worker, query="kongens nytorv").cases) == 6
    # issue 19: Frederiksberg's caseworker finds none of them, and København's finds none of Frederiksberg's.
    assert lookup.search_cases(user=User.objects.get(email="caseworker.frb@example.dk"),
                               query="kongens nytorv").cases == []
    assert lookup.search_cases(user=worker, query="godthåbsvej").cases == []
    _the_history_looks_like_a_municipality_s()
    _after_the_decision(after)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    assert Case.objects.filter(applicant__email__in=["applicant@example.dk", "architect@example.dk"],
                               firm__isnull=True).count() == 13
    assert Case.objects.count() == 13 + 2 + HISTORY_CASES  # and the demo firm's two


def _after_the_decision(addresses):
    """The demo applicant's cases after the decision, one in each state, with the documents at each stage."""
    from applications.models import StageDocument

    after = Case.objects.filter(applicant__email="applicant@example.dk", property__address__in=addresses)
    assert {c.property.address: c.status for c in after} == {
        address: state for address, _type, _text, state in AFTER_DECISION_CASES}
    started = after.get(status="work_started")
    assert sorted(StageDocument.objects.filter(case=started).values_list("requirement__code", flat=True)) == [
        "start-declaration-fire", "start-declaration-structural"]
    reported = after.get(status="completion_reported")
    assert StageDocument.objects.filter(case=reported, stage="completion", status="pending").exists()
    assert after.get(status="appealed").appeals.count() == 1


def _the_history_looks_like_a_municipality_s():
    """Cases over the past 14 months with realistic durations, in Danish: the dashboard's figures are not medians
    of 0 days."""
    history = Case.objects.filter(applicant__email__in=[email for email, _name in HISTORY_APPLICANTS])
    assert history.count() == HISTORY_CASES
    today = timezone.localdate()
    submitted = sorted(timezone.localdate(c.submitted_at) for c in history)
    assert (today - submitted[0]).days >= 400 and (today - submitted[-1]).days <= 30
    assert len({(d.year, d.month) for d in submitted}) >= 14
    decided = history.filter(decided_at__isnull=False)
    days = sorted((c.decided_at - c.completed_at).days for c in decided)
    assert len(days) >= HISTORY_CASES * 3 // 4
    assert 10 <= days[len(days) // 2] <= 45, days  # the median: weeks, not 0 days
    assert history.filter(status__in=["in_review", "complete", "submitted", "awaiting_information"]).exists()
    assert 0.2 <= InformationRequest.objects.filter(case__in=history).values("case").distinct().count() / len(
        submitted) <= 0.5
    assert set(history.values_list("applicant__preferred_language", flat=True)) == {"da"}
    facts = kpis(period=default_period(), municipalities=Municipality.objects.values("pk"))
    small = next(row for row in facts["processing_time"] if row["application_type"] == "small-building")
    assert small["decided"] >= 5 and 10 <= small["median_days"] <= 45

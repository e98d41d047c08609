"""seed_demo's cases: every stage for the demo logins, made through the services, loaded once."""

import pytest
from django.core.management import call_command

from applications.models import Case, InformationRequest, Municipality
from dialogueteam import search as lookup
from permitportal.accounts.models import User


@pytest.mark.django_db
def test_the_demo_has_a_case_in_every_stage_and_loads_once(settings, django_capture_on_commit_callbacks):
    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    cases = Case.objects.filter(applicant__email__in=["applicant@example.dk", "architect@example.dk"])
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
    # The dialogue team finds them, drafts excepted.
    worker = User.objects.get(email="caseworker@example.dk")
    assert len(lookup.search_cases(user=worker, query="kongens nytorv").cases) == 5
    # issue 19: Frederiksberg's caseworker finds none of them, and København's finds none of Frederiksberg's.
    assert lookup.search_cases(user=User.objects.get(email="caseworker.frb@example.dk"),
                               query="kongens nytorv").cases == []
    assert lookup.search_cases(user=worker, query="godthåbsvej").cases == []
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    assert Case.objects.filter(applicant__email__in=["applicant@example.dk", "architect@example.dk"]).count() == 8

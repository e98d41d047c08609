"""seed_demo's cases: every stage for the demo logins, made through the services, loaded once."""

import pytest
from django.core.management import call_command

from applications.models import Case, InformationRequest
from dialogueteam import search as lookup


@pytest.mark.django_db
def test_the_demo_has_a_case_in_every_stage_and_loads_once(settings, django_capture_on_commit_callbacks):
    settings.DEBUG = True
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    cases = Case.objects.filter(applicant__email__in=["applicant@example.dk", "architect@example.dk"])
    assert sorted(cases.values_list("status", flat=True)) == [
        "awaiting_information", "decided", "decided", "draft", "in_review", "submitted"]
    assert sorted(c.decision.outcome for c in cases.filter(status="decided")) == ["granted", "refused"]
    assert InformationRequest.objects.filter(case__status="awaiting_information", state="open").count() == 1
    assert all(c.reference for c in cases.exclude(status="draft"))
    # The dialogue team finds them, drafts excepted.
    assert len(lookup.search_cases(query="kongens nytorv").cases) == 5
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    assert Case.objects.filter(applicant__email__in=["applicant@example.dk", "architect@example.dk"]).count() == 6

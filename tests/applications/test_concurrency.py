"""Simultaneous requests on one case (issue 14, item 11): exactly one succeeds, the rest answer 409,
never 500, on SQLite (immediate transactions, busy timeout) and on PostgreSQL (row lock)."""

import threading

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from applications.models import ApplicationType, Case, CaseEvent
from applications.services import cases as case_services
from applications.services.catalogue import load_catalogue
from tests.applications.factories import PropertyFactory
from tests.factories import UserFactory

PARALLEL = 8


def _ready_draft():
    load_catalogue()
    applicant = UserFactory(role="applicant")
    case = case_services.create_draft(applicant=applicant, property=PropertyFactory(),
                                      application_type=ApplicationType.objects.get(code="small-building"))
    case_services.update_draft(case=case, actor=applicant, description="Carport of 30 m² next to the house.")
    for item in case.checklist.filter(required=True, is_active=True, state="missing"):
        case_services.mark_not_relevant(case=case, requirement_code=item.requirement.code,
                                        reason="Not relevant for a carport of this size.", actor=applicant)
    return case, applicant


def _all_at_once(send):
    barrier = threading.Barrier(PARALLEL)
    answers = []

    def one():
        try:
            barrier.wait()
            answers.append(send())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return sorted(answers)


def _api_submit(case, applicant):
    client = APIClient()
    client.force_authenticate(applicant)
    return client.post(f"/api/v1/cases/{case.reference}/submit/", format="json").status_code


def _html_submit(case, applicant):
    client = Client()
    client.force_login(applicant)
    response = client.post(reverse("applications:submit", args=[case.reference]))
    told = [str(m) for m in response.wsgi_request._messages] == ["This application has already been sent."]
    return response.status_code, response["Location"], told


@pytest.mark.django_db(transaction=True)
def test_parallel_submissions_through_the_api_send_once_and_answer_409():
    case, applicant = _ready_draft()
    assert _all_at_once(lambda: _api_submit(case, applicant)) == [200] + [409] * (PARALLEL - 1)
    assert Case.objects.get(pk=case.pk).status == Case.Status.SUBMITTED
    assert CaseEvent.objects.filter(case=case, kind="status:submitted").count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_submissions_in_html_send_once_and_tell_the_others():
    case, applicant = _ready_draft()
    receipt = reverse("applications:receipt", args=[case.reference])
    detail = reverse("applications:case_detail", args=[case.reference])
    assert _all_at_once(lambda: _html_submit(case, applicant)) == sorted(
        [(302, receipt, False)] + [(302, detail, True)] * (PARALLEL - 1))
    assert CaseEvent.objects.filter(case=case, kind="status:submitted").count() == 1

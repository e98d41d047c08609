"""Issue 20, item 2: digital mandates. Grant, refuse, revoke and expiry through the mandate's state
machine; the power-of-attorney requirement on the checklist follows; each change is a case event;
nobody but the owner can use the owner's link."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from applications.models import ApplicationType, CaseEvent, ChecklistItem, Mandate
from applications.selectors.status import event_text
from applications.services import cases as case_services
from applications.services import mandates
from applications.services.mandate_transitions import MandateNotAllowed
from permitportal.core.errors import Invalid
from permitportal.core.state_machine import ProtectedStatus
from tests.applications.factories import PropertyFactory
from tests.factories import UserFactory

M = Mandate.Status


@pytest.fixture
def owner(db):
    return UserFactory(email="owner@example.dk", full_name="Olga Owner", role="applicant")


@pytest.fixture
def case(catalogue, applicant, owner):
    draft = case_services.create_draft(applicant=applicant, property=PropertyFactory(),
                                       application_type=ApplicationType.objects.get(code="single-family-house"),
                                       applying_for="other")
    case_services.update_draft(case=draft, actor=applicant, owner_name="Olga Owner", owner_email="Owner@example.dk")
    return draft


def _attorney(case):
    return ChecklistItem.objects.get(case=case, requirement__code="power-of-attorney").state


def _ask(case, agent, scope=Mandate.Scope.CASE, days=30):
    return mandates.request_mandate(case=case, agent=agent, scope=scope,
                                    valid_until=timezone.localdate() + dt.timedelta(days=days))


def test_a_granted_mandate_satisfies_the_power_of_attorney_until_revoked(case, applicant, owner):
    assert _attorney(case) == ChecklistItem.State.MISSING
    mandate = _ask(case, applicant)
    assert _attorney(case) == ChecklistItem.State.MISSING  # asked is not given
    mandates.grant_mandate(token=mandate.token, user=owner)
    assert _attorney(case) == ChecklistItem.State.MANDATE
    assert "power-of-attorney" not in {m.code for m in case_services.missing_for_submission(case=case)}
    mandates.revoke_mandate(mandate_id=mandate.pk, user=owner)
    assert _attorney(case) == ChecklistItem.State.MISSING
    kinds = list(CaseEvent.objects.filter(case=case, kind__startswith="mandate_").order_by("pk")
                 .values_list("kind", flat=True))
    assert kinds == ["mandate_granted", "mandate_revoked"]
    granted = CaseEvent.objects.get(case=case, kind="mandate_granted")
    assert applicant.get_full_name() in event_text(granted)
    with pytest.raises(MandateNotAllowed):
        mandates.grant_mandate(token=mandate.token, user=owner)  # revoked stays revoked


def test_a_refused_mandate_leaves_the_checklist_as_it_was(case, applicant, owner):
    mandate = _ask(case, applicant)
    mandates.refuse_mandate(token=mandate.token, user=owner)
    mandate.refresh_from_db()
    assert mandate.status == M.REFUSED and _attorney(case) == ChecklistItem.State.MISSING
    assert CaseEvent.objects.filter(case=case, kind="mandate_refused").exists()


def test_another_user_cannot_use_the_owners_link(case, applicant, owner):
    mandate = _ask(case, applicant)
    stranger = UserFactory(email="stranger@example.dk")
    for action in (mandates.grant_mandate, mandates.refuse_mandate):
        with pytest.raises(MandateNotAllowed):
            action(token=mandate.token, user=stranger)
        with pytest.raises(MandateNotAllowed):
            action(token=mandate.token, user=applicant)
    with pytest.raises(MandateNotAllowed):
        mandates.grant_mandate(token="no-such-token", user=owner)
    mandates.grant_mandate(token=mandate.token, user=owner)
    with pytest.raises(MandateNotAllowed):
        mandates.revoke_mandate(mandate_id=mandate.pk, user=stranger)  # only the owner revokes
    assert _attorney(case) == ChecklistItem.State.MANDATE


def test_a_mandate_ends_on_its_last_day(case, applicant, owner):
    mandate = _ask(case, applicant, days=10)
    mandates.grant_mandate(token=mandate.token, user=owner)
    assert mandates.expire_mandates(today=timezone.localdate() + dt.timedelta(days=10)) == 0
    assert mandates.expire_mandates(today=timezone.localdate() + dt.timedelta(days=11)) == 1
    assert mandates.expire_mandates(today=timezone.localdate() + dt.timedelta(days=11)) == 0  # idempotent
    mandate.refresh_from_db()
    assert mandate.status == M.EXPIRED and _attorney(case) == ChecklistItem.State.MISSING
    assert CaseEvent.objects.filter(case=case, kind="mandate_expired").exists()


def test_a_property_mandate_covers_the_agents_other_cases_there(case, applicant, owner):
    second = case_services.create_draft(applicant=applicant, property=case.property,
                                        application_type=case.application_type, applying_for="other")
    mandate = _ask(case, applicant, scope=Mandate.Scope.PROPERTY)
    mandates.grant_mandate(token=mandate.token, user=owner)
    assert _attorney(second) == ChecklistItem.State.MANDATE
    other_agent = UserFactory(role="applicant")
    elsewhere = case_services.create_draft(applicant=other_agent, property=case.property,
                                           application_type=case.application_type, applying_for="other")
    assert _attorney(elsewhere) == ChecklistItem.State.MISSING  # the mandate is the applicant's, not anyone's


def test_asking_is_bounded(case, applicant, other_applicant):
    with pytest.raises(MandateNotAllowed):
        _ask(case, other_applicant)  # not their case
    with pytest.raises(Invalid):
        _ask(case, applicant, days=-1)
    with pytest.raises(Invalid):
        _ask(case, applicant, days=4 * 365)
    with pytest.raises(Invalid):
        _ask(case, applicant, scope="everything")
    _ask(case, applicant)
    with pytest.raises(MandateNotAllowed):
        _ask(case, applicant)  # one open request at a time


def test_the_status_changes_only_through_the_table(case, applicant):
    mandate = _ask(case, applicant)
    with pytest.raises(ProtectedStatus):
        mandate.status = M.GRANTED
    with pytest.raises(ProtectedStatus):
        Mandate.objects.filter(pk=mandate.pk).update(status=M.GRANTED)


def test_the_daily_task_ends_mandates_past_their_last_day(case, applicant, owner):
    from applications.tasks import expire_mandates

    mandate = _ask(case, applicant, days=1)
    mandates.grant_mandate(token=mandate.token, user=owner)
    with time_machine.travel(timezone.now() + dt.timedelta(days=3)):
        assert expire_mandates.delay().get() == 1
    assert _attorney(case) == ChecklistItem.State.MISSING


def test_the_owner_grants_on_the_page_the_email_links_to(case, applicant, owner, client,
                                                         django_capture_on_commit_callbacks,
                                                         django_assert_max_num_queries):
    client.force_login(applicant)
    page = client.get(reverse("applications:draft_documents", args=[case.reference]))
    assert "Ask the owner for a mandate" in page.content.decode()
    until = (timezone.localdate() + dt.timedelta(days=60)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(reverse("applications:request_mandate", args=[case.reference]),
                             {"scope": "case", "valid_until": until})
    assert answer.status_code == 302
    assert mail.outbox[-1].to == ["owner@example.dk"]
    link = re.search(r"https?://\S+/mandates/\S+/", mail.outbox[-1].body).group(0)
    path = link.split("//", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 409  # the applicant cannot use the owner's link
    client.logout()
    assert client.get("/" + path).status_code == 302  # to the login page
    client.force_login(owner)
    with django_assert_max_num_queries(12):
        page = client.get("/" + path)
    assert page.status_code == 200 and "Grant the mandate" in page.content.decode()
    assert client.post("/" + path, {"action": "grant"}).status_code == 302
    assert _attorney(case) == ChecklistItem.State.MANDATE
    assert client.post("/" + path, {"action": "grant"}).status_code == 409  # not twice
    assert client.post("/" + path, {"action": "revoke"}).status_code == 302
    assert _attorney(case) == ChecklistItem.State.MISSING


def test_a_request_with_bad_input_is_refused_on_the_page(case, applicant, client):
    client.force_login(applicant)
    answer = client.post(reverse("applications:request_mandate", args=[case.reference]),
                         {"scope": "case", "valid_until": "not a date"}, follow=True)
    assert "Choose what the mandate covers and its last day." in answer.content.decode()
    assert not Mandate.objects.exists()


def test_the_api_asks_grants_and_revokes_with_the_same_rules(case, applicant, owner, other_applicant):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(applicant)
    until = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    url = f"/api/v1/cases/{case.reference}/mandates/"
    assert api.post(url, {"scope": "all"}, format="json").status_code == 400
    created = api.post(url, {"scope": "case", "valid_until": until}, format="json")
    assert created.status_code == 201 and created.json()["status"] == "requested"
    token = Mandate.objects.get().token
    assert api.post(f"/api/v1/mandates/{token}/accept/", {}, format="json").status_code == 409  # not the owner
    api.force_authenticate(owner)
    assert api.post(f"/api/v1/mandates/{token}/accept/", {}, format="json").json()["status"] == "granted"
    assert api.post(f"/api/v1/mandates/{token}/accept/", {}, format="json").status_code == 409
    mandate_id = created.json()["id"]
    api.force_authenticate(other_applicant)
    assert api.delete(f"{url}{mandate_id}/").status_code == 409
    api.force_authenticate(owner)
    assert api.delete(f"{url}{mandate_id}/").json()["status"] == "revoked"
    assert _attorney(case) == ChecklistItem.State.MISSING

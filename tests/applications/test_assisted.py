"""Assisted digital (issue 20, item 4): the dialogue team starts a draft owned by the citizen, fills it in, sends
a signed expiring link; the citizen confirms and sends it; staff lose edit access then."""

import re
import threading

import pytest
import time_machine
from django.core import mail
from django.db import connections
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from applications.models import ApplicationType, Case, CaseEvent
from applications.services import assisted
from applications.services import cases as case_services
from permitportal.accounts.models import User
from permitportal.core.errors import NotAllowed
from permitportal.core.models import AuditEntry
from tests.applications.factories import PropertyFactory
from tests.factories import UserFactory


def _start(staff, email="borger@example.dk", name="Birthe Borger", **kwargs):
    kwargs.setdefault("language", "en")
    return assisted.start_assisted_draft(actor=staff, email=email, name=name, property=PropertyFactory(),
                                         application_type=ApplicationType.objects.get(code="small-building"),
                                         **kwargs)


def _fill(case, actor):
    case_services.update_draft(case=case, actor=actor, description="Carport of 30 m² next to the house.")
    for item in case.checklist.filter(required=True, is_active=True, state="missing"):
        case_services.mark_not_relevant(case=case, requirement_code=item.requirement.code,
                                        reason="Not relevant for a carport of this size.", actor=actor)


def _link_path(outbox) -> str:
    link = re.search(r"http\S+/assisted/\S+/", outbox[-1].body).group(0)
    return link[link.index("/assisted/"):]


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.django_db
def test_the_draft_is_the_citizens_from_the_start(catalogue, dialogue_member, applicant):
    case = _start(dialogue_member)
    citizen = User.objects.get(email="borger@example.dk")
    assert case.applicant == citizen and case.assisted_by == dialogue_member and case.status == "draft"
    assert not citizen.is_active and not citizen.has_usable_password() and citizen.full_name == "Birthe Borger"
    assert CaseEvent.objects.filter(case=case, kind="assisted_started", actor=dialogue_member).exists()
    # An existing account is used as it is.
    other = _start(dialogue_member, email=applicant.email.upper(), name="Someone Else")
    assert other.applicant == applicant and applicant.full_name != "Someone Else"


@pytest.mark.django_db
def test_only_the_dialogue_team_starts_one_and_for_a_citizen(catalogue, dialogue_member, caseworker, applicant):
    for actor in (caseworker, applicant):
        with pytest.raises(NotAllowed):
            _start(actor)
    with pytest.raises(case_services.CaseError):
        _start(dialogue_member, email=dialogue_member.email)
    with pytest.raises(case_services.CaseError):
        _start(dialogue_member, email=caseworker.email)
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_staff_edit_only_their_unconfirmed_draft_and_never_send_it(catalogue, client, dialogue_member):
    case = _start(dialogue_member)
    _fill(case, dialogue_member)
    client.force_login(dialogue_member)
    assert client.get(reverse("applications:draft_edit", args=[case.reference])).status_code == 200
    page = client.get(reverse("applications:draft_check", args=[case.reference])).content.decode()
    assert "Send the link to confirm" in page and "Send the application</button>" not in page
    with pytest.raises(NotAllowed):
        case_services.submit(case=case, actor=dialogue_member)
    assert _api(dialogue_member).post(f"/api/v1/cases/{case.reference}/submit/").status_code == 409
    assert AuditEntry.objects.filter(actor=dialogue_member, action="assisted_draft_read").exists()
    # Another member of the team does not see the draft (a help code is the way).
    colleague = UserFactory(role="dialogue_team")
    client.force_login(colleague)
    assert client.get(reverse("applications:draft_edit", args=[case.reference])).status_code == 404
    with pytest.raises(NotAllowed):
        assisted.send_confirmation_link(case=case, actor=colleague)


@pytest.mark.django_db
def test_the_link_lets_the_new_citizen_choose_a_password_confirm_and_send(
        catalogue, client, dialogue_member, django_capture_on_commit_callbacks):
    case = _start(dialogue_member)
    _fill(case, dialogue_member)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assisted.send_confirmation_link(case=case, actor=dialogue_member)
    assert mail.outbox[-1].to == ["borger@example.dk"] and case.reference in mail.outbox[-1].subject
    path = _link_path(mail.outbox)
    welcome = client.get(path)
    assert welcome.status_code == 302 and "/accounts/welcome/" in welcome["Location"]
    done = client.post(welcome["Location"], {"password1": "a-long-pass-phrase-9",
                                             "password2": "a-long-pass-phrase-9"})
    assert done.status_code == 302 and done["Location"] == path
    page = client.get(path)
    assert page.status_code == 200 and "Confirm and send the application" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(path)
    assert sent.status_code == 302 and sent["Location"] == reverse("applications:receipt", args=[case.reference])
    case.refresh_from_db()
    assert case.status == "submitted" and case.assisted_confirmed_at is not None
    assert case.assisted_by == dialogue_member  # the case records who helped
    assert CaseEvent.objects.filter(case=case, kind="assisted_confirmed").count() == 1
    # Staff lose edit access; they see the case only as staff (audited).
    client.force_login(dialogue_member)
    for name in ("draft_edit", "draft_documents", "draft_check", "assisted_send_link"):
        method = client.post if name == "assisted_send_link" else client.get
        assert method(reverse(f"applications:{name}", args=[case.reference])).status_code == 404, name
    api = _api(dialogue_member)
    assert api.post(f"/api/v1/cases/{case.reference}/confirmation-link/", {}, format="json").status_code == 404
    assert api.post(f"/api/v1/cases/{case.reference}/requirements/site-plan/not-relevant/",
                    {"reason": "Not relevant at all here."}, format="json").status_code == 404
    assert api.get(f"/api/v1/cases/{case.reference}/").status_code == 200
    assert AuditEntry.objects.filter(actor=dialogue_member, action="api_case_read").exists()
    # The link, opened again, goes to the sent case.
    client.force_login(case.applicant)
    assert client.get(path)["Location"] == reverse("applications:case_detail", args=[case.reference])


@pytest.mark.django_db
def test_an_existing_citizen_logs_in_and_another_user_cannot_use_the_link(catalogue, client, dialogue_member,
                                                                          applicant, other_applicant):
    case = _start(dialogue_member, email=applicant.email)
    _fill(case, dialogue_member)
    path = reverse("applications:assisted_confirm", args=[assisted.confirmation_token(case=case)])
    assert client.get(path)["Location"].startswith(reverse("accounts:login"))
    for intruder in (other_applicant, dialogue_member):
        client.force_login(intruder)
        assert client.get(path).status_code == 404
        assert client.post(path).status_code == 404
    assert Case.objects.get(pk=case.pk).status == "draft"
    assert client.get(reverse("applications:assisted_confirm", args=["not-a-token"])).status_code == 400


@pytest.mark.django_db
def test_the_link_expires(catalogue, client, dialogue_member, applicant, settings):
    settings.ASSISTED_CONFIRM_DAYS = 14
    case = _start(dialogue_member, email=applicant.email)
    _fill(case, dialogue_member)
    with time_machine.travel(timezone.now() - timezone.timedelta(days=15)):
        token = assisted.confirmation_token(case=case)
    client.force_login(applicant)
    response = client.get(reverse("applications:assisted_confirm", args=[token]))
    assert response.status_code == 400 and "expired" in response.content.decode()
    with pytest.raises(assisted.LinkExpired):
        assisted.case_for_link(token=token)
    fresh = assisted.confirmation_token(case=case)
    assert client.get(reverse("applications:assisted_confirm", args=[fresh])).status_code == 200


@pytest.mark.django_db
def test_the_api(catalogue, dialogue_member, applicant, django_capture_on_commit_callbacks):
    body = {"on_behalf_of": {"email": "borger@example.dk", "name": "Birthe Borger"},
            "property": PropertyFactory().pk, "application_type": "small-building", "description": "Carport."}
    assert _api(applicant).post("/api/v1/cases/", body, format="json").status_code == 403
    response = _api(dialogue_member).post("/api/v1/cases/", body, format="json")
    assert response.status_code == 201, response.json()
    case = Case.objects.get(reference=response.json()["reference"])
    assert case.applicant.email == "borger@example.dk" and case.assisted_by == dialogue_member
    assert "screening" not in response.json()
    bad = {**body, "on_behalf_of": {"email": "not an address", "name": "x"}}
    assert _api(dialogue_member).post("/api/v1/cases/", bad, format="json").status_code == 400
    _fill(case, dialogue_member)
    with django_capture_on_commit_callbacks(execute=True):
        sent = _api(dialogue_member).post(f"/api/v1/cases/{case.reference}/confirmation-link/", {}, format="json")
    assert sent.status_code == 200 and sent.json()["link_sent_at"]
    citizen = case.applicant
    assert _api(dialogue_member).post(f"/api/v1/cases/{case.reference}/confirm/", {}, format="json"
                                      ).status_code == 404
    confirmed = _api(citizen).post(f"/api/v1/cases/{case.reference}/confirm/", {}, format="json")
    assert confirmed.status_code == 200 and confirmed.json()["status"] == "submitted"
    assert confirmed.json()["assisted"]["by"] == dialogue_member.get_full_name()
    assert confirmed.json()["assisted"]["confirmed_at"]
    assert _api(citizen).post(f"/api/v1/cases/{case.reference}/confirm/", {}, format="json").status_code == 409
    # A case not started by the dialogue team is sent as usual.
    own = case_services.create_draft(applicant=applicant, property=PropertyFactory(),
                                     application_type=ApplicationType.objects.get(code="small-building"))
    assert _api(applicant).post(f"/api/v1/cases/{own.reference}/confirm/", {}, format="json").status_code == 409


@pytest.mark.django_db
def test_the_desk_page_starts_one(catalogue, client, dialogue_member, django_assert_max_num_queries):
    prop = PropertyFactory(address="Skrænten 7")
    client.force_login(dialogue_member)
    assert client.get(reverse("dialogueteam:assisted_start")).status_code == 200
    response = client.post(reverse("dialogueteam:assisted_start"), {
        "citizen_name": "Birthe Borger", "citizen_email": "borger@example.dk", "address": "Skrænten 7",
        "application_type": "small-building"})
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("applications:draft_edit",
                                                                           args=[case.reference])
    assert case.property == prop and case.assisted_by == dialogue_member
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("dialogueteam:assisted_start"))
    for n in range(5):
        _start(dialogue_member, email=f"borger{n}@example.dk")
    with CaptureQueriesContext(connection) as many, django_assert_max_num_queries(12):
        page = client.get(reverse("dialogueteam:assisted_start"))
    assert case.reference in page.content.decode() and len(many) == len(few)
    bad = client.post(reverse("dialogueteam:assisted_start"), {
        "citizen_name": "x" * 300, "citizen_email": "borger@example.dk", "address": "Skrænten 7",
        "application_type": "small-building"})
    assert bad.status_code == 200 and "error-summary" in bad.content.decode() and Case.objects.count() == 6
    client.force_login(UserFactory(role="applicant"))
    assert client.get(reverse("dialogueteam:assisted_start")).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_two_confirmations_at_once_send_once_and_answer_409():
    from applications.services.catalogue import load_catalogue

    load_catalogue()
    staff, citizen = UserFactory(role="dialogue_team"), UserFactory(role="applicant")
    case = _start(staff, email=citizen.email)
    _fill(case, staff)
    barrier, answers = threading.Barrier(4), []

    def one():
        try:
            barrier.wait()
            answers.append(_api(citizen).post(f"/api/v1/cases/{case.reference}/confirm/", {},
                                              format="json").status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(answers) == [200, 409, 409, 409]
    assert CaseEvent.objects.filter(case=case, kind="assisted_confirmed").count() == 1


@pytest.mark.django_db
def test_a_help_code_still_shows_an_assisted_draft_to_a_colleague(catalogue, client, dialogue_member):
    from dialogueteam import services as dialogue_services

    case = _start(dialogue_member)
    code = dialogue_services.issue_help_code(case=case, user=case.applicant)
    colleague = UserFactory(role="dialogue_team")
    client.force_login(colleague)
    assert client.get(reverse("applications:draft_edit", args=[case.reference])).status_code == 404
    page = client.get(reverse("dialogueteam:help_draft", args=[code]))
    assert page.status_code == 200 and case.reference in page.content.decode()


@pytest.mark.django_db
def test_staff_work_through_the_api_is_audited(catalogue, dialogue_member):
    case = _start(dialogue_member)
    response = _api(dialogue_member).post(f"/api/v1/cases/{case.reference}/requirements/site-plan/not-relevant/",
                                          {"reason": "The citizen has no site plan for a shed."}, format="json")
    assert response.status_code == 200
    assert AuditEntry.objects.filter(actor=dialogue_member, action="assisted_draft_read",
                                     object_id=case.reference).exists()


@pytest.mark.django_db
def test_only_staff_of_the_propertys_municipality_start_and_keep_one(catalogue, client, dialogue_member):
    """Issue 19's scope: a dialogue-team member of another municipality cannot start an assisted draft on this
    property, and one who no longer works for the municipality loses access to the draft they started."""
    from applications.models import Municipality

    elsewhere = UserFactory(role="dialogue_team", municipality="0147")
    with pytest.raises(NotAllowed, match="municipality you do not work for"):
        _start(elsewhere)
    client.force_login(elsewhere)
    PropertyFactory(address="Skrænten 9")
    client.post(reverse("dialogueteam:assisted_start"), {
        "citizen_name": "Birthe Borger", "citizen_email": "borger@example.dk", "address": "Skrænten 9",
        "application_type": "small-building"})
    assert not Case.objects.exists()
    case = _start(dialogue_member)
    client.force_login(dialogue_member)
    assert client.get(reverse("applications:draft_edit", args=[case.reference])).status_code == 200
    for municipality in Municipality.objects.filter(staff=dialogue_member):
        municipality.staff.remove(dialogue_member)
    assert client.get(reverse("applications:draft_edit", args=[case.reference])).status_code == 404

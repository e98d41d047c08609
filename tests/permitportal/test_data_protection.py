"""Data protection: drafts expire with their files, a person can download their data and delete their
account where no case needs keeping, and staff reads of case data are in the audit log."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from applications.models import Case, Document
from applications.services import draft_expiry
from permitportal.accounts.models import User
from permitportal.accounts.services_data import AccountDeletionRefused, delete_account, export_personal_data
from permitportal.core.models import AuditEntry
from tests.applications import caseworker_support as support
from tests.factories import PASSWORD, UserFactory


def _draft_with_file(applicant):
    case = support.draft_with_checklist(applicant=applicant)
    doc = support.upload(case, "site-plan")
    return case, doc


def _submitted(applicant):
    return support.submitted_case(applicant=applicant)


# --- Drafts expire ------------------------------------------------------------------------------------------------

def test_expired_drafts_are_deleted_with_their_files(applicant, django_capture_on_commit_callbacks):
    old, old_doc = _draft_with_file(applicant)
    fresh, fresh_doc = _draft_with_file(applicant)
    Case.objects.filter(pk=old.pk).update(draft_expires_at=timezone.now() - timedelta(days=1))
    Case.objects.filter(pk=fresh.pk).update(draft_expires_at=timezone.now() + timedelta(days=30))
    old_path, fresh_path = Path(old_doc.file.path), Path(fresh_doc.file.path)
    assert old_path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert draft_expiry.expire_drafts() == 1
    assert not Case.objects.filter(pk=old.pk).exists() and not Document.objects.filter(pk=old_doc.pk).exists()
    assert not old_path.exists(), "the expired draft's file must be deleted too"
    assert fresh_path.exists() and Case.objects.filter(pk=fresh.pk).exists()


# --- Download your data -------------------------------------------------------------------------------------------

def test_the_download_holds_everything_about_the_person(client, applicant, other_applicant):
    from dialogueteam.services import ask_about_case

    case = _submitted(applicant)
    draft, doc = _draft_with_file(applicant)
    ask_about_case(case=case, user=applicant, question="When do you expect to decide?")
    theirs = _submitted(other_applicant)
    client.force_login(applicant)
    response = client.get(reverse("accounts:my_data_download"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment") and ".json" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    data = json.loads(response.content)
    assert data["account"]["email"] == applicant.email and data["account"]["full_name"] == applicant.full_name
    references = {c["reference"] for c in data["cases"]}
    assert references == {case.reference, draft.reference}
    assert theirs.reference not in response.content.decode()
    sent = next(c for c in data["cases"] if c["reference"] == case.reference)
    assert sent["status"] == "submitted" and sent["description"] == case.description
    assert {d["name"] for d in sent["documents"]} == {"site-plan.pdf", "floor-plans.pdf", "facades.pdf"}
    assert "status:submitted" in {e["kind"] for e in sent["events"]}
    assert all("internal_note" not in e for e in sent["events"])
    assert data["contacts"][0]["text"] == "When do you expect to decide?"
    assert "meetings" in data and "open_house_registrations" in data


def test_the_download_includes_meetings(applicant, caseworker, db):
    from applications.services.catalogue import load_catalogue
    from tests.applications.factories import PropertyFactory
    from tests.predialogue.helpers import request_meeting

    load_catalogue()
    meeting = request_meeting(applicant=applicant, prop=PropertyFactory(), description="A new roof terrace, 20 m².")
    data = export_personal_data(user=applicant)
    assert [m["description"] for m in data["meetings"]] == [meeting.description]


def test_the_download_does_not_grow_in_queries_with_the_cases(client, applicant, django_assert_max_num_queries):
    _submitted(applicant)
    client.force_login(applicant)
    with django_assert_max_num_queries(14) as one:
        client.get(reverse("accounts:my_data_download"))
    for _ in range(3):
        _submitted(applicant)
        _draft_with_file(applicant)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse("accounts:my_data_download"))
    assert len(json.loads(response.content)["cases"]) == 7


def test_the_pages_need_a_login(client):
    for name in ("accounts:my_data", "accounts:my_data_download", "accounts:delete_account"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("lang, heading, link", [("en", "Your data", "Download my data (JSON)"),
                                                 ("da", "Dine data", "Hent mine data (JSON)")])
def test_the_page_in_english_and_danish(client, applicant, lang, heading, link):
    applicant.preferred_language = lang
    applicant.save()
    client.force_login(applicant)
    client.cookies["django_language"] = lang
    page = client.get(reverse("accounts:my_data"), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert f"<h1>{heading}</h1>" in page and link in page
    settings_page = client.get(reverse("accounts:preferences"), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert reverse("accounts:my_data") in settings_page


# --- Delete your account ------------------------------------------------------------------------------------------

def test_an_account_with_a_sent_application_is_kept(client, applicant):
    case = _submitted(applicant)
    client.force_login(applicant)
    page = client.get(reverse("accounts:my_data")).content.decode()
    assert "must keep them" in page and case.reference in page
    response = client.post(reverse("accounts:delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 409
    assert "cannot be deleted" in response.content.decode()
    assert User.objects.filter(pk=applicant.pk).exists() and Case.objects.filter(pk=case.pk).exists()
    with pytest.raises(AccountDeletionRefused):
        delete_account(user=applicant)


def test_an_account_with_only_drafts_is_deleted_with_them(client, applicant, other_applicant,
                                                          django_capture_on_commit_callbacks):
    draft, doc = _draft_with_file(applicant)
    path = Path(doc.file.path)
    theirs, their_doc = _draft_with_file(other_applicant)
    client.force_login(applicant)
    response = client.post(reverse("accounts:delete_account"), {"password": "wrong-password", "confirm": "on"})
    assert response.status_code == 200 and "The password is not right" in response.content.decode()
    assert User.objects.filter(pk=applicant.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302 and response.url == reverse("home")
    assert not User.objects.filter(pk=applicant.pk).exists()
    assert not Case.objects.filter(pk=draft.pk).exists() and not path.exists()
    assert Case.objects.filter(pk=theirs.pk).exists() and Path(their_doc.file.path).exists()
    assert AuditEntry.objects.filter(action="account_deleted", object_id=str(applicant.pk)).exists()
    assert client.get(reverse("accounts:my_data")).status_code == 302  # logged out


def test_deleting_needs_the_confirmation(client, applicant):
    client.force_login(applicant)
    response = client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert User.objects.filter(pk=applicant.pk).exists()


# --- Staff reads are audited --------------------------------------------------------------------------------------

def test_staff_reads_of_case_data_are_audited(client, applicant, caseworker, dialogue_member):
    from permitportal.accounts.services import issue_api_token

    case = _submitted(applicant)
    doc = case.documents.first()
    reads = [
        (caseworker, "get", reverse("applications:workspace", args=[case.reference]), {}),
        (dialogue_member, "get", reverse("dialogueteam:card", args=[case.reference]), {}),
        (caseworker, "get", reverse("applications:document_download", args=[case.reference, doc.pk]), {}),
        (caseworker, "get", reverse("api-case-detail", args=[case.reference]),
         {"HTTP_AUTHORIZATION": f"Token {issue_api_token(user=caseworker)[0]}"}),
    ]
    missing = []
    for user, method, url, headers in reads:
        client.force_login(user)
        before = AuditEntry.objects.filter(actor=user).count()
        response = getattr(client, method)(url, **headers)
        assert response.status_code == 200, (url, response.status_code)
        if AuditEntry.objects.filter(actor=user).count() <= before:
            missing.append(url)
    assert not missing, f"staff reads without an audit entry: {missing}"


def test_the_applicant_reading_their_own_case_is_not_audited(client, applicant):
    case = _submitted(applicant)
    client.force_login(applicant)
    client.get(reverse("applications:case_detail", args=[case.reference]))
    assert not AuditEntry.objects.filter(actor=applicant).exists()


def test_a_new_user_can_be_exported_and_deleted_with_nothing(db):
    user = UserFactory(role="applicant")
    assert export_personal_data(user=user)["cases"] == []
    assert delete_account(user=user) == 0

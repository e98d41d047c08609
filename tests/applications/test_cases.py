"""Drafts, the checklist, submission, receipt, representatives and draft expiry."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from applications.models import Case, ChecklistItem, ScreeningRun
from applications.services import cases as case_services
from applications.services import draft_expiry
from applications.services import representatives as representative_services
from applications.services.documents import add_document
from permitportal.core.errors import NotAllowed
from tests.applications.factories import PropertyFactory
from tests.applications.pdfs import pdf_text, pdf_upload
from tests.factories import UserFactory

S = Case.Status


@pytest.fixture
def prop(db):
    return PropertyFactory(year_built=1985)


def _draft(applicant, prop, code="single-family-house", **kwargs):
    from applications.models import ApplicationType

    return case_services.create_draft(applicant=applicant, property=prop,
                                      application_type=ApplicationType.objects.get(code=code), **kwargs)


def _fill(case, actor):
    """Upload every required document and describe the project."""
    case_services.update_draft(case=case, actor=actor, description="A 30 m² extension to the kitchen.")
    for item in ChecklistItem.objects.filter(case=case, is_active=True, required=True).select_related("requirement"):
        add_document(case=case, requirement=item.requirement, uploaded_file=pdf_upload(f"{item.requirement.code}.pdf"),
                     actor=actor)


def test_a_draft_gets_a_readable_reference_and_a_checklist(catalogue, applicant, prop):
    case = _draft(applicant, prop)
    assert re.fullmatch(r"B-\d{4}-\d{5}", case.reference)
    assert case.status == S.DRAFT
    assert case.catalogue_version == catalogue.version
    codes = set(case.checklist.filter(is_active=True, required=True).values_list("requirement__code", flat=True))
    assert {"site-plan", "floor-plans", "facades"} <= codes
    assert "power-of-attorney" not in codes
    second = _draft(applicant, prop)
    assert int(second.reference[-5:]) == int(case.reference[-5:]) + 1


def test_applying_for_someone_else_adds_the_power_of_attorney(catalogue, applicant, prop):
    case = _draft(applicant, prop, applying_for="other")
    item = case.checklist.get(requirement__code="power-of-attorney")
    assert item.required and item.is_active
    case_services.update_draft(case=case, actor=applicant, applying_for="self")
    assert not case.checklist.get(requirement__code="power-of-attorney").is_active


def test_submission_is_refused_while_a_required_document_is_missing(catalogue, applicant, prop):
    case = _draft(applicant, prop)
    case_services.update_draft(case=case, actor=applicant, description="New carport")
    with pytest.raises(case_services.SubmissionIncomplete) as err:
        case_services.submit(case=case, actor=applicant)
    missing = {m.code for m in err.value.missing}
    assert {"site-plan", "floor-plans"} <= missing
    case.refresh_from_db()
    assert case.status == S.DRAFT and case.submitted_at is None


def test_not_relevant_needs_a_reason_and_counts_for_submission(catalogue, applicant, prop):
    case = _draft(applicant, prop)
    with pytest.raises(case_services.CaseError):
        case_services.mark_not_relevant(case=case, requirement_code="sections", reason="no", actor=applicant)
    item = case_services.mark_not_relevant(case=case, requirement_code="sections",
                                           reason="A one-storey carport without a roof has no section to show.",
                                           actor=applicant)
    assert item.state == ChecklistItem.State.NOT_RELEVANT
    assert item.not_relevant_claim == ChecklistItem.Claim.PENDING
    missing = {m.code for m in case_services.missing_for_submission(case=case)}
    assert "sections" not in missing


def test_submission_gives_status_date_event_receipt_and_screening(catalogue, applicant, prop, settings,
                                                                   django_capture_on_commit_callbacks):
    settings.SCREENING_ALLOWANCE_DAYS = 5
    case = _draft(applicant, prop)
    _fill(case, applicant)
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            case_services.submit(case=case, actor=applicant)
    case.refresh_from_db()
    assert case.status == S.SUBMITTED
    assert case.expected_decision_date == dt.date(2026, 3, 2) + dt.timedelta(days=5 + 40)
    assert case.events.filter(kind="status:submitted").count() == 1
    assert ScreeningRun.objects.filter(case=case).count() == 1
    receipt = [m for m in mail.outbox if m.attachments and case.reference in m.subject]
    assert len(receipt) == 1
    name, content, mimetype = receipt[0].attachments[0]
    assert mimetype == "application/pdf"
    text = pdf_text(content)
    assert case.reference in text
    first_doc = case.documents.first()
    assert first_doc.sha256[:16] in text.replace("\n", "")
    assert case.receipt_sent_at is not None
    # Idempotent: a second send does nothing.
    from applications.services.receipts import send_receipt

    assert send_receipt(case_id=case.pk) is False


def test_a_sent_application_cannot_be_sent_again(catalogue, applicant, prop):
    case = _draft(applicant, prop)
    _fill(case, applicant)
    case_services.submit(case=case, actor=applicant)
    with pytest.raises(NotAllowed):
        case_services.submit(case=case, actor=applicant)


def test_drafts_expire_with_reminders_7_and_1_days_before(catalogue, applicant, prop, settings):
    settings.DRAFT_LIFETIME_DAYS = 90
    start = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        case = _draft(applicant, prop)
    with time_machine.travel(start + dt.timedelta(days=83, hours=1), tick=False):
        assert draft_expiry.send_draft_reminders() == 1
        assert draft_expiry.send_draft_reminders() == 0  # once only
    with time_machine.travel(start + dt.timedelta(days=89, hours=1), tick=False):
        assert draft_expiry.send_draft_reminders() == 1
    assert [m.subject for m in mail.outbox if "deleted soon" in m.subject]
    with time_machine.travel(start + dt.timedelta(days=89), tick=False):
        assert draft_expiry.expire_drafts() == 0
    with time_machine.travel(start + dt.timedelta(days=91), tick=False):
        assert draft_expiry.expire_drafts() == 1
    assert not Case.objects.filter(pk=case.pk).exists()


def test_a_draft_resumed_after_the_catalogue_changed_is_checked(catalogue, applicant, prop, client):
    case = _draft(applicant, prop)
    Case.objects.filter(pk=case.pk).update(catalogue_version="2025.9")
    ChecklistItem.objects.filter(case=case, requirement__code="facades").delete()
    client.force_login(applicant)
    response = client.get(reverse("applications:draft_edit", args=[case.reference]), follow=True)
    body = response.content.decode()
    assert "requirements changed" in body
    assert "New:" in body
    case.refresh_from_db()
    assert case.catalogue_version == catalogue.version
    assert case.events.filter(kind="catalogue_updated").exists()


def test_representative_invitation_accepted_shows_the_case(catalogue, applicant, prop, client,
                                                           django_capture_on_commit_callbacks):
    case = _draft(applicant, prop)
    architect = UserFactory(role="applicant", email="arkitekt@example.dk")
    with django_capture_on_commit_callbacks(execute=True):
        rep = representative_services.invite_representative(case=case, email="arkitekt@example.dk", actor=applicant)
    assert rep.token in mail.outbox[-1].body
    client.force_login(architect)
    assert client.get(reverse("applications:draft_edit", args=[case.reference])).status_code == 404
    response = client.post(reverse("applications:representation_accept", args=[rep.token]))
    assert response.status_code == 302
    assert client.get(reverse("applications:draft_edit", args=[case.reference])).status_code == 200
    listing = client.get(reverse("applications:my_applications")).content.decode()
    assert case.reference in listing and "You represent the applicant" in listing


def test_html_journey_draft_to_receipt(catalogue, applicant, prop, client, django_capture_on_commit_callbacks):
    client.force_login(applicant)
    response = client.post(reverse("applications:draft_create"),
                           {"property": prop.pk, "application_type": "small-building", "applying_for": "self"})
    case = Case.objects.get(applicant=applicant)
    assert response["Location"] == reverse("applications:draft_edit", args=[case.reference])
    response = client.post(reverse("applications:draft_edit", args=[case.reference]),
                           {"description": "A 60 m² double garage", "applying_for": "self",
                            "customer_group": "owner"})
    assert response.status_code == 302
    check = client.get(reverse("applications:draft_check", args=[case.reference])).content.decode()
    assert "Before you can send" in check
    refused = client.post(reverse("applications:submit", args=[case.reference]))
    assert refused.status_code == 400
    assert "The application was not sent" in refused.content.decode()
    for item in case.checklist.filter(is_active=True, required=True).select_related("requirement"):
        client.post(reverse("applications:upload", args=[case.reference]),
                    {"requirement": item.requirement.code, "file": pdf_upload(f"{item.requirement.code}.pdf")})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("applications:submit", args=[case.reference]))
    assert response["Location"] == reverse("applications:receipt", args=[case.reference])
    page = client.get(response["Location"]).content.decode()
    assert case.reference in page and "When can you expect a decision?" in page
    pdf = client.get(reverse("applications:receipt_pdf", args=[case.reference]))
    assert pdf["Content-Type"] == "application/pdf"
    assert case.reference in pdf_text(pdf.content)


def test_uploading_a_bad_file_on_the_page_explains_and_keeps_nothing(catalogue, applicant, prop, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    case = _draft(applicant, prop)
    client.force_login(applicant)
    bad = SimpleUploadedFile("plan.pdf", b"<html><body>not a pdf</body></html>", content_type="application/pdf")
    response = client.post(reverse("applications:upload", args=[case.reference]),
                           {"requirement": "site-plan", "file": bad}, follow=True)
    assert "was not uploaded" in response.content.decode()
    assert not case.documents.exists()


def test_my_applications_query_count_does_not_grow(catalogue, applicant, client, django_assert_max_num_queries):
    client.force_login(applicant)
    for _ in range(2):
        _draft(applicant, PropertyFactory())
    with django_assert_max_num_queries(8):
        client.get(reverse("applications:my_applications"))
    for _ in range(8):
        _draft(applicant, PropertyFactory())
    with django_assert_max_num_queries(8):
        response = client.get(reverse("applications:my_applications"))
    assert response.content.decode().count("B-20") >= 10


@pytest.mark.parametrize("name", ["draft_edit", "draft_documents", "draft_check"])
def test_draft_pages_query_count(catalogue, applicant, prop, client, django_assert_max_num_queries, name):
    case = _draft(applicant, prop)
    _fill(case, applicant)
    client.force_login(applicant)
    with django_assert_max_num_queries(14):
        assert client.get(reverse(f"applications:{name}", args=[case.reference])).status_code == 200


def test_case_page_query_count(catalogue, applicant, prop, client, django_assert_max_num_queries):
    case = _draft(applicant, prop)
    _fill(case, applicant)
    case_services.submit(case=case, actor=applicant)
    client.force_login(applicant)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("applications:case_detail", args=[case.reference])).status_code == 200


def test_expected_date_is_shown_from_the_first_minute(catalogue, applicant, prop, client):
    case = _draft(applicant, prop)
    _fill(case, applicant)
    case_services.submit(case=case, actor=applicant)
    case.refresh_from_db()
    client.force_login(applicant)
    body = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    from django.utils.dateformat import format as date_format

    assert date_format(case.expected_decision_date, "j F Y") in body
    assert timezone.localdate() <= case.expected_decision_date


def test_documents_promised_at_a_meeting_stay_on_the_checklist(catalogue, applicant, prop):
    case = _draft(applicant, prop, code="small-building")
    assert not case.checklist.filter(requirement__code="structural-docs", is_active=True).exists()
    case_services.mark_agreed_at_meeting(case=case, requirement_codes=["structural-docs"],
                                         meeting_date=dt.date(2026, 2, 1))
    case_services.update_draft(case=case, actor=applicant, applying_for="other")
    item = case.checklist.get(requirement__code="structural-docs")
    assert item.is_active and item.agreed_at_meeting == dt.date(2026, 2, 1)


def test_the_request_box_offers_to_replace_the_flagged_file(catalogue, applicant, prop, client, caseworker):
    from applications.services.requests import open_information_request

    case = _draft(applicant, prop, code="small-building")
    _fill(case, applicant)
    case_services.submit(case=case, actor=applicant)
    case.refresh_from_db()
    old = case.documents.get(requirement__code="site-plan")
    open_information_request(case=case, items=["site-plan"], message="The site plan has no north arrow.",
                             due_date=None, kind="documentation", actor=caseworker)
    client.force_login(applicant)
    page = client.get(reverse("applications:case_detail", args=[case.reference])).content.decode()
    assert f'name="replaces" value="{old.pk}"' in page
    client.post(reverse("applications:upload", args=[case.reference]),
                {"requirement": "site-plan", "replaces": old.pk, "file": pdf_upload("site-plan-v2.pdf")})
    old.refresh_from_db()
    assert old.superseded_at is not None
    case.refresh_from_db()
    assert case.status == S.SUBMITTED  # every requested item answered: the case moved back

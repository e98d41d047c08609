"""Documents: add, replace with history, selectors, the permission-checked download, failures."""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from applications.models import CaseEvent, CaseRepresentative, ChecklistItem, Document
from applications.selectors.documents import current_documents, document_history, documents_by_requirement
from applications.services import documents as document_services
from applications.services.transitions import CaseFinished
from applications.services.uploads import UploadRejected
from permitportal.core.models import AuditEntry
from tests.applications.factories import CaseFactory, DocumentRequirementFactory
from tests.applications.files import corpus
from tests.applications.files.storage import private_storage, stored_files  # noqa: F401  (fixture)
from tests.factories import PASSWORD, UserFactory


@pytest.fixture
def refresh_calls(monkeypatch):
    """Record calls to services.cases.refresh_checklist_state."""
    from applications.services import cases

    calls = []
    original = cases.refresh_checklist_state

    def spy(*, case):
        calls.append(case.pk)
        original(case=case)

    monkeypatch.setattr(cases, "refresh_checklist_state", spy)
    return calls


@pytest.fixture
def case(db, private_storage, refresh_calls):  # noqa: F811
    return CaseFactory()


@pytest.fixture
def site_plan(db):
    return DocumentRequirementFactory(code="site-plan", accepted_formats=["pdf"])


@pytest.fixture
def photos(db):
    return DocumentRequirementFactory(code="photos", accepted_formats=["png", "jpeg"])


# --- add_document ---------------------------------------------------------------------------

def test_add_document_stores_the_file_and_records_it(case, site_plan, private_storage, refresh_calls):  # noqa: F811
    upload = corpus.good_pdf(name="Situationsplan.PDF")
    data = upload.read()
    upload.seek(0)
    doc = document_services.add_document(case=case, requirement=site_plan, uploaded_file=upload,
                                         actor=case.applicant)
    doc.refresh_from_db()
    assert doc.case == case and doc.requirement == site_plan
    assert doc.original_name == "Situationsplan.pdf"
    assert (doc.kind, doc.content_type, doc.size) == ("pdf", "application/pdf", len(data))
    assert doc.uploaded_by == case.applicant
    assert doc.is_current
    # Stored under a random name that says nothing about the file.
    assert "Situationsplan" not in doc.file.name and not doc.file.name.endswith(".pdf")
    files = stored_files(private_storage)
    assert len(files) == 1 and files[0].read_bytes() == data
    event = CaseEvent.objects.get(case=case, kind="document_added")
    assert event.params["name"] == "Situationsplan.pdf"
    assert event.actor == case.applicant
    assert refresh_calls == [case.pk]


def test_several_files_per_requirement_supersede_nothing(case, photos, private_storage):  # noqa: F811
    first = document_services.add_document(case=case, requirement=photos, uploaded_file=corpus.good_png(),
                                           actor=case.applicant)
    second = document_services.add_document(case=case, requirement=photos, uploaded_file=corpus.good_jpeg(),
                                            actor=case.applicant)
    first.refresh_from_db()
    assert first.is_current and second.is_current
    assert list(current_documents(case=case)) == [first, second]
    assert len(stored_files(private_storage)) == 2


def test_checklist_item_becomes_uploaded(case, site_plan):
    item = ChecklistItem.objects.create(case=case, requirement=site_plan, required=True)
    document_services.add_document(case=case, requirement=site_plan, uploaded_file=corpus.good_pdf(),
                                   actor=case.applicant)
    item.refresh_from_db()
    assert item.state == ChecklistItem.State.UPLOADED


def test_document_without_requirement(case):
    doc = document_services.add_document(case=case, requirement=None, uploaded_file=corpus.good_png(),
                                         actor=case.applicant)
    assert doc.requirement is None
    assert list(document_history(case=case, requirement=None)) == [doc]


def test_closed_case_takes_no_documents(db, private_storage, refresh_calls):  # noqa: F811
    case = CaseFactory(status="withdrawn")
    with pytest.raises(CaseFinished) as exc:  # not allowed (409), not a problem with the file
        document_services.add_document(case=case, requirement=None, uploaded_file=corpus.good_pdf(),
                                       actor=case.applicant)
    assert exc.value.code == "case_finished"
    assert stored_files(private_storage) == []


def test_submitted_case_still_takes_documents(db, private_storage, refresh_calls):  # noqa: F811
    case = CaseFactory(status="awaiting_information")
    doc = document_services.add_document(case=case, requirement=None, uploaded_file=corpus.good_pdf(),
                                         actor=case.applicant)
    assert doc.pk


# --- replace_document -------------------------------------------------------------------------

def test_replace_keeps_history(case, site_plan, private_storage, refresh_calls):  # noqa: F811
    old = document_services.add_document(case=case, requirement=site_plan,
                                         uploaded_file=corpus.good_pdf(name="v1.pdf"), actor=case.applicant)
    new = document_services.replace_document(document=old, uploaded_file=corpus.good_pdf(name="v2.pdf", pages=3),
                                             actor=case.applicant)
    old.refresh_from_db()
    assert old.superseded_by == new and old.superseded_at is not None and not old.is_current
    assert new.is_current and new.requirement == site_plan and new.case == case
    assert list(current_documents(case=case)) == [new]
    assert list(document_history(case=case, requirement=site_plan)) == [new, old]
    assert len(stored_files(private_storage)) == 2, "the old file stays for the history"
    names = list(CaseEvent.objects.filter(case=case, kind="document_added").values_list("params__name", flat=True))
    assert names == ["v1.pdf", "v2.pdf"]
    assert refresh_calls == [case.pk, case.pk]


def test_replacement_is_checked_against_the_requirement(case, site_plan, private_storage):  # noqa: F811
    old = document_services.add_document(case=case, requirement=site_plan, uploaded_file=corpus.good_pdf(),
                                         actor=case.applicant)
    with pytest.raises(UploadRejected) as exc:
        document_services.replace_document(document=old, uploaded_file=corpus.good_png(), actor=case.applicant)
    assert exc.value.code == "type_not_allowed"
    old.refresh_from_db()
    assert old.is_current
    assert Document.objects.count() == 1
    assert len(stored_files(private_storage)) == 1


def test_replacing_an_already_replaced_document_is_refused(case, site_plan, private_storage):  # noqa: F811
    old = document_services.add_document(case=case, requirement=site_plan, uploaded_file=corpus.good_pdf(),
                                         actor=case.applicant)
    stale = Document.objects.get(pk=old.pk)
    document_services.replace_document(document=old, uploaded_file=corpus.good_pdf(), actor=case.applicant)
    with pytest.raises(UploadRejected) as exc:
        document_services.replace_document(document=stale, uploaded_file=corpus.good_pdf(), actor=case.applicant)
    assert exc.value.code == "already_replaced"
    assert Document.objects.count() == 2
    assert len(stored_files(private_storage)) == 2, "the refused file was deleted again"


# --- Failures: nothing half-done ------------------------------------------------------------

def test_storage_failure_leaves_no_row(case, site_plan, private_storage, monkeypatch):  # noqa: F811
    storage = Document._meta.get_field("file").storage

    def broken_save(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "_save", broken_save)
    with pytest.raises(UploadRejected) as exc:
        document_services.add_document(case=case, requirement=site_plan, uploaded_file=corpus.good_pdf(),
                                       actor=case.applicant)
    assert exc.value.code == "save_failed"
    assert "could not be saved" in exc.value.message and "Try again" in exc.value.message
    assert Document.objects.count() == 0
    assert not CaseEvent.objects.filter(kind="document_added").exists()
    assert stored_files(private_storage) == []


def test_database_failure_deletes_the_stored_file(case, site_plan, private_storage, monkeypatch):  # noqa: F811
    def broken_create(**kwargs):
        raise IntegrityError("simulated")

    monkeypatch.setattr(Document.objects, "create", broken_create)
    with pytest.raises(IntegrityError):
        document_services.add_document(case=case, requirement=site_plan, uploaded_file=corpus.good_pdf(),
                                       actor=case.applicant)
    assert stored_files(private_storage) == []


def test_failure_after_insert_rolls_back_and_deletes(case, site_plan, private_storage, monkeypatch):  # noqa: F811
    def broken_record(**kwargs):
        raise RuntimeError("timeline unavailable")

    monkeypatch.setattr(document_services.events, "record", broken_record)
    with pytest.raises(RuntimeError):
        document_services.add_document(case=case, requirement=site_plan, uploaded_file=corpus.good_pdf(),
                                       actor=case.applicant)
    assert Document.objects.count() == 0
    assert stored_files(private_storage) == []


# --- Selectors --------------------------------------------------------------------------------

def test_documents_by_requirement_uses_one_query(case, site_plan, photos, django_assert_num_queries):
    for _ in range(3):
        document_services.add_document(case=case, requirement=photos, uploaded_file=corpus.good_png(),
                                       actor=case.applicant)
    document_services.add_document(case=case, requirement=site_plan, uploaded_file=corpus.good_pdf(),
                                   actor=case.applicant)
    with django_assert_num_queries(1):
        grouped = documents_by_requirement(case=case)
        titles = [d.requirement.code for docs in grouped.values() for d in docs]
    assert sorted(titles) == ["photos", "photos", "photos", "site-plan"]


def test_history_is_per_case(case, site_plan):
    other = CaseFactory()
    document_services.add_document(case=other, requirement=site_plan, uploaded_file=corpus.good_pdf(),
                                   actor=other.applicant)
    assert list(document_history(case=case, requirement=site_plan)) == []


# --- Download ---------------------------------------------------------------------------------

def _login(client, user):
    assert client.login(email=user.email, password=PASSWORD)


@pytest.fixture
def uploaded(case, site_plan):
    upload = corpus.good_pdf(name="Situationsplan æøå.pdf")
    data = upload.read()
    upload.seek(0)
    doc = document_services.add_document(case=case, requirement=site_plan, uploaded_file=upload,
                                         actor=case.applicant)
    return doc, data


def _url(doc):
    return reverse("applications:document_download", args=[doc.case.reference, doc.pk])


def test_owner_downloads_as_attachment(client, uploaded):
    doc, data = uploaded
    _login(client, doc.case.applicant)
    response = client.get(_url(doc))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=utf-8''Situationsplan%20%C3%A6%C3%B8%C3%A5.pdf" in disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert not AuditEntry.objects.exists(), "an applicant's own read is not a staff read"


def test_superseded_version_can_still_be_downloaded(client, uploaded):
    doc, data = uploaded
    document_services.replace_document(document=doc, uploaded_file=corpus.good_pdf(), actor=doc.case.applicant)
    _login(client, doc.case.applicant)
    response = client.get(_url(doc))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data


def test_accepted_representative_downloads(client, uploaded):
    doc, _data = uploaded
    architect = UserFactory(role="applicant")
    CaseRepresentative.objects.create(case=doc.case, email=architect.email, user=architect,
                                      accepted_at=timezone.now())
    _login(client, architect)
    assert client.get(_url(doc)).status_code == 200


def test_other_applicant_gets_404(client, uploaded, other_applicant):
    doc, _data = uploaded
    _login(client, other_applicant)
    assert client.get(_url(doc)).status_code == 404


def test_document_of_another_case_gets_404(client, uploaded):
    doc, _data = uploaded
    own_case = CaseFactory(applicant=doc.case.applicant)
    _login(client, doc.case.applicant)
    url = reverse("applications:document_download", args=[own_case.reference, doc.pk])
    assert client.get(url).status_code == 404


def test_anonymous_is_sent_to_login(client, uploaded):
    doc, _data = uploaded
    response = client.get(_url(doc))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_staff_download_is_audited(client, db, private_storage, refresh_calls, site_plan, caseworker):  # noqa: F811
    case = CaseFactory(status="submitted")
    doc = document_services.add_document(case=case, requirement=site_plan, uploaded_file=corpus.good_pdf(),
                                         actor=case.applicant)
    _login(client, caseworker)
    response = client.get(_url(doc))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.object_type, entry.object_id) == (
        caseworker, "document_download", "document", str(doc.pk))
    assert case.reference in entry.detail


def test_staff_cannot_read_a_draft(client, uploaded, caseworker):
    doc, _data = uploaded
    _login(client, caseworker)
    assert client.get(_url(doc)).status_code == 404
    assert not AuditEntry.objects.exists()


def test_missing_stored_file_is_404(client, uploaded):
    doc, _data = uploaded
    doc.file.storage.delete(doc.file.name)
    _login(client, doc.case.applicant)
    assert client.get(_url(doc)).status_code == 404


def test_download_query_count_is_bounded(client, uploaded, django_assert_max_num_queries):
    doc, _data = uploaded
    for _ in range(5):
        document_services.add_document(case=doc.case, requirement=None, uploaded_file=corpus.good_png(),
                                       actor=doc.case.applicant)
    _login(client, doc.case.applicant)
    with django_assert_max_num_queries(6):
        response = client.get(_url(doc))
    assert response.status_code == 200
    b"".join(response.streaming_content)

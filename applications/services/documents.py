"""Writes for documents: add a file to a case, replace one with a new version.

A file is checked (services.uploads) before anything is stored. It is stored under a random name in
the private storage; the row records its checked kind, size, SHA-256 and a safe display name. If
storing fails no row is written; if writing the row fails the stored file is deleted again.
"""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import Case, Document
from applications.services import events
from applications.services.transitions import ensure_open
from applications.services.uploads import CheckedFile, UploadRejected, validate_upload

logger = logging.getLogger(__name__)


def _accepted_formats(requirement):
    return list(requirement.accepted_formats or []) if requirement is not None else None


def _store(*, uploaded_file, checked: CheckedFile) -> str:
    """Save the bytes under a random name in the private storage; the stored name."""
    field = Document._meta.get_field("file")
    storage = field.storage
    name = field.generate_filename(None, checked.safe_name)
    try:
        uploaded_file.seek(0)
        return storage.save(name, uploaded_file, max_length=field.max_length)
    except OSError as exc:
        logger.exception("Could not store an uploaded file (%s bytes)", checked.size)
        raise UploadRejected(
            _("The file could not be saved because of a problem on our side. Nothing was uploaded. Try again in a "
              "few minutes."),
            code="save_failed",
        ) from exc


def _delete_stored(name: str) -> None:
    try:
        Document._meta.get_field("file").storage.delete(name)
    except OSError:
        logger.exception("Could not delete the stored file %s after a failed upload", name)


def _check_case_open(case: Case) -> None:
    """After the decision nothing is added (409); the second wave's appeals bring their own documents."""
    ensure_open(case)


def _check_quota(case: Case, *, size: int) -> None:
    """A case holds at most ``CASE_MAX_DOCUMENTS`` files and ``CASE_MAX_BYTES`` in all (replaced versions
    included: they are kept), so no one can fill the portal's storage through one case."""
    from django.conf import settings
    from django.db.models import Count, Sum

    stored = Document.objects.filter(case=case).aggregate(n=Count("id"), total=Sum("size"))
    if stored["n"] >= settings.CASE_MAX_DOCUMENTS:
        raise UploadRejected(
            _("This case already has %(count)d files, the most one case can hold. Combine drawings into one PDF, "
              "or call the dialogue team.") % {"count": stored["n"]}, code="case_quota")
    if (stored["total"] or 0) + size > settings.CASE_MAX_BYTES:
        raise UploadRejected(
            _("This file would take the case's files over %(limit)d MB in all, the most one case can hold. Make "
              "the file smaller, or call the dialogue team.") % {"limit": settings.CASE_MAX_BYTES // 1_000_000},
            code="case_quota")


def _create(*, case: Case, requirement, uploaded_file, actor, supersede: Document | None = None) -> Document:
    checked = validate_upload(uploaded_file=uploaded_file, accepted_formats=_accepted_formats(requirement))
    _check_quota(case, size=checked.size)
    stored_name = _store(uploaded_file=uploaded_file, checked=checked)
    try:
        with transaction.atomic():
            if supersede is not None:
                old = Document.objects.select_for_update().get(pk=supersede.pk)
                if old.superseded_at is not None:
                    raise UploadRejected(
                        _("This document has already been replaced by a newer version. Reload the page to see the "
                          "current version."),
                        code="already_replaced",
                    )
            document = Document.objects.create(
                case=case,
                requirement=requirement,
                file=stored_name,
                original_name=checked.safe_name,
                content_type=checked.content_type,
                kind=checked.kind,
                size=checked.size,
                sha256=checked.sha256,
                uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
            if supersede is not None:
                old.superseded_by = document
                old.superseded_at = document.uploaded_at
                old.save(update_fields=["superseded_by", "superseded_at"])
                supersede.superseded_by = document
                supersede.superseded_at = old.superseded_at
            params = {"name": checked.safe_name, "requirement": getattr(requirement, "code", None),
                      "document": document.pk}
            if supersede is not None:
                params["replaces"] = supersede.pk
            events.record(case=case, kind="document_added", actor=actor, params=params)
            # Refresh the checklist; after submission also advise the caseworker, answer an open
            # information request and screen again.
            from applications.services.handling import after_document_added

            after_document_added(case=case, document=document, actor=actor)
    except BaseException:
        _delete_stored(stored_name)
        raise
    return document


def store_attachment(*, case: Case, uploaded_file, actor) -> Document:
    """A file that belongs to something on the case other than a requirement (an appeal's attachments):
    checked and stored like any upload, counted in the case's quota, no screening. Works after the decision."""
    checked = validate_upload(uploaded_file=uploaded_file)
    _check_quota(case, size=checked.size)
    stored_name = _store(uploaded_file=uploaded_file, checked=checked)
    try:
        return Document.objects.create(case=case, requirement=None, file=stored_name, original_name=checked.safe_name,
                                       content_type=checked.content_type, kind=checked.kind, size=checked.size,
                                       sha256=checked.sha256,
                                       uploaded_by=actor if getattr(actor, "is_authenticated", False) else None)
    except BaseException:
        _delete_stored(stored_name)
        raise


@transaction.atomic
def add_document(*, case: Case, requirement, uploaded_file, actor) -> Document:
    """Check the file against the requirement's accepted formats, store it and attach it to the case.

    A requirement may have several files; nothing is superseded. Raises ``UploadRejected`` with the
    reason when the file is refused or cannot be saved; nothing is stored then.
    """
    _check_case_open(case)
    return _create(case=case, requirement=requirement, uploaded_file=uploaded_file, actor=actor)


@transaction.atomic
def replace_document(*, document: Document, uploaded_file, actor) -> Document:
    """Upload a new version of ``document``: the old one is marked superseded and kept in the history."""
    case = document.case
    _check_case_open(case)
    return _create(case=case, requirement=document.requirement, uploaded_file=uploaded_file, actor=actor,
                   supersede=document)

"""Upload checks: every file in the corpus is refused with its own reason, and nothing is stored."""


import pytest
from django.core.files.base import ContentFile
from PIL import Image

from applications.models import CaseEvent, Document
from applications.services.documents import add_document
from applications.services.uploads import UploadRejected, safe_filename, sniff, validate_upload
from tests.applications.factories import CaseFactory, DocumentRequirementFactory
from tests.applications.files import corpus
from tests.applications.files.storage import private_storage, stored_files  # noqa: F401  (fixture)


@pytest.fixture
def case(db, private_storage):  # noqa: F811
    return CaseFactory()


@pytest.fixture
def requirement(db):
    return DocumentRequirementFactory(code="site-plan", accepted_formats=["pdf", "png", "jpeg"])


# --- Good files -------------------------------------------------------------------------------

@pytest.mark.parametrize("make, kind, content_type", [
    (corpus.good_pdf, "pdf", "application/pdf"),
    (corpus.good_png, "png", "image/png"),
    (corpus.good_jpeg, "jpeg", "image/jpeg"),
    (lambda: corpus.good_jpeg(name="FOTO.JPEG"), "jpeg", "image/jpeg"),
])
def test_good_files_are_accepted_with_kind_size_and_hash(make, kind, content_type):
    import hashlib

    f = make()
    data = f.read()
    f.seek(0)
    checked = validate_upload(uploaded_file=f)
    assert checked.kind == kind
    assert checked.content_type == content_type
    assert checked.size == len(data)
    assert checked.sha256 == hashlib.sha256(data).hexdigest()
    assert f.tell() == 0, "the file is rewound for storing"


def test_client_content_type_is_never_trusted():
    f = corpus.html_renamed_pdf()
    f.content_type = "application/pdf"
    with pytest.raises(UploadRejected) as exc:
        validate_upload(uploaded_file=f)
    assert exc.value.code == "type_not_allowed"


# --- Each bad file, its reason, and nothing stored ----------------------------------------------

BAD = [
    (corpus.html_renamed_pdf, "type_not_allowed", "web page (HTML)"),
    (corpus.exe_renamed_png, "type_not_allowed", "Windows program"),
    (corpus.elf_renamed_jpg, "type_not_allowed", "Linux program"),
    (corpus.zip_word_document, "type_not_allowed", "Word document"),
    (corpus.heic_photo, "type_not_allowed", "iPhone photo (HEIC)"),
    (corpus.text_file, "type_not_allowed", "text file"),
    (corpus.unknown_binary, "type_not_allowed", "We cannot tell what kind of file this is"),
    (corpus.empty_file, "empty", "The file is empty"),
    (corpus.encrypted_pdf, "encrypted", "password-protected"),
    (corpus.truncated_pdf, "unreadable", "The PDF cannot be opened"),
    (corpus.garbage_pdf, "unreadable", "The PDF cannot be opened"),
    (corpus.pdf_without_pages, "empty_pdf", "The PDF has no pages"),
    (corpus.truncated_png, "unreadable", "The PNG image cannot be opened"),
    (corpus.truncated_jpeg, "unreadable", "The JPEG image cannot be opened"),
    (corpus.pdf_renamed_png, "extension_mismatch", "rename it to end in .pdf"),
    (corpus.png_renamed_jpg, "extension_mismatch", "rename it to end in .png"),
    (corpus.pdf_without_extension, "extension_mismatch", "has no extension"),
]


@pytest.mark.parametrize("make, code, phrase", BAD, ids=[b[0].__name__ for b in BAD])
def test_bad_file_is_refused_with_its_reason(make, code, phrase):
    with pytest.raises(UploadRejected) as exc:
        validate_upload(uploaded_file=make())
    assert exc.value.code == code
    assert phrase in exc.value.message
    assert str(exc.value) == exc.value.message


@pytest.mark.parametrize("make, code, phrase", BAD, ids=[b[0].__name__ for b in BAD])
def test_bad_file_leaves_nothing_behind(make, code, phrase, case, requirement, applicant, private_storage):  # noqa: F811
    with pytest.raises(UploadRejected) as exc:
        add_document(case=case, requirement=requirement, uploaded_file=make(), actor=applicant)
    assert exc.value.code == code
    assert Document.objects.count() == 0
    assert not CaseEvent.objects.filter(kind="document_added").exists()
    assert stored_files(private_storage) == []


def test_oversized_file_names_the_limit_and_the_size(settings, case, requirement, applicant, private_storage):  # noqa: F811
    settings.UPLOAD_MAX_BYTES = 1024 * 1024  # 1 MB
    f = corpus.upload("stor.pdf", corpus.pdf_bytes(1) + b"%" + b"x" * (int(1.5 * 1024 * 1024)) + b"\n%%EOF\n")
    with pytest.raises(UploadRejected) as exc:
        add_document(case=case, requirement=requirement, uploaded_file=f, actor=applicant)
    assert exc.value.code == "too_large"
    assert "The file is 1.5 MB" in exc.value.message
    assert "the largest file we accept is 1 MB" in exc.value.message
    assert Document.objects.count() == 0
    assert stored_files(private_storage) == []


def test_default_limit_is_50_mb():
    from applications.services.uploads import max_upload_bytes

    assert max_upload_bytes() == 50 * 1024 * 1024


def test_size_in_danish_uses_a_decimal_comma(settings):
    from django.utils import translation

    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    f = corpus.upload("stor.pdf", b"%PDF-" + b"x" * int(2.5 * 1024 * 1024))
    with translation.override("da"), pytest.raises(UploadRejected) as exc:
        validate_upload(uploaded_file=f)
    assert "2,5" in exc.value.message


# --- Requirement formats ------------------------------------------------------------------------

def test_requirement_formats_are_enforced(db, case, applicant, private_storage):  # noqa: F811
    photos_only = DocumentRequirementFactory(code="photos", accepted_formats=["png", "JPG"])
    with pytest.raises(UploadRejected) as exc:
        add_document(case=case, requirement=photos_only, uploaded_file=corpus.good_pdf(), actor=applicant)
    assert exc.value.code == "type_not_allowed"
    assert "This file is a PDF file, but this document must be a PNG or JPEG file" in exc.value.message
    assert stored_files(private_storage) == []
    doc = add_document(case=case, requirement=photos_only, uploaded_file=corpus.good_jpeg(), actor=applicant)
    assert doc.kind == "jpeg"


def test_html_refusal_lists_the_accepted_formats():
    with pytest.raises(UploadRejected) as exc:
        validate_upload(uploaded_file=corpus.html_renamed_pdf(), accepted_formats=["pdf"])
    assert "We accept PDF files" in exc.value.message


# --- Images: decompression bombs ----------------------------------------------------------------

def test_image_with_too_many_pixels_is_refused(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 1000
    with pytest.raises(UploadRejected) as exc:
        validate_upload(uploaded_file=corpus.good_png(size=(100, 100)))
    assert exc.value.code == "too_many_pixels"
    assert "lower resolution" in exc.value.message


def test_pillow_decompression_bomb_guard_is_active(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    for make in (corpus.good_png, corpus.good_jpeg):
        with pytest.raises(UploadRejected) as exc:
            validate_upload(uploaded_file=make(size=(40, 30)))  # 1 200 pixels: over twice the limit
        assert exc.value.code == "too_many_pixels"


def test_pillow_warning_level_bomb_is_refused_too(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(UploadRejected) as exc:
        validate_upload(uploaded_file=corpus.good_png(size=(40, 30)))  # 1 200 pixels: over the limit, not twice
    assert exc.value.code == "too_many_pixels"


# --- Names ------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("../../etc/passwd.pdf", "passwd.pdf"),
    ("..\\..\\Windows\\system32\\plan.PDF", "plan.pdf"),
    ("plan\x00\x1b[31m\r\nny.pdf", "plan [31m ny.pdf"),
    ("faktura\u202efdp.exe", "faktura fdp.exe"),
    ("  Tegning: snit A|B?.pdf  ", "Tegning_ snit A_B_.pdf"),
    (".pdf", "pdf"),
    ("", "document"),
    ("...", "document"),
    ("Æbeløgade 4 – facade.png", "Æbeløgade 4 – facade.png"),
])
def test_safe_filename(raw, expected):
    assert safe_filename(raw) == expected


def test_very_long_name_is_shortened_keeping_the_extension():
    name = safe_filename("plan-" + "æ" * 400 + ".pdf")
    assert len(name) == 120
    assert name.endswith("æ.pdf")


def test_dangerous_name_is_cleaned_and_stored_under_a_random_name(case, requirement, applicant,
                                                                 private_storage):  # noqa: F811
    f = ContentFile(corpus.pdf_bytes(1), name="../../etc/\x00pass\x1b[31mwd\r\n\u202eFDP.pdf")
    doc = add_document(case=case, requirement=requirement, uploaded_file=f, actor=applicant)
    assert doc.original_name == "pass [31mwd FDP.pdf"
    files = stored_files(private_storage)
    assert len(files) == 1
    assert "pass" not in files[0].name and ".." not in doc.file.name
    assert files[0].resolve().is_relative_to(private_storage.resolve())


def test_browser_upload_with_long_name_is_accepted(case, requirement, applicant):
    doc = add_document(case=case, requirement=requirement, uploaded_file=corpus.very_long_name(), actor=applicant)
    assert len(doc.original_name) <= 120
    assert doc.original_name.endswith(".pdf")


# --- Sniffing ---------------------------------------------------------------------------------

@pytest.mark.parametrize("head, result", [
    (b"%PDF-1.7\n", ("pdf", None)),
    (b"\x89PNG\r\n\x1a\n\x00", ("png", None)),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", ("jpeg", None)),
    (b"MZ\x90\x00", (None, "exe")),
    (b"\x7fELF\x02", (None, "elf")),
    (b"PK\x03\x04\x14\x00", (None, "zip")),
    (b"GIF89a", (None, "gif")),
    (b"  <html><body>", (None, "html")),
    (b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'>", (None, "svg")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", (None, "office")),
])
def test_sniff(head, result):
    assert sniff(head) == result


def test_truncated_jpeg_is_refused_even_after_weasyprint_is_imported():
    """WeasyPrint (used for the PDF letters) turns on Pillow's LOAD_TRUNCATED_IMAGES when imported."""
    import weasyprint  # noqa: F401
    from PIL import ImageFile

    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = True
    try:
        with pytest.raises(UploadRejected) as exc:
            validate_upload(uploaded_file=corpus.truncated_jpeg())
        assert exc.value.code == "unreadable"
        assert ImageFile.LOAD_TRUNCATED_IMAGES is True, "the global is restored for WeasyPrint"
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before

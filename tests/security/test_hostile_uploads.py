"""Hostile files through the API upload endpoint: each is refused with a reason, or stored so that it
can never run (random storage name, a safe download name, the sniffed content type, attachment, sandbox)."""

import io
import struct
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from applications.models import Document
from permitportal.accounts.services import issue_api_token
from tests.applications.files import corpus


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bomb_png(width=12_000, height=12_000) -> bytes:
    """A valid 1-bit greyscale PNG of 144 megapixels in a few kilobytes: it decompresses to far more."""
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    idat = zlib.compress(row * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b""))


def zip_bytes() -> bytes:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("payload.html", "<script>alert(1)</script>")
    return out.getvalue()


HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
PHP = b"<?php system($_GET['c']); ?>"


def upload(name, data, content_type):
    return SimpleUploadedFile(name, data, content_type=content_type)


REFUSED = {
    "html as png": upload("facade.png", HTML, "image/png"),
    "svg with script as png": upload("plan.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)'
                                                 b"</script></svg>", "image/png"),
    "exe as pdf": upload("plan.pdf", b"MZ\x90\x00" + b"\x00" * 200, "application/pdf"),
    "zip as pdf": upload("plan.pdf", zip_bytes(), "application/pdf"),
    "php as jpeg": upload("photo.jpg", PHP, "image/jpeg"),
    "gif as jpeg": upload("photo.jpg", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/jpeg"),
    "png named pdf": upload("plan.pdf", corpus.image_bytes("PNG"), "application/pdf"),
    "html with a pdf header": upload("plan.pdf", b"%PDF-1.7\n" + HTML, "application/pdf"),
    "decompression bomb": upload("huge.png", bomb_png(), "image/png"),
    "truncated png": upload("cut.png", corpus.image_bytes("PNG")[:200], "image/png"),
    "empty": upload("empty.pdf", b"", "application/pdf"),
}

def pdf_with_html_comment() -> bytes:
    """A PDF whose second line is a comment holding a web page: a browser sniffing it would see HTML."""
    first, rest = corpus.pdf_bytes().split(b"\n", 1)
    return first + b"\n%" + HTML + b"\n" + rest


# Refused or stored: either is fine, as long as what is stored can never run.
EITHER = {
    "pdf with a zip appended": upload("plan.pdf", corpus.pdf_bytes() + zip_bytes() + b"\n%%EOF\n",
                                      "application/pdf"),
    "pdf with html appended": upload("plan.pdf", corpus.pdf_bytes() + HTML + b"\n%%EOF\n", "text/html"),
    "pdf with html in a comment": upload("plan.pdf", pdf_with_html_comment(), "text/html"),
    "control characters": upload("pl\x00an\r\n\x1b[31m.pdf", corpus.pdf_bytes(), "application/pdf"),
}

STORED_SAFELY = {
    "png with php after the end": upload("facade.png", corpus.image_bytes("PNG") + PHP, "application/x-php"),
    "png with html after the end": upload("facade.png", corpus.image_bytes("PNG") + HTML, "text/html"),
    "path traversal name": upload("../../../etc/cron.d/plan.pdf", corpus.pdf_bytes(), "application/pdf"),
    "windows path name": upload("..\\..\\Windows\\plan.pdf", corpus.pdf_bytes(), "application/pdf"),
    "right-to-left override": upload("plan\u202efdp.exe.pdf", corpus.pdf_bytes(), "application/pdf"),
    "header injection": upload('plan"; filename="evil.html.pdf', corpus.pdf_bytes(), "application/pdf"),
}


@pytest.fixture
def api(client, world):
    client.defaults["HTTP_AUTHORIZATION"] = f"Token {issue_api_token(user=world.applicant)[0]}"
    client.force_login(world.applicant)  # the download is an HTML route (session)
    return client


def _post(api, world, upload_file):
    upload_file.seek(0)
    return api.post(reverse("api-case-documents", args=[world.draft.reference]), {"file": upload_file})


def _stored_files(settings):
    root = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def assert_refused(response, settings, before_rows, before_files):
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "file_rejected" or "file" in body.get("errors", {})
    assert len(body["message"]) > 20
    assert Document.objects.count() == before_rows
    assert _stored_files(settings) == before_files


@pytest.mark.parametrize("label", sorted(REFUSED))
def test_refused_with_a_reason(api, world, settings, label):
    before_rows, before_files = Document.objects.count(), _stored_files(settings)
    assert_refused(_post(api, world, REFUSED[label]), settings, before_rows, before_files)


@pytest.mark.parametrize("label", sorted(EITHER))
def test_refused_or_stored_safely(api, world, settings, label):
    before_rows, before_files = Document.objects.count(), _stored_files(settings)
    response = _post(api, world, EITHER[label])
    if response.status_code == 400:
        assert_refused(response, settings, before_rows, before_files)
    else:
        assert_stored_safely(api, world, settings, response)


@pytest.mark.parametrize("label", sorted(STORED_SAFELY))
def test_stored_safely(api, world, settings, label):
    assert_stored_safely(api, world, settings, _post(api, world, STORED_SAFELY[label]))


def assert_stored_safely(api, world, settings, response):
    assert response.status_code == 201, response.content
    doc = Document.objects.get(pk=response.json()["id"])
    name = doc.original_name
    assert "/" not in name and "\\" not in name and ".." not in name.replace("...", "")
    assert not any(ord(ch) < 32 or ch in '"\u202e' for ch in name), repr(name)
    stored = Path(doc.file.path).resolve()
    root = Path(settings.STORAGES["private"]["OPTIONS"]["location"]).resolve()
    assert root in stored.parents
    assert "etc" not in stored.parts and "Windows" not in stored.parts
    assert doc.content_type in ("application/pdf", "image/png")
    download = api.get(reverse("applications:document_download", args=[world.draft.reference, doc.pk]))
    assert download.status_code == 200
    assert download["Content-Type"] == doc.content_type
    assert download["Content-Disposition"].startswith("attachment")
    assert download["Content-Disposition"].count('"') <= 2 and "\n" not in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]


def test_oversize_is_refused(api, world, settings):
    settings.UPLOAD_MAX_BYTES = 5_000
    big = upload("plan.pdf", corpus.pdf_bytes(pages=40), "application/pdf")
    assert big.size > 5_000
    response = _post(api, world, big)
    assert response.status_code == 400
    assert "MB" in response.json()["message"] or "large" in response.json()["message"]
    assert not Document.objects.filter(case=world.draft).exists()


def test_two_applicants_same_name_do_not_overwrite(api, world, settings):
    first = _post(api, world, upload("plan.pdf", corpus.pdf_bytes(1), "application/pdf"))
    second = _post(api, world, upload("plan.pdf", corpus.pdf_bytes(3), "application/pdf"))
    a, b = Document.objects.get(pk=first.json()["id"]), Document.objects.get(pk=second.json()["id"])
    assert a.file.name != b.file.name
    assert a.sha256 != b.sha256 and Path(a.file.path).read_bytes() != Path(b.file.path).read_bytes()

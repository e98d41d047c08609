"""Small, valid files for tests, made on the fly."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile


def pdf_bytes(text: str = "Site plan 1:500") -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": text})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def pdf_upload(name: str = "site-plan.pdf", text: str | None = None) -> SimpleUploadedFile:
    """A PDF whose content follows its name (two names, two files: screening flags one file sent for
    several documents)."""
    return SimpleUploadedFile(name, pdf_bytes(text or name), content_type="application/pdf")


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)

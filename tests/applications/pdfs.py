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


def assert_tagged(data: bytes, *, language: str, title: str | None = None) -> None:
    """A tagged PDF a screen reader can follow: a structure tree with headings and paragraphs, marked
    content, the document's language and a title shown as the window title."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root, "no structure tree: the PDF is untagged"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712  (a pypdf BooleanObject)
    assert str(root["/Lang"]).startswith(language)
    assert reader.metadata.title and reader.metadata.title == (title or reader.metadata.title)
    kinds = set()
    stack = [root["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):  # a structure element; marked-content ids are integers
            kinds.add(str(node.get("/S", "")))
            kids = node.get("/K", [])
            stack.extend(kid.get_object() for kid in (kids if isinstance(kids, list) else [kids]))
    assert "/P" in kinds and kinds & {"/H1", "/H"}, kinds

"""Checks on an uploaded file before anything is stored.

The type comes from the file's first bytes, never from the name or the content type the browser
sends. The extension must agree with it. PDFs are opened with pypdf and images decoded in full with
Pillow, so an encrypted, truncated or corrupt file is refused with a reason a person can act on.
"""

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image

from permitportal.core.errors import Invalid

# The kinds the portal accepts, in the order they are listed to people.
ALLOWED_KINDS = ("pdf", "png", "jpeg")
CONTENT_TYPES = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg"}
EXTENSIONS = {"pdf": (".pdf",), "png": (".png",), "jpeg": (".jpg", ".jpeg")}
KIND_LABELS = {"pdf": "PDF", "png": "PNG", "jpeg": "JPEG"}
_KIND_ALIASES = {"jpg": "jpeg", "jpeg": "jpeg", "pdf": "pdf", "png": "png", "image/jpeg": "jpeg",
                 "image/png": "png", "application/pdf": "pdf"}

MAX_NAME_LENGTH = 120
HEAD_BYTES = 4096
PDF_EOF_WINDOW = 2048

# What a refused file looks like, by its first bytes, so the message can name it.
_LOOKS_LIKE_ZIP = gettext_lazy("a ZIP archive (Word, Excel and PowerPoint files are ZIP archives too)")
_LOOKS_LIKE = {
    "html": gettext_lazy("a web page (HTML)"),
    "exe": gettext_lazy("a Windows program (.exe)"),
    "elf": gettext_lazy("a Linux program"),
    "macho": gettext_lazy("a Mac program"),
    "script": gettext_lazy("a script"),
    "zip": _LOOKS_LIKE_ZIP,
    "docx": gettext_lazy("a Word document"),
    "xlsx": gettext_lazy("an Excel spreadsheet"),
    "pptx": gettext_lazy("a PowerPoint presentation"),
    "office": gettext_lazy("an older Word or Excel file"),
    "rar": gettext_lazy("a RAR archive"),
    "7z": gettext_lazy("a 7-Zip archive"),
    "gzip": gettext_lazy("a compressed (gzip) file"),
    "gif": gettext_lazy("a GIF image"),
    "tiff": gettext_lazy("a TIFF image"),
    "webp": gettext_lazy("a WebP image"),
    "heic": gettext_lazy("an iPhone photo (HEIC)"),
    "bmp": gettext_lazy("a BMP image"),
    "svg": gettext_lazy("an SVG drawing"),
    "xml": gettext_lazy("an XML file"),
    "rtf": gettext_lazy("an RTF document"),
    "postscript": gettext_lazy("a PostScript file"),
    "dwg": gettext_lazy("an AutoCAD drawing (DWG)"),
    "text": gettext_lazy("a text file"),
}


class UploadRejected(Invalid):
    """The file was not accepted (400). ``message`` tells the person what to do; ``code`` is for programs."""

    def __init__(self, message, code: str = "rejected"):
        super().__init__(message, code=code)


@dataclass(frozen=True)
class CheckedFile:
    kind: str  # "pdf", "png" or "jpeg"
    content_type: str
    size: int
    sha256: str
    safe_name: str


def max_upload_bytes() -> int:
    return int(getattr(settings, "UPLOAD_MAX_BYTES", 50 * 1024 * 1024))


def max_image_pixels() -> int:
    return int(getattr(settings, "UPLOAD_MAX_IMAGE_PIXELS", 0) or Image.MAX_IMAGE_PIXELS or 89_478_485)


def _megabytes(size: int) -> str:
    """Bytes as megabytes for people, in the current language's number format: 52428800 -> "50", 1572864 -> "1.5"."""
    value = size / (1024 * 1024)
    places = 2 if value < 1 else 1 if value < 10 else 0
    value = max(value, 0.01)
    text = number_format(round(value, places), places, use_l10n=True)
    if places and "." not in text and "," not in text:
        return text
    return re.sub(r"[.,]?0+$", "", text) if places else text


def normalise_formats(accepted_formats) -> tuple[str, ...]:
    """A requirement's accepted formats as kinds we know, in our order; all of them when none are given."""
    if not accepted_formats:
        return ALLOWED_KINDS
    wanted = {_KIND_ALIASES.get(str(f).strip().lower().lstrip(".")) for f in accepted_formats}
    kinds = tuple(kind for kind in ALLOWED_KINDS if kind in wanted)
    return kinds or ALLOWED_KINDS


def formats_text(kinds) -> str:
    """("pdf", "png", "jpeg") -> "PDF, PNG or JPEG"."""
    labels = [KIND_LABELS[k] for k in kinds]
    if len(labels) == 1:
        return labels[0]
    return _("%(items)s or %(last)s") % {"items": ", ".join(labels[:-1]), "last": labels[-1]}


# --- File names ---------------------------------------------------------------------------------

_UNSAFE_CHARS = re.compile(r'[<>:"|?*]')


def safe_filename(name: str | None, *, max_length: int = MAX_NAME_LENGTH) -> str:
    """A name fit to show and to offer on download: no folders, no control or direction-changing
    characters, no characters Windows refuses, at most ``max_length`` characters with the extension kept."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in name)
    name = _UNSAFE_CHARS.sub("_", name)
    name = " ".join(name.split()).strip(" .")
    stem, ext = os.path.splitext(name)
    if len(ext) > 10 or not re.fullmatch(r"\.[\w]+", ext or ".x"):
        stem, ext = name, ""
    stem = stem.strip(" .")
    if len(stem) + len(ext) > max_length:
        stem = stem[: max_length - len(ext)].rstrip(" .")
    if not stem:
        stem = "document"
    return stem + ext.lower()


# --- Sniffing -----------------------------------------------------------------------------------

def sniff(head: bytes) -> tuple[str | None, str | None]:
    """(accepted kind, None) for PDF/PNG/JPEG; (None, what it looks like) otherwise; (None, None) when unknown."""
    if head.startswith(b"%PDF-"):
        return "pdf", None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", None
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg", None
    return None, _looks_like(head)


def _looks_like(head: bytes) -> str | None:
    if head.startswith(b"MZ"):
        return "exe"
    if head.startswith(b"\x7fELF"):
        return "elf"
    if head[:4] in (b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe",
                    b"\xca\xfe\xba\xbe"):
        return "macho"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        if b"word/" in head:
            return "docx"
        if b"xl/" in head:
            return "xlsx"
        if b"ppt/" in head:
            return "pptx"
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "office"
    if head.startswith(b"Rar!\x1a\x07"):
        return "rar"
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return "7z"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"hevc", b"heim", b"heis"):
        return "heic"
    if head.startswith(b"BM") and len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00":
        return "bmp"
    if head.startswith(b"AC10"):
        return "dwg"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"%!PS"):
        return "postscript"
    text = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<meta")):
        return "html"
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in text):
        return "svg"
    if text.startswith(b"<?xml"):
        return "xml"
    if text.startswith(b"#!"):
        return "script"
    if b"<html" in text[:1024] or b"<script" in text[:1024]:
        return "html"
    if head and _is_text(head):
        return "text"
    return None


def _is_text(data: bytes) -> bool:
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        # A multi-byte character cut at the end of the sample is still text.
        try:
            decoded = data[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return all(ch.isprintable() or ch in "\r\n\t\f" for ch in decoded)


# --- Reading ------------------------------------------------------------------------------------

def _size_of(uploaded_file) -> int:
    size = getattr(uploaded_file, "size", None)
    if size is None:
        uploaded_file.seek(0, os.SEEK_END)
        size = uploaded_file.tell()
        uploaded_file.seek(0)
    return int(size)


def _read_head(uploaded_file) -> bytes:
    uploaded_file.seek(0)
    head = uploaded_file.read(HEAD_BYTES)
    uploaded_file.seek(0)
    return head or b""


def _sha256(uploaded_file) -> str:
    digest = hashlib.sha256()
    uploaded_file.seek(0)
    if hasattr(uploaded_file, "chunks"):
        for chunk in uploaded_file.chunks():
            digest.update(chunk)
    else:
        for chunk in iter(lambda: uploaded_file.read(1024 * 1024), b""):
            digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


def read_tail(uploaded_file, size: int, length: int) -> bytes:
    uploaded_file.seek(max(size - length, 0))
    tail = uploaded_file.read(length)
    uploaded_file.seek(0)
    return tail or b""


# --- The check ----------------------------------------------------------------------------------

def validate_upload(*, uploaded_file, accepted_formats=None) -> CheckedFile:
    """Check a file before it is stored; raise ``UploadRejected`` with the reason, or return what we found."""
    safe_name = safe_filename(getattr(uploaded_file, "name", ""))
    size = _size_of(uploaded_file)
    if size == 0:
        raise UploadRejected(_("The file is empty. Check that you chose the right file, and try again."),
                             code="empty")
    limit = max_upload_bytes()
    if size > limit:
        raise UploadRejected(
            _("The file is %(size)s MB; the largest file we accept is %(limit)s MB. Make it smaller (for example, "
              "save the drawing as PDF at a lower resolution, or split it into several files) and try again.")
            % {"size": _megabytes(size), "limit": _megabytes(limit)},
            code="too_large",
        )

    allowed = normalise_formats(accepted_formats)
    head = _read_head(uploaded_file)
    kind, looks_like = sniff(head)
    if kind is None:
        formats = formats_text(allowed)
        if "pdf" in allowed:
            action = _("Save or export it as PDF and upload it again.")
        else:
            action = _("Save it as %(formats)s and upload it again.") % {"formats": formats}
        if looks_like:
            message = _("This file looks like %(what)s, not a PDF or an image. We accept %(formats)s files.") % {
                "what": _LOOKS_LIKE[looks_like], "formats": formats}
        else:
            message = _("We cannot tell what kind of file this is. We accept %(formats)s files.") % {"formats": formats}
        raise UploadRejected(f"{message} {action}", code="type_not_allowed")
    if kind not in allowed:
        raise UploadRejected(
            _("This file is a %(kind)s file, but this document must be a %(formats)s file. Save it as %(formats)s "
              "and upload it again.") % {"kind": KIND_LABELS[kind], "formats": formats_text(allowed)},
            code="type_not_allowed",
        )

    ext = os.path.splitext(safe_name)[1].lower()
    if ext not in EXTENSIONS[kind]:
        right = EXTENSIONS[kind][0]
        if ext:
            message = _("The file is named “%(name)s”, but it is a %(kind)s file. Check that you chose the right "
                        "file; if you did, rename it to end in %(ext)s and upload it again.")
        else:
            message = _("The file name “%(name)s” has no extension, but the file is a %(kind)s file. Rename it to end "
                        "in %(ext)s and upload it again.")
        raise UploadRejected(message % {"name": safe_name, "kind": KIND_LABELS[kind], "ext": right},
                             code="extension_mismatch")

    from .upload_contents import check_image, check_pdf  # it uses this module's errors and reading

    if kind == "pdf":
        check_pdf(uploaded_file, size=size)
    else:
        check_image(uploaded_file, kind=kind)

    return CheckedFile(kind=kind, content_type=CONTENT_TYPES[kind], size=size, sha256=_sha256(uploaded_file),
                       safe_name=safe_name)

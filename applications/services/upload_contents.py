"""What is inside an uploaded PDF or image, checked before it is stored (``uploads.validate_upload``
calls these once the file's kind is known): a PDF must open, end properly and run nothing by itself;
an image must open, within a number of pixels we can handle safely."""

import threading
import warnings
from contextlib import contextmanager

from django.utils.translation import gettext as _
from PIL import Image, ImageFile

from .uploads import KIND_LABELS, PDF_EOF_WINDOW, UploadRejected, max_image_pixels, read_tail


def check_pdf(uploaded_file, *, size: int) -> None:
    from pypdf import PdfReader

    unreadable = UploadRejected(
        _("The PDF cannot be opened: it may be damaged or only partly uploaded. Open it on your computer to check "
          "it, save it again as PDF and upload it again."),
        code="unreadable",
    )
    if b"%%EOF" not in read_tail(uploaded_file, size, PDF_EOF_WINDOW):
        raise unreadable
    uploaded_file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(uploaded_file, strict=False)
            encrypted = reader.is_encrypted
            pages = 0 if encrypted else len(reader.pages)
            if pages and reader.pages[0].mediabox.width <= 0:  # the first page must be readable
                raise ValueError("first page has no size")
    except Exception as exc:  # pypdf raises many kinds of errors for broken files
        raise unreadable from exc
    finally:
        uploaded_file.seek(0)
    if encrypted:
        raise UploadRejected(
            _("The PDF is password-protected or locked, so we cannot open it. Save it without a password (for "
              "example with “Print to PDF”) and upload it again."),
            code="encrypted",
        )
    if pages == 0:
        raise UploadRejected(_("The PDF has no pages. Check that you chose the right file."), code="empty_pdf")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            active = _has_active_content(reader)
    except Exception as exc:  # a structure that cannot be walked is not waved through
        raise unreadable from exc
    if active:
        raise UploadRejected(
            _("The PDF contains a script or an action that runs by itself, which we do not accept for safety. "
              "Print it to a new PDF (for example with “Print to PDF”) and upload that."),
            code="active_content",
        )


# Actions that run code or send data when a PDF is opened or clicked. Going to a page or opening a web
# address are left alone: many drawing programs write them.
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/Rendition", "/RichMediaExecute"}


def _has_active_content(reader) -> bool:
    """Whether a PDF holds JavaScript or actions that run by themselves: in the document's open action
    or its triggers, its named scripts, a page's triggers or a link's action. A caseworker's browser shows
    previews inline, on the portal's own origin (the PDF viewer refuses a sandbox)."""

    def active(action, depth=0) -> bool:
        action = action.get_object() if action is not None else None
        if not hasattr(action, "get") or depth > 8:
            return False
        if action.get("/S") in ACTIVE_ACTIONS or "/JS" in action:
            return True
        chained = action.get("/Next")
        chained = chained.get_object() if chained is not None else None
        return any(active(a, depth + 1) for a in (chained if isinstance(chained, list) else [chained]) if a)

    def triggers(obj) -> bool:
        aa = obj.get("/AA")
        aa = aa.get_object() if aa is not None else None
        return hasattr(aa, "values") and any(active(a) for a in aa.values())

    root = reader.trailer["/Root"].get_object()
    names = root.get("/Names")
    names = names.get_object() if names is not None else {}
    if "/JavaScript" in names or active(root.get("/OpenAction")) or triggers(root):
        return True
    for page in reader.pages:
        if triggers(page):
            return True
        annotations = page.get("/Annots")
        for annotation in (annotations.get_object() if annotations is not None else []):
            annotation = annotation.get_object()
            if active(annotation.get("/A")) or triggers(annotation):
                return True
    return False


_STRICT_LOADING = threading.Lock()


@contextmanager
def _strict_image_loading():
    """Truncated images must fail to load. WeasyPrint sets Pillow's global LOAD_TRUNCATED_IMAGES to True
    when it is imported (for the PDF letters), so switch it off while we check, and back afterwards."""
    with _STRICT_LOADING:
        previous = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = previous


def check_image(uploaded_file, *, kind: str) -> None:
    label = KIND_LABELS[kind]
    broken = UploadRejected(
        _("The %(kind)s image cannot be opened: it may be damaged or only partly uploaded. Open it on your computer "
          "to check it, save it again and upload it again.") % {"kind": label},
        code="unreadable",
    )
    limit = max_image_pixels()
    too_big = _("The image is too large in pixels for us to open safely. Save it at a lower resolution (at most "
                "%(megapixels)d megapixels) and upload it again.") % {"megapixels": limit // 1_000_000}
    expected_format = {"png": "PNG", "jpeg": "JPEG"}[kind]
    try:
        with warnings.catch_warnings(), _strict_image_loading():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            uploaded_file.seek(0)
            with Image.open(uploaded_file, formats=[expected_format]) as img:
                width, height = img.size
                if width * height > limit:
                    raise UploadRejected(too_big, code="too_many_pixels")
                img.verify()
            uploaded_file.seek(0)
            with Image.open(uploaded_file, formats=[expected_format]) as img:
                img.load()
    except UploadRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UploadRejected(too_big, code="too_many_pixels") from exc
    except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError... for broken images
        raise broken from exc
    finally:
        uploaded_file.seek(0)

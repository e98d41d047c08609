"""PDF rendering with WeasyPrint from a Django template, in a given language."""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation


def _static_fetcher(url, *args, **kwargs):
    from weasyprint import default_url_fetcher

    if url.startswith("static:"):
        path = finders.find(url.removeprefix("static:"))
        if path:
            return {"file_obj": open(path, "rb"), "mime_type": "text/css"}  # noqa: SIM115
    if url.startswith(("http://", "https://")):
        raise ValueError("PDF rendering does not fetch from the network")
    return default_url_fetcher(url, *args, **kwargs)


def render_pdf(*, template: str, context: dict, language: str = "da") -> bytes:
    """A tagged PDF (PDF/UA-1: a structure tree of headings, paragraphs and tables, the language and the
    title), so that screen readers can follow letters and receipts as they follow the pages."""
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(template, context)
    return HTML(string=html, url_fetcher=_static_fetcher, base_url="/").write_pdf(pdf_variant="pdf/ua-1")

"""The one status truth: every channel asks these functions."""

from datetime import date

from django.utils import translation
from django.utils.formats import date_format

from applications.models import Case
from applications.services.transitions import WAITING_FOR
from applications.texts import EVENT_TEXT, STATUS_TEXT, WAITING_FOR_TEXT


def status_text(case: Case, *, language: str | None = None) -> str:
    if language:
        with translation.override(language):
            return str(STATUS_TEXT[case.status])
    return str(STATUS_TEXT[case.status])


def waiting_for(case: Case) -> str | None:
    return WAITING_FOR[case.status]


def waiting_for_text(case: Case) -> str:
    return str(WAITING_FOR_TEXT[WAITING_FOR[case.status]])


def event_params(params: dict) -> dict:
    """An event's params as its reader sees them: what it names in their language (``requirement_da``
    for ``requirement``, see ``services.events.names``) and a date (``due``, kept as 2026-12-17) written
    out in their language."""
    language = (translation.get_language() or "en")[:2]
    shown = {key: params.get(f"{key}_{language}", value) for key, value in params.items()}
    if isinstance(shown.get("due"), str):
        try:
            shown["due"] = date_format(date.fromisoformat(shown["due"]), "j F Y")
        except ValueError:
            pass
    return shown


def event_text(event) -> str:
    template = EVENT_TEXT.get(event.kind)
    if template is None:
        return event.params.get("text", "")
    try:
        return str(template) % event_params(event.params) if "%(" in str(template) else str(template)
    except (KeyError, TypeError):
        return str(template).split("%(")[0].strip()

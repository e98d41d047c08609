"""The one status truth: every channel asks these functions."""

from django.utils import translation

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


def event_text(event) -> str:
    template = EVENT_TEXT.get(event.kind)
    if template is None:
        return event.params.get("text", "")
    try:
        return str(template) % event.params if "%(" in str(template) else str(template)
    except (KeyError, TypeError):
        return str(template).split("%(")[0].strip()

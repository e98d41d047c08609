"""The one status truth: every channel asks these functions."""

import functools
from datetime import date

from django.utils import translation
from django.utils.formats import date_format

from applications.models import Case
from applications.services.transitions import WAITING_FOR
from applications.texts import EVENT_TEXT, STATUS_TEXT, WAITING_FOR_TEXT


def status_text(case: Case, *, language: str | None = None) -> str:
    return _in_language("status", case.status, language or translation.get_language())


def waiting_for(case: Case) -> str | None:
    return WAITING_FOR[case.status]


def waiting_for_text(case: Case) -> str:
    return _in_language("waiting_for", WAITING_FOR[case.status], translation.get_language())


_TEXTS = {"status": STATUS_TEXT, "waiting_for": WAITING_FOR_TEXT}


@functools.lru_cache(maxsize=256)
def _in_language(texts: str, key, language: str | None) -> str:
    """``_TEXTS[texts][key]`` (a lazy translation) in ``language``, looked up once per process: a list
    of cases asks for the same few texts on every row."""
    with translation.override(language):
        return str(_TEXTS[texts][key])


# Params that hold a day (kept as 2026-12-17), written out for the reader.
DAY_PARAMS = ("due", "date")


def readers_params(params: dict) -> dict:
    """An event's or advisory's params as its reader sees them: what it names in their language
    (``requirement_da`` for ``requirement``, see ``services.events.names``) and its days written out in
    their language ("17 December 2026", "17 december 2026")."""
    language = (translation.get_language() or "en")[:2]
    shown = {key: params.get(f"{key}_{language}", value) for key, value in params.items()}
    for key in DAY_PARAMS:
        if isinstance(shown.get(key), str):
            try:
                shown[key] = date_format(date.fromisoformat(shown[key]), "DATE_FORMAT")
            except ValueError:
                pass
    return shown


def event_text(event) -> str:
    template = EVENT_TEXT.get(event.kind)
    if template is None:
        return event.params.get("text", "")
    try:
        return str(template) % readers_params(event.params) if "%(" in str(template) else str(template)
    except (KeyError, TypeError):
        return str(template).split("%(")[0].strip()

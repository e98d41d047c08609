"""The API's request parsers: what no person types is refused with a 400 before any view sees it.

Every text value of a request body (and every key) may hold letters, digits, punctuation, tabs and
line breaks, but no other control character (NUL included: PostgreSQL cannot store it) and no lone
surrogate (``"\\ud800"`` in JSON: no database can store it either). A JSON body nested deeper than a
form could ever send is refused as well, and so is one Python's parser cannot read without running
out of stack. The parsers are the API's defaults (``REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]``), so no
endpoint can forget them.
"""

import unicodedata

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

MAX_DEPTH = 10
_ALLOWED_CONTROLS = frozenset("\t\n\r")
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs"})


def has_control_character(text: str) -> bool:
    """Whether a text holds a control character other than tab and line breaks, or a lone surrogate."""
    return any(unicodedata.category(c) in _REFUSED_CATEGORIES and c not in _ALLOWED_CONTROLS for c in text)


def check_text(value, *, name: str = "", depth: int = 0) -> None:
    """``ParseError`` naming the field for a control character, or for nesting deeper than ``MAX_DEPTH``."""
    if depth > MAX_DEPTH:
        raise ParseError(_("The request is nested too deeply. Send the fields as one JSON object."))
    if isinstance(value, str):
        if has_control_character(value):
            raise ParseError(_("“%(field)s” contains a control character (such as NUL). Send letters, digits, "
                               "punctuation and line breaks only.") % {"field": name or _("The request")})
    elif isinstance(value, dict):
        for key, item in value.items():
            check_text(key, name=name or "key", depth=depth + 1)
            check_text(item, name=str(key) if not name else f"{name}.{key}", depth=depth + 1)
    elif isinstance(value, list | tuple):
        for item in value:
            check_text(item, name=name, depth=depth + 1)


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError(_("The request is nested too deeply. Send the fields as one JSON object.")) from exc
        check_text(data)
        return data


def _check_query_dict(data) -> None:
    for key, values in data.lists():
        check_text(key, name="key")
        for value in values:
            check_text(value, name=key)


class FormParser(parsers.FormParser):
    def parse(self, stream, media_type=None, parser_context=None):
        data = super().parse(stream, media_type, parser_context)
        _check_query_dict(data)
        return data


class MultiPartParser(parsers.MultiPartParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        _check_query_dict(parsed.data)
        return parsed

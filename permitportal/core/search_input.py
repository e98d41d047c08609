"""The bounds of every search box: the property search and its address autocomplete, the guide's
address step and the dialogue team's lookup. One function, called by the HTML forms and views and by
the API, so a search reaches the database only as a few distinct words of printable text.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from permitportal.core.parsers import has_control_character

MAX_LENGTH = 200
MAX_WORDS = 10


def bounded_search(text: str | None, *, max_length: int = MAX_LENGTH, max_words: int = MAX_WORDS) -> str:
    """The search as its words separated by single spaces, each word once (compared without case, the
    first spelling kept): ``"Vej 1  vej"`` -> ``"Vej 1"``.

    Raises ``ValidationError`` with a sentence for the person searching (a 400 in the API, a field
    error in a form) for a text of more than ``max_length`` characters, a control character or more
    than ``max_words`` different words.
    """
    text = text or ""
    if len(text) > max_length:
        raise ValidationError(_("Use at most %(limit)d characters in the search: a street name and number "
                                "is enough.") % {"limit": max_length}, code="search_too_long")
    if has_control_character(text):  # tabs and line breaks (pasted from a spreadsheet) are spaces
        raise ValidationError(_("The search contains a control character. Type it again, with letters, digits "
                                "and punctuation only."), code="search_control_character")
    words: dict[str, str] = {}
    for word in text.split():
        words.setdefault(word.casefold(), word)
    if len(words) > max_words:
        raise ValidationError(_("Search with at most %(limit)d words, for example the street name, the number "
                                "and the postcode.") % {"limit": max_words}, code="search_too_many_words")
    return " ".join(words.values())

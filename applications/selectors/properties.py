"""Reads of the property register.

Search works on ``Property.search_text``: the address, postcode, city, cadastral number and property
number lower-cased in Python (so Æ, Ø and Å match æ, ø and å on every database, also SQLite whose
LOWER() only knows ASCII). A query matches when every word of it occurs in that text; people
without a Danish keyboard may type "ae", "oe" and "aa" for æ, ø and å.
"""

import re

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Length

from applications.models import Property

MIN_QUERY_LENGTH = 3
_SEPARATORS = re.compile(r"[,;]+")
_DIGRAPHS = (("ae", "æ"), ("oe", "ø"), ("aa", "å"))


def normalise_query(query: str | None) -> str:
    """Lower-case, commas out, whitespace collapsed: ``"  ØSTERBROGADE 12,  2100"`` -> ``"østerbrogade 12 2100"``."""
    return " ".join(_SEPARATORS.sub(" ", query or "").lower().split())


def is_search_long_enough(query: str | None) -> bool:
    return len(normalise_query(query)) >= MIN_QUERY_LENGTH


def _word_variants(word: str) -> set[str]:
    variants = {word}
    danish = word
    for ascii_form, letter in _DIGRAPHS:
        danish = danish.replace(ascii_form, letter)
    variants.add(danish)
    return variants


def _match_word(word: str) -> Q:
    condition = Q()
    for variant in _word_variants(word):
        condition |= Q(search_text__contains=variant)
    return condition


def search_properties(*, query: str, limit: int = 10) -> QuerySet[Property]:
    """Properties whose address, postcode, city, cadastral or property number contain every word.

    Callers bound the query first (``permitportal.core.search_input.bounded_search``).

    Best matches first: the exact address, then addresses that start with the query, then those
    where a word starts with the query's first word, then the rest; ties by address.
    """
    normalised = normalise_query(query)
    words = list(dict.fromkeys(normalised.split()))
    if not words:
        return Property.objects.none()
    # One filter for all the words: a filter() per word copies the query each time (quadratic in the words).
    qs = Property.objects.select_related("municipality").filter(*(_match_word(word) for word in words))

    raw = " ".join((query or "").lower().split())  # keeps commas: "østerbrogade 12, 2. th"
    whens = []
    for phrase in sorted({normalised, raw} | _word_variants(normalised)):
        whens.append(When(Q(search_text__startswith=f"{phrase} ") & Q(address_length=len(phrase)), then=Value(0)))
    for phrase in sorted({normalised, raw} | _word_variants(normalised)):
        whens.append(When(search_text__startswith=phrase, then=Value(1)))
    for first in sorted(_word_variants(words[0])):
        whens.append(When(Q(search_text__startswith=first) | Q(search_text__contains=f" {first}"), then=Value(2)))
    qs = qs.annotate(
        address_length=Length("address"),
        rank=Case(*whens, default=Value(3), output_field=IntegerField()),
    )
    return qs.order_by("rank", "address", "postcode", "id")[:limit]


def get_property(*, pk: int) -> Property:
    """One property; ``Property.DoesNotExist`` when there is none."""
    return Property.objects.select_related("municipality").get(pk=pk)


def property_label(prop: Property) -> str:
    """How a property is shown in a list of choices: "Østerbrogade 12, 2100 København Ø"."""
    return f"{prop.address}, {prop.postcode} {prop.city}"

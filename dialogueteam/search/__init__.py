"""The dialogue team's search engine: one search box over every submitted case.

- ``index``: what is searched. One ``CaseSearchEntry`` per submitted case (its text, words and pairs
  of neighbouring words) and the ``SearchWord`` vocabulary, kept in step by ``post_save`` receivers.
- ``query``: a search parsed into words and their spellings, and the pieces of SQL made from them.
- ``candidates``: the one statement that finds and scores the matching cases.
- ``reading``: the best of them joined to what a result shows, read from the cursor as cases.
- ``lookup``: ``search_statement`` and ``search_cases``, the entry points.

``dialogueteam.services.lookup`` adds the read log and the audit; the case card and the contact
reads stay in ``dialogueteam.selectors``.
"""

from .candidates import CANDIDATE_LIMIT
from .index import (
    OPEN_STATUSES,
    PAIRS_ARRAY,
    WORDS_ARRAY,
    ascii_spellings,
    build_search_text,
    connect,
    danish_variants,
    entry_values,
    normalise,
    pairable,
    pairs_of,
    phone_forms,
    plain_search_text,
    rebuild_all,
    refresh_cases,
    with_ascii_spellings,
    words_of,
)
from .lookup import RESULT_LIMIT, Lookup, search_cases, search_statement
from .query import MAX_WORDS, MIN_QUERY_LENGTH, ParsedQuery, QueryTooShort, parse_query

__all__ = [
    "CANDIDATE_LIMIT", "MAX_WORDS", "MIN_QUERY_LENGTH", "OPEN_STATUSES", "PAIRS_ARRAY", "RESULT_LIMIT",
    "WORDS_ARRAY", "Lookup", "ParsedQuery", "QueryTooShort", "ascii_spellings", "build_search_text", "connect",
    "danish_variants", "entry_values", "normalise", "pairable", "pairs_of", "parse_query", "phone_forms",
    "plain_search_text", "rebuild_all", "refresh_cases", "search_cases", "search_statement", "with_ascii_spellings",
    "words_of",
]

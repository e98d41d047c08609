"""The lookup's entry points: the one statement for a search, and running it (prepared on PostgreSQL)."""

import re
from dataclasses import dataclass

from django.db import connection

from permitportal.core.prepared import prepared

from .candidates import search_found
from .query import exact_reference, parse_query
from .reading import result_cases, result_reader, result_sql

RESULT_LIMIT = 10

_REFERENCE = re.compile(r"^[a-z]-\d{4}-\d{3,}$")


@dataclass
class Lookup:
    query: str
    cases: list
    more: bool


def search_statement(*, query: str, user, limit: int = RESULT_LIMIT) -> tuple[str, str, list]:
    """The search as typed (normalised) and the one statement that answers it, its rows carrying
    ``rank``; only cases of the municipalities ``user`` works for. For something shaped like a
    reference the exact reference comes first, and the search
    runs only when no case has it (the database skips it otherwise). Raises ``QueryTooShort``."""
    parsed = parse_query(query)
    found, params = search_found(parsed, limit, user_id=user.pk)
    if _REFERENCE.match(parsed.text):
        exact, exact_params = exact_reference(parsed.text.upper(), user_id=user.pk)
        found = f"SELECT * FROM ({exact}) x UNION ALL SELECT * FROM ({found}) y WHERE NOT EXISTS ({exact})"
        params = [*exact_params, *params, *exact_params]
    sql, params = result_sql(found, params, limit)
    return parsed.text, sql, params


def search_cases(*, query: str, user, limit: int = RESULT_LIMIT, read_log=None) -> Lookup:
    """Submitted cases of the user's municipalities matching the search, best first, with what a
    result shows: one statement, prepared on PostgreSQL.

    A reference (B-2026-00042, any case) is looked up exactly. Otherwise every word must occur in
    the case's search text (reference, address, postcode, city, cadastral and property number,
    applicant and owner name and e-mail, phone digits), in any of its variants (æ, ø, å typed as
    ae, oe, aa); a house number beside words (12, 12a) must be a whole number of the text, and a
    word of one or two letters must start a word. The candidates (see ``search_found``) are ranked by
    how well they match (the whole search as words, then at the start of a word; each word whole or
    at a word start), then open before finished, newest first. Drafts are never found.

    ``read_log(sql, params, query_text=...)`` may return the statement extended with the caller's
    read log (``services.lookup``), so that searching and logging are one statement.
    """
    text, sql, params = search_statement(query=query, user=user, limit=limit)
    if read_log is not None:
        sql, params = read_log(sql, params, query_text=text)
    with connection.cursor() as cursor:
        cursor.execute(*prepared(sql, params))
        rows = cursor.fetchall()
    return Lookup(query=text, cases=result_cases(rows, result_reader(), connection.alias),
                  more=bool(rows) and rows[0][-1] > limit)

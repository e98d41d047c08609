"""Query building, the candidates: one ``WITH`` statement that finds the cases matching a search
(as written, in tiers; one word whole; word by word) and scores the best of them."""

from django.db import connection

from ..models import CaseSearchEntry
from . import query as q
from .index import WORDS_ARRAY
from .query import MIN_QUERY_LENGTH, ParsedQuery

# The lookup ranks at most this many matching open cases plus as many finished ones and shows the
# best page; a search matching more is too broad, and the page says so.
CANDIDATE_LIMIT = 100


def small_scope() -> int:
    """A member whose municipalities hold fewer entries than this (the smallest municipalities: a few hundred
    of a million) is searched by reading those entries and checking each (``scoped``, PostgreSQL): the word
    and pair indexes would give the matches of the whole country, nearly all of them outside the scope. 0
    turns it off. Measured with benchmarks/lookup/run.py --municipality 0825 (README)."""
    from django.conf import settings

    return int(getattr(settings, "LOOKUP_SMALL_SCOPE", 2000))


def member_condition(sql: q.Sql, user_id: int, column: str = "municipality_id") -> str:
    """``column`` is one of the municipalities the user works for (issue 19): the lookup's scope, in
    the same statement (a parameter, so that every user's searches of one form share one text)."""
    from applications.models import Municipality

    sql.params.append(user_id)
    members = f"SELECT municipality_id FROM {Municipality.staff.through._meta.db_table} WHERE user_id = %s"
    if connection.vendor == "postgresql":
        # An array computed once (an InitPlan), then a filter on the rows the search's indexes give: the
        # plan of the search stays as it was (a semi-join would let the planner read the entries otherwise).
        return f"{column} = ANY(ARRAY({members}))"
    return f"{column} IN ({members})"


def search_found(parsed: ParsedQuery, limit: int, *, user_id: int) -> tuple[str, list]:
    """Candidates, then the best ``limit`` + 1 of them by score (case_id, is_open, submitted_at, score).

    On PostgreSQL a search of several words is first looked for as written ("phrase"), in the tiers of
    ``q.phrase_tiers``: for each, the keys of its pairs come from the word vocabulary, then the entries
    holding a key of every pair from the pair index. A tier runs only when the tiers before it found
    fewer than ``limit`` + 1 cases (the database skips it otherwise), and takes at most that many open
    cases, and as many finished ones only when it found fewer open ones: the cases of a tier match
    about equally well and open ones come first, so a larger sample would not rank better, only cost
    more (each case is a row read from the table).

    A search of one word of letters is first looked for as a whole word of the entries (the word index),
    a page of open cases and, when they are too few, a page of finished ones ("jensen": Jensen before
    Jensens, Jensensvej and Kjensen).

    Only when the search as written finds too few is it looked for word by word ("worded", in the same
    statement): too few is none when the search has a house number (an address is written street then
    number), and fewer than ``limit`` + 1 for names, whose middle names may stand between the words
    typed. Word by word takes up to CANDIDATE_LIMIT matching open cases and as many finished ones when
    it is the whole answer (``limit`` + 1 when it only fills the page after cases found as written), as
    the index finds them: every match when the search is specific, a sample when it is broad (the page
    then says that more match and to add to the search). Ordering the candidates by date would mean
    reading every match, or walking the newest cases one by one and testing each, which measured 5 to
    10 times slower for a first name and half a surname over a million cases. Each half reads its own
    partial word index: for each search word, the words of the vocabulary that contain it (trigram
    index), then the entries holding one of them. The ``LIKE`` on the search text then checks the
    match exactly (a word of the search may span several words of the text: "jensen42@" in an e-mail
    address). Elsewhere (SQLite) the same steps by ``LIKE`` alone.

    Longer than 60 lines on purpose: the statement's sections share their parameter builders and the
    names of the sections before them (each gate counts what those found), in the order the SQL has
    them; split over several functions, that order would be too.
    """
    entry = CaseSearchEntry._meta.db_table
    postgresql = connection.vendor == "postgresql"
    enough = int(limit) + 1
    small = small_scope() if postgresql else 0
    term_likes = [(variants, " " if max(map(len, variants)) < MIN_QUERY_LENGTH else "")
                  for variants in parsed.terms if not variants <= parsed.numbers]

    def branch(sql: q.Sql, predicate: str, conditions: list[str], rows: int | str) -> str:
        # Every other word occurs in the text; one of one or two characters must start a word ("ny" in
        # "Ny Kongensgade", the "a" of "12 a").
        conditions = [predicate, *conditions,
                      *(sql.contains("search_text", variants, before=before) for variants, before in term_likes)]
        conditions.append(member_condition(sql, user_id))
        if small:  # the indexes' way only for a scope of many entries (``scoped`` below reads a small one)
            conditions.append(f"(SELECT n FROM scope_size) >= {small}")
        return (f"SELECT * FROM (SELECT case_id, is_open, submitted_at, search_text FROM {entry} "
                f"WHERE {' AND '.join(conditions)} LIMIT {rows}) AS candidates")

    def found_before(names: list[str]) -> str:
        cases = " UNION ALL ".join(f"SELECT case_id FROM {name}" for name in names)
        return f"(SELECT count(DISTINCT case_id) FROM ({cases}) f)"

    # The sections in the order the statement has them, each with its own parameters. The vocabulary is
    # asked once per tier (the keys), not once for open and once for finished cases.
    pair_keys_sql, word_keys_sql, phrase_sql, words_sql, score_sql = q.Sql(), q.Sql(), q.Sql(), q.Sql(), q.Sql()
    scope_sql = q.Sql()
    ctes, phrases = [], []
    if small:
        # How many properties the member's municipalities hold, counted up to ``small``; below it, every entry
        # of the scope is checked, the matches best first. The scope is read through the properties'
        # municipality index, then the cases' property index (each step a materialized list of at most
        # ``small`` ids, so that even the generic plan of the prepared statement walks the indexes): an index
        # of the entries' own municipality would tempt the planner away from the word and pair indexes in a
        # large scope's plan. A ``MATERIALIZED`` list is only read when ``scoped`` runs.
        from applications.models import Case, Property

        def properties() -> str:  # adds its parameter each time it is written into the statement
            return f"SELECT id FROM {Property._meta.db_table} WHERE {member_condition(scope_sql, user_id)}"

        ctes.append(f"scope_size AS MATERIALIZED (SELECT count(*) AS n FROM ({properties()} LIMIT {small}) s)")
        # No LIMIT here (read only when the scope is small): with one, the planner would hope to meet the first
        # rows soon in a sequential scan.
        ctes.append(f"scope_properties AS MATERIALIZED ({properties()})")
        # LATERAL with OFFSET 0 (which keeps the planner from turning it into a join that reads every case): a
        # property's cases through the property index, one property after another.
        ctes.append(f"scope_cases AS MATERIALIZED (SELECT c.id FROM scope_properties sp CROSS JOIN LATERAL "
                    f"(SELECT id FROM {Case._meta.db_table} WHERE property_id = sp.id OFFSET 0) c)")
        checks = ["case_id = sc.id",
                  member_condition(scope_sql, user_id),
                  *(scope_sql.contains("search_text", variants, before=before) for variants, before in term_likes),
                  *(q.whole_word_condition(scope_sql, {number}, indexed=False) for number in sorted(parsed.numbers))]
        ctes.append(f"scoped AS (SELECT e.* FROM scope_cases sc CROSS JOIN LATERAL (SELECT case_id, is_open, "
                    f"submitted_at, search_text FROM {entry} WHERE {' AND '.join(checks)} OFFSET 0) e "
                    f"WHERE (SELECT n FROM scope_size) < {small} "
                    f"ORDER BY e.is_open DESC, e.submitted_at DESC LIMIT {2 * int(CANDIDATE_LIMIT)})")
    tiers = q.phrase_tiers(q.phrase_pairs(parsed))
    word_keys = q.word_keys(word_keys_sql, parsed)
    for t, pairs in enumerate(tiers if postgresql else ()):
        keys = ", ".join(f"{q.pair_keys(pair_keys_sql, pair)} AS k{i}" for i, pair in enumerate(pairs))
        ctes.append(f"pair_keys_{t} AS MATERIALIZED (SELECT {keys})")
    if word_keys:
        ctes.append(f"word_keys AS MATERIALIZED (SELECT {', '.join(f'{k} AS k{i}' for i, k in enumerate(word_keys))})")
    def paged(name: str, conditions_of) -> None:
        """``{name}_open``: a page and one of open cases meeting ``conditions_of()`` (called once for each
        half: it adds its parameters), unless the sections before it found as many; ``{name}_done``: as
        many finished ones, only when the open ones are too few (they match alike, open cases come first)."""
        earlier = list(phrases)
        for half, predicate in (("open", "is_open"), ("done", "NOT is_open")):
            conditions = conditions_of()
            gate = [*earlier, f"{name}_open"] if half == "done" else earlier
            if gate:
                conditions.append(f"{found_before(gate)} < {enough}")
            ctes.append(f"{name}_{half} AS ({branch(phrase_sql, predicate, conditions, enough)})")
            phrases.append(f"{name}_{half}")

    for t, pairs in enumerate(tiers):
        paged(f"phrase_{t}", lambda t=t, pairs=pairs: [
            *(q.pair_condition(phrase_sql, pair, f"(SELECT k{i} FROM pair_keys_{t})" if postgresql else None)
              for i, pair in enumerate(pairs)),
            *(q.whole_word_condition(phrase_sql, {number}, indexed=False) for number in sorted(parsed.numbers))])
    whole = q.whole_word(parsed)
    if whole:
        # One word: the cases holding it as a whole word first ("jensen": Jensen before Jensens, and
        # a page of them is read from the word index instead of a sample of everything containing it).
        paged("whole", lambda: [q.whole_word_condition(phrase_sql, whole)])
    worded = []
    too_few = 1 if parsed.numbers else enough
    # Word by word ranks a sample of CANDIDATE_LIMIT when it is the whole answer; after cases found as
    # written (always better matches) it only fills the page.
    rows = (f"(CASE WHEN {found_before(phrases)} = 0 THEN {int(CANDIDATE_LIMIT)} ELSE {enough} END)" if phrases
            else int(CANDIDATE_LIMIT))
    for predicate in ("is_open", "NOT is_open"):
        conditions = [f"{WORDS_ARRAY} && (SELECT k{i} FROM word_keys)" for i in range(len(word_keys))]
        conditions += [q.whole_word_condition(words_sql, {number}) for number in sorted(parsed.numbers)]
        if phrases:
            conditions.append(f"{found_before(phrases)} < {too_few}")
        worded.append(branch(words_sql, predicate, conditions, rows))
    ctes.append(f"worded AS ({' UNION ALL '.join(worded)})")
    # Ranking, for the candidates only: the whole search as words (8) or at a word start (4), and
    # for several words each one whole (2) or at a word start (1).
    scores = [score_sql.score("e.search_text", parsed.phrases, 8, 4)]
    if len(parsed.terms) > 1:
        scores += [score_sql.score("e.search_text", variants, 2, 1) for variants in parsed.terms]
    candidates = " UNION ".join(f"SELECT * FROM {name}" for name in [*(["scoped"] if small else []), *phrases,
                                                                      "worded"])
    found = (f"WITH {', '.join(ctes)} "
             f"SELECT e.case_id, e.is_open, e.submitted_at, {' + '.join(scores)} AS score FROM ({candidates}) e "
             f"ORDER BY score DESC, e.is_open DESC, e.submitted_at DESC, e.case_id DESC LIMIT {enough}")
    params = [*scope_sql.params, *pair_keys_sql.params, *word_keys_sql.params, *phrase_sql.params,
              *words_sql.params, *score_sql.params]  # in the order the statement has them
    return found, params

"""Reads for the dialogue team: the lookup, the case card, contacts, forwards and questions.

Status words come from ``applications.selectors.status`` and the date from
``applications.services.clock.clock_state``: the card says exactly what the applicant's page,
the e-mails and the API say.
"""

import re
from dataclasses import dataclass, field, replace

from django.db import connection
from django.db.models import QuerySet
from django.db.models.base import ModelState
from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from applications.models import Case
from applications.selectors.status import event_text, status_text, waiting_for, waiting_for_text
from applications.services.clock import clock_state
from dialogueteam import search
from dialogueteam.models import CaseSearchEntry, Contact, Forward
from dialogueteam.search import PAIRS_ARRAY, WORDS_ARRAY, danish_variants, normalise, words_of
from permitportal.core.prepared import prepared

S = Case.Status

MIN_QUERY_LENGTH = 3
MAX_WORDS = 6
RESULT_LIMIT = 10
# The lookup ranks at most this many matching open cases plus as many finished ones and shows the
# best RESULT_LIMIT; a search matching more is too broad, and the page says so.
CANDIDATE_LIMIT = 100
RECENT_EVENTS = 8

_REFERENCE = re.compile(r"^[a-z]-\d{4}-\d{3,}$")
_DIGITISH = re.compile(r"^[\d\s+\-/().]+$")
_NON_DIGITS = re.compile(r"\D+")
_HOUSE_NUMBER = re.compile(r"^(\d+)[^\W\d_]?$")  # 12, 12a, 119c


class QueryTooShort(ValueError):
    """The search needs at least three letters or digits in one word."""


@dataclass
class ParsedQuery:
    text: str
    terms: list[set[str]]
    phrases: set[str] = field(default_factory=set)
    # The numbers of house numbers in a search with letters ("nørrebrogade 12", "parken 209c"): each
    # must be a whole number of the text (12 finds 12 and 12A, not 120 or a phone number with 12 in it).
    numbers: set[str] = field(default_factory=set)


@dataclass
class Lookup:
    query: str
    cases: list
    more: bool


def parse_query(query: str | None) -> ParsedQuery:
    """Split a search into words that must all occur; each word may match in any of its variants."""
    text = normalise(query)
    if _DIGITISH.match(text):
        digits = _NON_DIGITS.sub("", text)
        # "20 12 34 56" is a phone number: its digits; "2026-00042" may be part of a reference as typed.
        variants = {v for v in (digits, text.replace(" ", "") if "-" in text else "") if len(v) >= MIN_QUERY_LENGTH}
        if not variants:
            raise QueryTooShort(text)
        return ParsedQuery(text=text, terms=[variants], phrases=variants)
    words = text.split()[:MAX_WORDS]
    if not words or max(len(w) for w in words) < MIN_QUERY_LENGTH:
        raise QueryTooShort(text)
    return ParsedQuery(text=text, terms=[danish_variants(w) for w in words],
                       phrases=danish_variants(" ".join(words)),
                       numbers={m.group(1) for m in map(_HOUSE_NUMBER.match, words) if m})


def _card_queryset() -> QuerySet[Case]:
    return (Case.objects.exclude(status=S.DRAFT)
            .select_related("property", "applicant", "caseworker", "application_type"))


class _Sql:
    """Builds the search's SQL with its parameters in order; LIKE as the database spells it.

    On PostgreSQL the statement is prepared once per connection for each text (``prepared``), and
    planning it costs several milliseconds. So that searches of the same form share one text, a word's
    spellings (one or two: "maersk", "mærsk") always take two placeholders, the second NULL when there
    is one spelling (``LIKE NULL`` matches nothing; an index is not read for it), and a pair's four."""

    def __init__(self):
        self.params = []
        self.ops = connection.ops
        self.like = connection.operators["contains"]  # "LIKE %s", on SQLite with ESCAPE
        self.pad = connection.vendor == "postgresql"

    def padded(self, values: list) -> list:
        if not self.pad or len(values) > 4:
            return values
        return [*values, *[None] * ((2 if len(values) <= 2 else 4) - len(values))]

    def contains(self, column: str, variants, *, before: str = "", after: str = "", exact: bool = False) -> str:
        """``column`` contains one of the variants; with ``exact`` the variants are LIKE patterns as they are."""
        values = self.padded([variant if exact else f"%{before}{self.ops.prep_for_like_query(variant)}{after}%"
                              for variant in sorted(variants)])
        self.params.extend(values)
        return "(" + " OR ".join([f"{column} {self.like}"] * len(values)) + ")"

    def score(self, column: str, variants, high: int, low: int) -> str:
        whole = self.contains(column, variants, before=" ", after=" ")
        start = self.contains(column, variants, before=" ")
        return f"CASE WHEN {whole} THEN {high} WHEN {start} THEN {low} ELSE 0 END"


# What a result shows, by model: the case's relation it is (None: the case itself), its alias in the
# statement and its fields. The statement's columns and the reading of its rows both come from this.
_RESULT_FIELDS = (
    (None, "c", ("id", "reference", "status", "submitted_at", "decided_at", "expected_decision_date",
                 "first_expected_decision_date", "clock_paused_since", "paused_days", "extension_days",
                 "property_id", "applicant_id", "caseworker_id", "application_type_id")),
    ("property", "p", ("id", "address", "postcode", "city")),
    ("applicant", "a", ("id", "full_name", "email")),
    ("caseworker", "w", ("id", "full_name", "email", "phone")),
    ("application_type", "t", ("id", "service_target_days")),
)

_RESULT_SQL = """
    SELECT {columns}, s.rank, s.found
    FROM (SELECT f.*, count(*) OVER () AS found,
                 row_number() OVER (ORDER BY f.score DESC, f.is_open DESC, f.submitted_at DESC, f.case_id DESC) AS rank
          FROM ({found}) f) s
    JOIN {case} c ON c.id = s.case_id
    JOIN {property} p ON p.id = c.property_id
    JOIN {user} a ON a.id = c.applicant_id
    LEFT JOIN {user} w ON w.id = c.caseworker_id
    LEFT JOIN {type} t ON t.id = c.application_type_id
    WHERE s.rank <= {limit} AND c.status <> %s
    ORDER BY s.rank
"""


def _result_models():
    for relation, alias, names in _RESULT_FIELDS:
        model = Case if relation is None else Case._meta.get_field(relation).related_model
        yield relation, model, alias, [model._meta.get_field(name) for name in names]


def _result_sql(found: str, params: list, limit: int) -> tuple[str, list]:
    """The best ``limit`` cases of ``found`` (case_id, is_open, submitted_at, score) with what a result
    shows, in one statement: their property, applicant, caseworker and type, their ``rank`` (1 is the
    best) and how many ``found`` gave (``limit`` + 1 means more match than are shown)."""
    columns = ", ".join(f"{alias}.{f.column}" for _, _, alias, fields in _result_models() for f in fields)
    tables = {relation: model for relation, model, _, _ in _result_models() if relation}
    text = _RESULT_SQL.format(columns=columns, found=found, case=Case._meta.db_table, limit=int(limit),
                              property=tables["property"]._meta.db_table, user=tables["applicant"]._meta.db_table,
                              type=tables["application_type"]._meta.db_table)
    return text, [*params, S.DRAFT]


def _result_reader() -> list:
    """For each model of a result: the relation, the model and its fields, each with the converters that
    turn this database's values into Python's (dates on SQLite), as the ORM applies them. Kept with the
    connection (converters may belong to its backend)."""
    reader = getattr(connection, "lookup_result_reader", None)
    if reader is None:
        reader = []
        for relation, model, alias, fields in _result_models():
            columns = []
            for f in fields:
                column = f.get_col(alias)
                columns.append((f.attname, column,
                                [*connection.ops.get_db_converters(column), *column.get_db_converters(connection)]))
            reader.append((relation, model, columns))
        connection.lookup_result_reader = reader
    return reader


def _loaded(model, db: str, values: dict):
    """An instance with only these fields loaded, as ``Model.from_db`` gives one, without going through
    ``__init__`` (which costs ten times as much; a page of results is 50 instances)."""
    instance = model.__new__(model)
    instance.__dict__.update(values)
    instance._state = ModelState()
    instance._state.adding, instance._state.db = False, db
    return instance


def _result_cases(rows, reader: list, db: str) -> list[Case]:
    """The statement's rows as cases with their property, applicant, caseworker and type attached."""
    cases = []
    for row in rows:
        values = iter(row)
        related = {}
        for relation, model, columns in reader:
            data = {}
            for attname, column, converters in columns:
                value = next(values)
                for converter in converters:
                    value = converter(value, column, connection)
                data[attname] = value
            related[relation] = None if data["id"] is None else _loaded(model, db, data)
        case = related.pop(None)
        case._state.fields_cache.update(related)
        cases.append(case)
    return cases


def _exact_reference(reference: str) -> tuple[str, list]:
    """The submitted case with this reference, as a candidate that outranks any other."""
    return (f"SELECT id AS case_id, TRUE AS is_open, submitted_at, 100 AS score FROM {Case._meta.db_table} "
            "WHERE reference = %s AND status <> %s", [reference, S.DRAFT])


def _index_pieces(variants, *, letters_only: bool) -> set[str] | None:
    """For each variant of a search word its longest piece (run of letters or digits), which lies
    inside one word of any entry the variant occurs in; None if a variant has no such piece of at
    least three characters. With ``letters_only`` runs of digits do not count: "119" occurs in tens
    of thousands of phone, property and reference numbers, so the vocabulary would answer with all
    of them."""
    pieces = set()
    for variant in variants:
        candidates = [w for w in words_of(variant) if not (letters_only and w.isdigit())]
        longest = max(candidates, key=len, default="")
        if len(longest) < MIN_QUERY_LENGTH:
            return None
        pieces.add(longest)
    return pieces


def _word_keys(sql: "_Sql", parsed: ParsedQuery) -> list[str]:
    """PostgreSQL: for each search word long enough, the words of the vocabulary containing it (an
    array, from the vocabulary's trigram index); an entry must hold one of each (word index). Runs
    of letters are used when the search has any; digits only when nothing else can be (a phone
    number, part of a reference). A house number is a word of the entry itself: see
    ``_whole_word_condition``."""
    from dialogueteam.models import SearchWord

    if connection.vendor != "postgresql":
        return []
    vocabulary = SearchWord._meta.db_table
    terms = [variants for variants in parsed.terms if not variants <= parsed.numbers]
    indexed = [p for p in (_index_pieces(v, letters_only=True) for v in terms) if p]
    if not indexed and not parsed.numbers:
        indexed = [p for p in (_index_pieces(v, letters_only=False) for v in terms) if p]
    return [f"ARRAY(SELECT word::text FROM {vocabulary} WHERE {sql.contains('word', pieces)})" for pieces in indexed]


def _whole_word_condition(sql: "_Sql", words, *, indexed: bool = True) -> str:
    """The entry holds one of these words whole (a house number: 12 finds 12 and 12A, not 120; the
    spellings of a word): from the word index on PostgreSQL, by LIKE elsewhere or when the cases come
    from another index (``indexed=False``: a check of the few rows found)."""
    if indexed and connection.vendor == "postgresql":
        values = sql.padded(sorted(words))
        sql.params.extend(values)
        return f"{WORDS_ARRAY} && array_remove(ARRAY[{', '.join(['%s::text'] * len(values))}], NULL)"
    return sql.contains("(' ' || words || ' ')", {f"% {w} %" for w in words}, exact=True)


@dataclass(frozen=True)
class PhrasePair:
    """Two neighbouring words of a search: the first may end a longer word when it starts the search
    (``open_start``), the second may start a longer word when it ends it (``open_end``, never for a
    house number); a word between others is whole. Each side in all its spellings."""

    firsts: frozenset
    seconds: frozenset
    open_start: bool
    open_end: bool

    @property
    def patterns(self) -> set[str]:
        """The ``LIKE`` patterns a pair of neighbouring words of a matching text fits."""
        start, end = ("%" if self.open_start else ""), ("%" if self.open_end else "")
        return {f"{start}{a} {b}{end}" for a in self.firsts for b in self.seconds}


def _phrase_pairs(parsed: ParsedQuery) -> list[PhrasePair]:
    """The search read as words written side by side: each two neighbouring words (runs of letters or
    digits, as ``search.pairs_of`` cuts them) that the pair index holds. A side that may be part of a
    longer word needs three characters (the vocabulary is asked for the words it starts or ends).
    Empty when the search has no such two words."""
    positions = []  # for each word of the search: its spellings, and whether it is a house number
    for variants in parsed.terms:
        spelled = [words_of(v) for v in sorted(variants)]
        if len({len(w) for w in spelled}) != 1:  # a spelling cut differently: not read as a phrase
            return []
        for k in range(len(spelled[0])):
            positions.append((frozenset(w[k] for w in spelled), variants <= parsed.numbers))
    pairs = []
    last = len(positions) - 1
    for i in range(last):
        (firsts, _), (seconds, house_number) = positions[i], positions[i + 1]
        pair = PhrasePair(firsts=firsts, seconds=seconds, open_start=i == 0,
                          open_end=i + 1 == last and not house_number)
        if not all(search.pairable(a, b) for a in firsts for b in seconds):
            continue
        if (pair.open_start and min(map(len, firsts)) < MIN_QUERY_LENGTH) or (
                pair.open_end and min(map(len, seconds)) < MIN_QUERY_LENGTH):
            continue
        pairs.append(pair)
    return pairs


def _pair_keys(sql: "_Sql", pair: PhrasePair) -> str:
    """PostgreSQL: the pairs an entry may hold for this pair of the search (an array): the words of the
    vocabulary that end the first side and start the second, paired; for whole words, the pair itself."""
    from dialogueteam.models import SearchWord

    def side(words, *, before: str, after: str) -> str:
        if before or after:
            found = sql.contains("word", {f"{before}{w}{after}" for w in words}, exact=True)
            return f"SELECT word::text AS w FROM {SearchWord._meta.db_table} WHERE {found}"
        words = sql.padded(sorted(words))
        sql.params.extend(words)
        return f"SELECT w FROM unnest(ARRAY[{', '.join(['%s::text'] * len(words))}]) AS u(w) WHERE w IS NOT NULL"

    if not (pair.open_start or pair.open_end):
        combos = sorted(f"{a} {b}" for a in pair.firsts for b in pair.seconds)
        combos = sql.padded(combos)
        sql.params.extend(combos)
        return f"array_remove(ARRAY[{', '.join(['%s::text'] * len(combos))}], NULL)"
    firsts = side(pair.firsts, before="%" if pair.open_start else "", after="")
    seconds = side(pair.seconds, before="", after="%" if pair.open_end else "")
    return f"ARRAY(SELECT x.w || ' ' || y.w FROM ({firsts}) x, ({seconds}) y)"


def _pair_condition(sql: "_Sql", pair: PhrasePair, keys: str | None) -> str:
    """The entry holds a pair fitting this one: through the pair index on PostgreSQL (``keys`` names
    the array of ``_pair_keys``); elsewhere by ``LIKE`` on the entry's pairs between commas."""
    if keys is not None:
        return f"{PAIRS_ARRAY} && {keys}"
    fenced = {f"%{'' if p.startswith('%') else ','}{p.strip('%')}{'' if p.endswith('%') else ','}%"
              for p in pair.patterns}
    return sql.contains("(',' || pairs || ',')", fenced, exact=True)


def _whole_word(parsed: ParsedQuery) -> set[str] | None:
    """The spellings of a search of one word of letters ("jensen"), to be found whole first; else None."""
    if len(parsed.terms) != 1 or parsed.numbers:
        return None
    variants = parsed.terms[0]
    if all(words_of(v) == [v] and not v.isdigit() for v in variants):
        return variants
    return None


def _phrase_tiers(pairs: list[PhrasePair]) -> list[list[PhrasePair]]:
    """The search as written in tiers, best first: its words whole ("hanne jensen"), then its last word
    starting a longer one ("hanne jense": Hanne Jensen), then its first word ending one too (Johanne
    Jensen; "rrebrogade 12": Nørrebrogade 12). Each tier finds what the tiers before it find and more,
    and the cases of one tier match about equally well (see the scores in ``_search_found``)."""
    tiers = []
    for start, end in ((False, False), (False, True), (True, True)):
        tier = [replace(pair, open_start=pair.open_start and start, open_end=pair.open_end and end) for pair in pairs]
        if tier and tier not in tiers:
            tiers.append(tier)
    return tiers


def _search_found(parsed: ParsedQuery, limit: int) -> tuple[str, list]:
    """Candidates, then the best ``limit`` + 1 of them by score (case_id, is_open, submitted_at, score).

    On PostgreSQL a search of several words is first looked for as written ("phrase"), in the tiers of
    ``_phrase_tiers``: for each, the keys of its pairs come from the word vocabulary, then the entries
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
    """
    entry = CaseSearchEntry._meta.db_table
    postgresql = connection.vendor == "postgresql"
    enough = int(limit) + 1
    term_likes = [(variants, " " if max(map(len, variants)) < MIN_QUERY_LENGTH else "")
                  for variants in parsed.terms if not variants <= parsed.numbers]

    def branch(sql: _Sql, predicate: str, conditions: list[str], rows: int | str) -> str:
        # Every other word occurs in the text; one of one or two characters must start a word ("ny" in
        # "Ny Kongensgade", the "a" of "12 a").
        conditions = [predicate, *conditions,
                      *(sql.contains("search_text", variants, before=before) for variants, before in term_likes)]
        return (f"SELECT * FROM (SELECT case_id, is_open, submitted_at, search_text FROM {entry} "
                f"WHERE {' AND '.join(conditions)} LIMIT {rows}) AS candidates")

    def found_before(names: list[str]) -> str:
        cases = " UNION ALL ".join(f"SELECT case_id FROM {name}" for name in names)
        return f"(SELECT count(DISTINCT case_id) FROM ({cases}) f)"

    # The sections in the order the statement has them, each with its own parameters. The vocabulary is
    # asked once per tier (the keys), not once for open and once for finished cases.
    pair_keys_sql, word_keys_sql, phrase_sql, words_sql, score_sql = _Sql(), _Sql(), _Sql(), _Sql(), _Sql()
    tiers = _phrase_tiers(_phrase_pairs(parsed))
    word_keys = _word_keys(word_keys_sql, parsed)
    ctes, phrases = [], []
    for t, pairs in enumerate(tiers if postgresql else ()):
        keys = ", ".join(f"{_pair_keys(pair_keys_sql, pair)} AS k{i}" for i, pair in enumerate(pairs))
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
            *(_pair_condition(phrase_sql, pair, f"(SELECT k{i} FROM pair_keys_{t})" if postgresql else None)
              for i, pair in enumerate(pairs)),
            *(_whole_word_condition(phrase_sql, {number}, indexed=False) for number in sorted(parsed.numbers))])
    whole = _whole_word(parsed)
    if whole:
        # One word: the cases holding it as a whole word first ("jensen": Jensen before Jensens, and
        # a page of them is read from the word index instead of a sample of everything containing it).
        paged("whole", lambda: [_whole_word_condition(phrase_sql, whole)])
    worded = []
    too_few = 1 if parsed.numbers else enough
    # Word by word ranks a sample of CANDIDATE_LIMIT when it is the whole answer; after cases found as
    # written (always better matches) it only fills the page.
    rows = (f"(CASE WHEN {found_before(phrases)} = 0 THEN {int(CANDIDATE_LIMIT)} ELSE {enough} END)" if phrases
            else int(CANDIDATE_LIMIT))
    for predicate in ("is_open", "NOT is_open"):
        conditions = [f"{WORDS_ARRAY} && (SELECT k{i} FROM word_keys)" for i in range(len(word_keys))]
        conditions += [_whole_word_condition(words_sql, {number}) for number in sorted(parsed.numbers)]
        if phrases:
            conditions.append(f"{found_before(phrases)} < {too_few}")
        worded.append(branch(words_sql, predicate, conditions, rows))
    ctes.append(f"worded AS ({' UNION ALL '.join(worded)})")
    # Ranking, for the candidates only: the whole search as words (8) or at a word start (4), and
    # for several words each one whole (2) or at a word start (1).
    scores = [score_sql.score("e.search_text", parsed.phrases, 8, 4)]
    if len(parsed.terms) > 1:
        scores += [score_sql.score("e.search_text", variants, 2, 1) for variants in parsed.terms]
    candidates = " UNION ".join(f"SELECT * FROM {name}" for name in [*phrases, "worded"])
    found = (f"WITH {', '.join(ctes)} "
             f"SELECT e.case_id, e.is_open, e.submitted_at, {' + '.join(scores)} AS score FROM ({candidates}) e "
             f"ORDER BY score DESC, e.is_open DESC, e.submitted_at DESC, e.case_id DESC LIMIT {enough}")
    params = [*pair_keys_sql.params, *word_keys_sql.params, *phrase_sql.params, *words_sql.params,
              *score_sql.params]  # in the order the statement has them
    return found, params


def search_statement(*, query: str, limit: int = RESULT_LIMIT) -> tuple[str, str, list]:
    """The search as typed (normalised) and the one statement that answers it, its rows carrying
    ``rank``. For something shaped like a reference the exact reference comes first, and the search
    runs only when no case has it (the database skips it otherwise). Raises ``QueryTooShort``."""
    parsed = parse_query(query)
    found, params = _search_found(parsed, limit)
    if _REFERENCE.match(parsed.text):
        exact, exact_params = _exact_reference(parsed.text.upper())
        found = f"SELECT * FROM ({exact}) x UNION ALL SELECT * FROM ({found}) y WHERE NOT EXISTS ({exact})"
        params = [*exact_params, *params, *exact_params]
    sql, params = _result_sql(found, params, limit)
    return parsed.text, sql, params


def search_cases(*, query: str, limit: int = RESULT_LIMIT, read_log=None) -> Lookup:
    """Submitted cases matching the search, best first, with what a result shows: one statement,
    prepared on PostgreSQL.

    A reference (B-2026-00042, any case) is looked up exactly. Otherwise every word must occur in
    the case's search text (reference, address, postcode, city, cadastral and property number,
    applicant and owner name and e-mail, phone digits), in any of its variants (æ, ø, å typed as
    ae, oe, aa); a house number beside words (12, 12a) must be a whole number of the text, and a
    word of one or two letters must start a word. The candidates (see ``_search_found``) are ranked by
    how well they match (the whole search as words, then at the start of a word; each word whole or
    at a word start), then open before finished, newest first. Drafts are never found.

    ``read_log(sql, params, query_text=...)`` may return the statement extended with the caller's
    read log (``services.lookup``), so that searching and logging are one statement.
    """
    text, sql, params = search_statement(query=query, limit=limit)
    if read_log is not None:
        sql, params = read_log(sql, params, query_text=text)
    with connection.cursor() as cursor:
        cursor.execute(*prepared(sql, params))
        rows = cursor.fetchall()
    return Lookup(query=text, cases=_result_cases(rows, _result_reader(), connection.alias),
                  more=bool(rows) and rows[0][-1] > limit)


def caseworker_data(case: Case) -> dict | None:
    worker = case.caseworker
    if worker is None:
        return None
    return {"name": worker.get_full_name(), "email": worker.email, "phone": worker.phone}


def result_data(case: Case, *, today=None) -> dict:
    """A lookup result: the fields of the API contract, plus what the card summary shows."""
    clock = clock_state(case, today=today or timezone.localdate())
    prop = case.property
    return {
        "reference": case.reference,
        "address": f"{prop.address}, {prop.postcode} {prop.city}",
        "applicant_name": case.applicant.get_full_name(),
        "status": case.status,
        "status_text": status_text(case),
        "expected_decision_date": clock["expected"],
        "on_track": clock["on_track"],
        "clock_state": clock["state"],
        "waiting_for": waiting_for(case),
        "waiting_for_text": waiting_for_text(case),
        "caseworker": caseworker_data(case),
    }


def get_card_case(*, reference: str) -> Case:
    """A submitted case with what its card shows; Http404 for a draft or an unknown reference."""
    try:
        return _card_queryset().select_related("decision").get(reference=(reference or "").strip().upper())
    except Case.DoesNotExist as exc:
        raise Http404("No such case") from exc


def recent_events(*, case: Case, limit: int = RECENT_EVENTS) -> list[dict]:
    events = case.events.select_related("actor").order_by("-at", "-id")[:limit]
    return [{"at": e.at, "text": event_text(e), "is_public": e.is_public, "note": e.internal_note,
             "kind": e.kind} for e in events]


def minutes_link(case: Case) -> dict | None:
    """The linked pre-application meeting: a link to its minutes when the predialogue app offers one."""
    meeting_id = case.predialogue_meeting_id
    if not meeting_id:
        return None
    for name in ("predialogue:meeting", "predialogue:meeting_detail", "predialogue:minutes"):
        try:
            return {"id": meeting_id, "url": reverse(name, args=[meeting_id])}
        except NoReverseMatch:
            continue
    return {"id": meeting_id, "url": None}


def _decision(case: Case):
    return getattr(case, "decision", None) if case.status in (S.DECIDED, S.CLOSED) else None


def is_refused(case: Case) -> bool:
    decision = _decision(case)
    return bool(decision and decision.outcome == "refused")


def case_card(*, case: Case, today=None) -> dict:
    """Everything the card shows. A constant number of queries, whatever the case holds."""
    from applications.selectors.cases import outstanding_items
    from applications.services.requests import open_request

    today = today or timezone.localdate()
    decision = _decision(case)
    contacts = list(Contact.objects.filter(case=case).select_related("created_by", "answered_by")
                    .prefetch_related("forwards__answered_by")[:20])
    request = open_request(case=case)
    return {
        "case": case,
        "result": result_data(case, today=today),
        "clock": clock_state(case, today=today),
        "outstanding": outstanding_items(case=case),
        "open_request": request,
        "events": recent_events(case=case),
        "decision": decision,
        "is_refused": is_refused(case),
        "minutes": minutes_link(case),
        "contacts": contacts,
    }


# --- Contacts, forwards and questions -------------------------------------------------------------------------------

def recent_contacts(*, limit: int = 50) -> list[Contact]:
    return list(Contact.objects.select_related("case", "created_by").prefetch_related("forwards")[:limit])


def get_forward(*, pk: int) -> Forward:
    try:
        return Forward.objects.select_related("case", "case__property", "contact", "forwarded_by", "recipient",
                                              "answered_by").get(pk=pk)
    except Forward.DoesNotExist as exc:
        raise Http404("No such forwarded question") from exc


def forwards_waiting(*, limit: int = 50) -> list[Forward]:
    """Forwarded questions the caseworkers have not answered yet, the oldest (most overdue) first."""
    return list(Forward.objects.filter(answered_at__isnull=True).select_related("case", "recipient")
                .order_by("due_at", "id")[:limit])


def new_answers(*, limit: int = 50) -> list[Forward]:
    """Answers from caseworkers the dialogue team has not opened yet."""
    return list(Forward.objects.filter(answered_at__isnull=False, answer_seen_at__isnull=True)
                .select_related("case", "answered_by").order_by("answered_at", "id")[:limit])


def open_questions(*, limit: int = 50) -> list[Contact]:
    """Questions applicants asked in the portal that nobody has answered yet, oldest first."""
    return list(Contact.objects.filter(channel=Contact.Channel.PORTAL, asked_by__isnull=False,
                                       answered_at__isnull=True)
                .select_related("case", "asked_by").prefetch_related("forwards").order_by("created_at", "id")[:limit])


def get_question(*, pk: int) -> Contact:
    try:
        return (Contact.objects.select_related("case", "case__property", "asked_by", "answered_by")
                .prefetch_related("forwards__answered_by").get(pk=pk, channel=Contact.Channel.PORTAL,
                                                               asked_by__isnull=False))
    except Contact.DoesNotExist as exc:
        raise Http404("No such question") from exc


def questions_for_case(*, case: Case) -> list[dict]:
    """The questions asked on the case page, with the dialogue team's answers, oldest first. One query."""
    questions = (Contact.objects.filter(case=case, channel=Contact.Channel.PORTAL, asked_by__isnull=False)
                 .select_related("asked_by").order_by("created_at", "id"))
    return [{"id": q.pk, "question": q.summary, "asked_at": q.created_at,
             "asked_by": q.asked_by.get_full_name() if q.asked_by else "",
             "answer": q.answer or None, "answered_at": q.answered_at} for q in questions]


def help_code_state(case: Case, *, now=None) -> dict | None:
    """The case's help code while it is valid, else None."""
    now = now or timezone.now()
    if case.help_code and case.help_code_expires_at and case.help_code_expires_at > now:
        return {"code": case.help_code, "expires_at": case.help_code_expires_at}
    return None


def draft_for_help_code(*, code: str, now=None) -> Case:
    """The draft a valid help code opens; Http404 when the code is unknown or expired."""
    code = normalise_help_code(code)
    if not code:
        raise Http404("No help code")
    now = now or timezone.now()
    case = (Case.objects.filter(help_code=code, help_code_expires_at__gt=now, status=S.DRAFT)
            .select_related("property", "applicant", "application_type").first())
    if case is None:
        raise Http404("No valid help code")
    return case


def normalise_help_code(code: str | None) -> str:
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


def predialogue_start_option(case: Case) -> dict | None:
    """How staff can start a pre-application request for a refused case: a form posting to
    ``dialogueteam:start_predialogue`` when the predialogue app offers ``services.create_request``,
    else a link to its public request page, else nothing. Imported here, never at module import."""
    import importlib

    try:
        services = importlib.import_module("predialogue.services")
    except ImportError:
        services = None
    if services is not None and hasattr(services, "create_request"):
        return {"kind": "button", "url": reverse("dialogueteam:start_predialogue", args=[case.reference])}
    try:
        return {"kind": "link", "url": reverse("predialogue:request")}
    except NoReverseMatch:
        return None

"""Query building: a search parsed into words and their spellings, and the pieces of SQL the
candidates' statement is made of (the vocabulary's keys, the pairs of neighbouring words, whole
words), each adding its parameters in order through ``Sql``."""

import re
from dataclasses import dataclass, field, replace

from django.db import connection

from applications.models import Case

from .index import PAIRS_ARRAY, WORDS_ARRAY, danish_variants, normalise, pairable, words_of

S = Case.Status

MIN_QUERY_LENGTH = 3
MAX_WORDS = 6  # the words a lookup searches; the lookup's form and API refuse more with a message (bounded_search)

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


class Sql:
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


def exact_reference(reference: str, *, user_id: int) -> tuple[str, list]:
    """The submitted case with this reference in the user's municipalities, as a candidate that
    outranks any other."""
    from applications.models import Municipality, Property

    through = Municipality.staff.through._meta.db_table
    return (f"SELECT id AS case_id, TRUE AS is_open, submitted_at, 100 AS score FROM {Case._meta.db_table} "
            f"WHERE reference = %s AND status <> %s AND property_id IN (SELECT id FROM {Property._meta.db_table} "
            f"WHERE municipality_id IN (SELECT municipality_id FROM {through} WHERE user_id = %s))",
            [reference, S.DRAFT, user_id])


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


def word_keys(sql: "Sql", parsed: ParsedQuery) -> list[str]:
    """PostgreSQL: for each search word long enough, the words of the vocabulary containing it (an
    array, from the vocabulary's trigram index); an entry must hold one of each (word index). Runs
    of letters are used when the search has any; digits only when nothing else can be (a phone
    number, part of a reference). A house number is a word of the entry itself: see
    ``whole_word_condition``."""
    from dialogueteam.models import SearchWord

    if connection.vendor != "postgresql":
        return []
    vocabulary = SearchWord._meta.db_table
    terms = [variants for variants in parsed.terms if not variants <= parsed.numbers]
    indexed = [p for p in (_index_pieces(v, letters_only=True) for v in terms) if p]
    if not indexed and not parsed.numbers:
        indexed = [p for p in (_index_pieces(v, letters_only=False) for v in terms) if p]
    return [f"ARRAY(SELECT word::text FROM {vocabulary} WHERE {sql.contains('word', pieces)})" for pieces in indexed]


def whole_word_condition(sql: "Sql", words, *, indexed: bool = True) -> str:
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


def phrase_pairs(parsed: ParsedQuery) -> list[PhrasePair]:
    """The search read as words written side by side: each two neighbouring words (runs of letters or
    digits, as ``index.pairs_of`` cuts them) that the pair index holds. A side that may be part of a
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
        if not all(pairable(a, b) for a in firsts for b in seconds):
            continue
        if (pair.open_start and min(map(len, firsts)) < MIN_QUERY_LENGTH) or (
                pair.open_end and min(map(len, seconds)) < MIN_QUERY_LENGTH):
            continue
        pairs.append(pair)
    return pairs


def pair_keys(sql: "Sql", pair: PhrasePair) -> str:
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


def pair_condition(sql: "Sql", pair: PhrasePair, keys: str | None) -> str:
    """The entry holds a pair fitting this one: through the pair index on PostgreSQL (``keys`` names
    the array of ``pair_keys``); elsewhere by ``LIKE`` on the entry's pairs between commas."""
    if keys is not None:
        return f"{PAIRS_ARRAY} && {keys}"
    fenced = {f"%{'' if p.startswith('%') else ','}{p.strip('%')}{'' if p.endswith('%') else ','}%"
              for p in pair.patterns}
    return sql.contains("(',' || pairs || ',')", fenced, exact=True)


def whole_word(parsed: ParsedQuery) -> set[str] | None:
    """The spellings of a search of one word of letters ("jensen"), to be found whole first; else None."""
    if len(parsed.terms) != 1 or parsed.numbers:
        return None
    variants = parsed.terms[0]
    if all(words_of(v) == [v] and not v.isdigit() for v in variants):
        return variants
    return None


def phrase_tiers(pairs: list[PhrasePair]) -> list[list[PhrasePair]]:
    """The search as written in tiers, best first: its words whole ("hanne jensen"), then its last word
    starting a longer one ("hanne jense": Hanne Jensen), then its first word ending one too (Johanne
    Jensen; "rrebrogade 12": Nørrebrogade 12). Each tier finds what the tiers before it find and more,
    and the cases of one tier match about equally well (see the scores in ``search_found``)."""
    tiers = []
    for start, end in ((False, False), (False, True), (True, True)):
        tier = [replace(pair, open_start=pair.open_start and start, open_end=pair.open_end and end) for pair in pairs]
        if tier and tier not in tiers:
            tiers.append(tier)
    return tiers

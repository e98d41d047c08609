"""The case search index: what the dialogue team's one search box looks in.

Every submitted case has one ``CaseSearchEntry`` whose ``search_text`` holds the reference,
address, postcode, city, cadastral and property number, the applicant's and owner's name and
e-mail, and the applicant's phone number as digits (with and without +45). The text is
lower-cased in Python, so Æ, Ø and Å match æ, ø and å on every database (SQLite's LOWER() only
knows ASCII, and PostgreSQL's depends on the database's locale), and it starts and ends with a
space so " word" finds the start of a word. Its words with æ, ø or å come again at its end spelt
without them (``ascii_spellings``), so that "bjorn" finds Bjørn as Danes type on foreign keyboards.
``words`` holds the distinct runs of letters and of digits of that text, and ``SearchWord`` every
such word once: the lookup's way to the entries on PostgreSQL (see ``candidates.search_found``).

The receivers below keep the entry in step when a case, its property or its applicant changes;
``manage.py rebuild_case_search`` rebuilds every entry (after a bulk load, for instance).
"""

import re

from django.db.models.signals import post_save

from applications.models import Case, Property

S = Case.Status
OPEN_STATUSES = frozenset({S.SUBMITTED, S.AWAITING_INFORMATION, S.COMPLETE, S.IN_REVIEW})

_SEPARATORS = re.compile(r"[,;]+")
_NON_DIGITS = re.compile(r"\D+")
_DIGRAPHS = (("ae", "æ"), ("oe", "ø"), ("aa", "å"))
# The letters a foreign keyboard lacks, as a Dane types them there without the digraphs above.
_WITHOUT_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})
# A word of the index: a run of letters (æ, ø, å included) or a run of digits. "hanne.jensen42@mail.dk"
# holds the words hanne, jensen, 42, mail and dk. A fragment typed into the search is cut the same way,
# so every piece of it lies inside one word of any text that contains the fragment.
_WORD = re.compile(r"\d+|[^\W\d_]+")
WORD_MAX_LENGTH = 255
# The entry's words as PostgreSQL's word indexes have them (migration 0003 builds them on this expression).
WORDS_ARRAY = "string_to_array(words, ' ')"
# Pairs of neighbouring words, and how the pair indexes of migration 0004 have them.
PAIRS_ARRAY = "string_to_array(pairs, ',')"
PAIR_MAX_LENGTH = 255
# A number of more digits than this (a phone, property or account number) is not paired: such pairs
# are nearly all unique and nobody types them beside a word.
PAIRED_NUMBER_DIGITS = 4

# Fields whose change alters a case's entry. A save naming none of them (last_login, ...) is ignored.
CASE_FIELDS = frozenset({"status", "reference", "property", "property_id", "applicant", "applicant_id", "owner_name",
                         "owner_email", "submitted_at"})
PROPERTY_FIELDS = frozenset({"address", "postcode", "city", "cadastral_number", "property_number", "search_text"})
USER_FIELDS = frozenset({"full_name", "email", "phone"})


def normalise(text: str | None) -> str:
    """Lower-case, commas out, whitespace collapsed: ``"  ØSTERBROGADE 12,  2100"`` -> ``"østerbrogade 12 2100"``."""
    return " ".join(_SEPARATORS.sub(" ", text or "").lower().split())


def phone_forms(phone: str | None) -> list[str]:
    """``"+45 20 12 34 56"`` -> ``["4520123456", "20123456"]``: found however the caller says the number."""
    digits = _NON_DIGITS.sub("", phone or "")
    if not digits:
        return []
    forms = [digits]
    for prefix in ("0045", "45"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 8:
            forms.append(digits[len(prefix):])
            break
    return forms


def words_of(text: str | None) -> list[str]:
    """The distinct words of a text in order of first appearance: ``"b-2026-00042 ågade 12a"`` ->
    ``["b", "2026", "00042", "ågade", "12", "a"]``."""
    return list(dict.fromkeys(w[:WORD_MAX_LENGTH] for w in _WORD.findall(text or "")))


def pairable(first: str, second: str) -> bool:
    """Whether two neighbouring words make a pair of the index: not two numbers, and no long number."""
    if first.isdigit() and second.isdigit():
        return False
    return all(not w.isdigit() or len(w) <= PAIRED_NUMBER_DIGITS for w in (first, second))


def pairs_of(text: str | None) -> list[str]:
    """The distinct pairs of neighbouring words of a text, in order: ``" ny havgade 163 2300 københavn s "``
    -> ``["ny havgade", "havgade 163", "københavn s"]`` (163 2300 are two numbers)."""
    sequence = [w[:WORD_MAX_LENGTH] for w in _WORD.findall(text or "")]
    pairs = (f"{a} {b}" for a, b in zip(sequence, sequence[1:], strict=False) if pairable(a, b))
    return list(dict.fromkeys(p for p in pairs if len(p) <= PAIR_MAX_LENGTH))


def danish_variants(word: str) -> set[str]:
    """The word as typed and with "ae", "oe", "aa" read as æ, ø, å (for keyboards without them)."""
    danish = word
    for ascii_form, letter in _DIGRAPHS:
        danish = danish.replace(ascii_form, letter)
    return {word, danish}


def ascii_spellings(text: str) -> str:
    """The words of a normalised text that hold æ, ø or å, spelt without them ("bjørn" as "bjorn", "åse" as
    "ase", "æbleby" as "aebleby"), each with its neighbour on either side so that the pairs a search
    reads as written are there too: ``" b-1 nørrebrogade 12 2200 københavn n "`` ->
    ``"b-1 norrebrogade 12 2200 kobenhavn n"``. Empty when the text has none. Searching "aa", "ae" or
    "oe" for å, æ or ø is the search's part (``danish_variants``)."""
    tokens = text.split()
    segments: list[list[int]] = []
    for i, token in enumerate(tokens):
        if token == token.translate(_WITHOUT_DANISH_LETTERS):
            continue
        low, high = max(i - 1, 0), min(i + 1, len(tokens) - 1)
        if segments and low <= segments[-1][1] + 1:
            segments[-1][1] = high
        else:
            segments.append([low, high])
    return " ".join(" ".join(tokens[low:high + 1]) for low, high in segments).translate(_WITHOUT_DANISH_LETTERS)


def with_ascii_spellings(text: str) -> str:
    """A search text (a space at both ends) followed by its ``ascii_spellings``."""
    extra = ascii_spellings(text)
    return f"{text}{extra} " if extra else text


def plain_search_text(*, reference: str, address: str = "", postcode: str = "", city: str = "",
                      cadastral_number: str = "", property_number: str = "", applicant_name: str = "",
                      applicant_email: str = "", applicant_phone: str = "", owner_name: str = "",
                      owner_email: str = "") -> str:
    """The entry's text without its ``ascii_spellings``."""
    parts = [reference, address, postcode, city, cadastral_number, property_number, applicant_name,
             applicant_email, *phone_forms(applicant_phone), owner_name, owner_email]
    return " " + " ".join(p for p in (normalise(part) for part in parts) if p) + " "


def build_search_text(**parts) -> str:
    """The entry's text: ``plain_search_text`` of the parts, then its ``ascii_spellings``."""
    return with_ascii_spellings(plain_search_text(**parts))


def entry_values(case: Case) -> dict:
    """The entry's fields for a case whose property and applicant are loaded."""
    prop, applicant = case.property, case.applicant
    text = build_search_text(
        reference=case.reference, address=prop.address, postcode=prop.postcode, city=prop.city,
        cadastral_number=prop.cadastral_number, property_number=prop.property_number,
        applicant_name=applicant.full_name, applicant_email=applicant.email, applicant_phone=applicant.phone,
        owner_name=case.owner_name, owner_email=case.owner_email,
    )
    return {"search_text": text, "words": " ".join(words_of(text)), "pairs": ",".join(pairs_of(text)),
            "is_open": case.status in OPEN_STATUSES,
            "submitted_at": case.submitted_at, "municipality_id": prop.municipality_id}


def _entries_for(cases) -> list:
    from dialogueteam.models import CaseSearchEntry

    return [CaseSearchEntry(case_id=case.pk, **entry_values(case)) for case in cases]


def _upsert(entries: list) -> None:
    """Write the entries and add their new words to the vocabulary: two statements, whatever the number."""
    from dialogueteam.models import CaseSearchEntry, SearchWord

    if entries:
        CaseSearchEntry.objects.bulk_create(entries, update_conflicts=True, unique_fields=["case"],
                                            update_fields=["search_text", "words", "pairs", "is_open", "submitted_at",
                                                           "municipality"])
        words = {word for entry in entries for word in entry.words.split()}
        SearchWord.objects.bulk_create([SearchWord(word=w) for w in sorted(words)], ignore_conflicts=True,
                                       batch_size=5000)


def _searchable(queryset):
    return queryset.exclude(status=S.DRAFT).select_related("property", "applicant")


def refresh_cases(*, case_ids) -> int:
    """Write the entries of these cases (drafts are skipped). Three queries, whatever the number."""
    cases = list(_searchable(Case.objects.filter(pk__in=list(case_ids))))
    _upsert(_entries_for(cases))
    return len(cases)


def rebuild_all(*, batch_size: int = 2000) -> int:
    """Rebuild the entry of every submitted case, in batches. Returns the number of entries written."""
    from dialogueteam.models import CaseSearchEntry

    CaseSearchEntry.objects.filter(case__status=S.DRAFT).delete()
    count = 0
    batch = []
    for case in _searchable(Case.objects.order_by("pk")).iterator(chunk_size=batch_size):
        batch.append(case)
        if len(batch) >= batch_size:
            _upsert(_entries_for(batch))
            count += len(batch)
            batch = []
    _upsert(_entries_for(batch))
    return count + len(batch)


def _changes(update_fields, relevant: frozenset) -> bool:
    return update_fields is None or bool(set(update_fields) & relevant)


def case_saved(sender, instance: Case, created, update_fields=None, raw=False, **kwargs):
    if raw or instance.status == S.DRAFT or not _changes(update_fields, CASE_FIELDS):
        return
    refresh_cases(case_ids=[instance.pk])


def property_saved(sender, instance: Property, created, update_fields=None, raw=False, **kwargs):
    if raw or created or not _changes(update_fields, PROPERTY_FIELDS):
        return
    refresh_cases(case_ids=Case.objects.filter(property=instance).exclude(status=S.DRAFT).values_list("pk", flat=True))


def user_saved(sender, instance, created, update_fields=None, raw=False, **kwargs):
    if raw or created or not _changes(update_fields, USER_FIELDS):
        return
    refresh_cases(case_ids=Case.objects.filter(applicant=instance).exclude(status=S.DRAFT).values_list("pk", flat=True))


def connect() -> None:
    from django.contrib.auth import get_user_model

    post_save.connect(case_saved, sender=Case, dispatch_uid="dialogueteam.search.case_saved")
    post_save.connect(property_saved, sender=Property, dispatch_uid="dialogueteam.search.property_saved")
    post_save.connect(user_saved, sender=get_user_model(), dispatch_uid="dialogueteam.search.user_saved")

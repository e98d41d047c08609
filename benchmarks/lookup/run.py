"""Benchmark: the dialogue team's lookup over 1,000,000 cases in PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/permitportal_bench .venv/bin/python benchmarks/lookup/run.py

1. Creates the database if needed and migrates it.
2. Bulk-loads (COPY) realistic Danish data unless it is there already: applicants with Danish
   names, e-mail addresses and phone numbers, properties on Copenhagen-area streets with
   cadastral numbers, and 1,000,000 cases in every status (drafts included, which the lookup must
   never show) with their search entries; then builds the indexes and analyses the tables.
3. Measures, interleaved in the same run, through the full Django stack (the test Client against
   the real URL, a logged-in dialogue-team member, sessions in the database): at least 500
   lookups of each kind (reference, address fragment, name fragment, plus a broad one-word
   surname for information) and a bare view returning constant JSON, registered only in this
   script's own URLconf. Prints p50 and p95 of each, the ratio to the bare view, and the queries
   per request.

Before measuring it prints the server's shared_buffers against the size of what a lookup reads, and
reads those tables and indexes once (pg_prewarm), so that the run measures a server in its steady
state rather than one that has just started.

Options: --cases N (default 1,000,000), --samples N (default 500), --rebuild (drop and load again),
--cold (no prewarming), --plain-statements (the lookup's statement not prepared: what preparing gains),
--compare-prepared (the statement alone, prepared and not, alternately: the same comparison robust to load).
"""

import argparse
import importlib
import io
import itertools
import json
import os
import random
import statistics
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/permitportal_bench"
os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "permitportal.settings.base")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import dj_database_url  # noqa: E402

from benchmarks.municipalities import municipality_shares  # noqa: E402  (Denmark's 98 by size)

# --- Realistic Danish data ----------------------------------------------------------------------------------------

FIRST_NAMES = [
    "Anne", "Kirsten", "Mette", "Hanne", "Helle", "Anna", "Susanne", "Lene", "Maria", "Marianne", "Inge", "Karen",
    "Lone", "Bente", "Camilla", "Pia", "Louise", "Charlotte", "Jette", "Tina", "Ida", "Emma", "Sofie", "Freja",
    "Åse", "Ærtebjørg", "Birgitte", "Dorte", "Sørine", "Else", "Peter", "Jens", "Lars", "Michael", "Henrik",
    "Thomas", "Søren", "Jan", "Niels", "Christian", "Martin", "Jørgen", "Hans", "Anders", "Morten", "Jesper", "Ole",
    "Per", "Erik", "Kim", "Mads", "Rasmus", "Bjørn", "Frederik", "Mikkel", "Kristian", "Jakob", "Torben", "Åge",
    "Øjvind", "Ebbe", "Bent", "Poul", "Knud", "Svend", "Carsten", "Flemming", "Steen", "Johannes", "William",
]
# Surnames with roughly their Danish frequency (Jensen, Nielsen, Hansen are each about 4-5 %).
SURNAMES = [
    ("Jensen", 250), ("Nielsen", 245), ("Hansen", 200), ("Pedersen", 160), ("Andersen", 160), ("Christensen", 110),
    ("Larsen", 105), ("Sørensen", 100), ("Rasmussen", 85), ("Jørgensen", 80), ("Petersen", 70), ("Madsen", 60),
    ("Kristensen", 60), ("Olsen", 50), ("Thomsen", 45), ("Christiansen", 40), ("Poulsen", 35), ("Johansen", 35),
    ("Møller", 35), ("Mortensen", 35), ("Knudsen", 25), ("Jakobsen", 25), ("Mikkelsen", 22), ("Olesen", 22),
    ("Frederiksen", 20), ("Laursen", 20), ("Henriksen", 20), ("Lund", 20), ("Schmidt", 16), ("Eriksen", 15),
    ("Holm", 15), ("Kristiansen", 15), ("Clausen", 14), ("Simonsen", 14), ("Svendsen", 13), ("Andreasen", 12),
    ("Iversen", 12), ("Jeppesen", 11), ("Mogensen", 11), ("Jacobsen", 11), ("Vestergaard", 10), ("Nissen", 10),
    ("Lauridsen", 9), ("Kjær", 9), ("Jespersen", 9), ("Søndergaard", 9), ("Mølgaard", 6), ("Bertelsen", 8),
    ("Nørgaard", 8), ("Dahl", 8), ("Østergaard", 8), ("Bach", 7), ("Kjeldsen", 7), ("Thygesen", 6), ("Skov", 7),
    ("Ærenlund", 2), ("Åberg", 2), ("Ørsted", 3), ("Bæk", 4), ("Brøndum", 3), ("Gråbøl", 2), ("Hjørnholm", 2),
    ("Kierkegaard", 2), ("Blixen", 1), ("Fønss", 2), ("Sæbye", 2), ("Højgaard", 5), ("Krøyer", 2), ("Å", 1),
]
STREET_BASES = [
    "Nørrebro", "Vesterbro", "Østerbro", "Amager", "Frederiksberg", "Valby", "Ærø", "Åbenrå", "Bispebjerg",
    "Søborg", "Kongens", "Dronning", "Hvidovre", "Sankt Hans", "Rosen", "Kirke", "Skole", "Møllers", "Strand",
    "Hav", "Bøge", "Ege", "Ahorn", "Birke", "Lærke", "Solsort", "Mejse", "Drossel", "Æble", "Pære", "Kastanje",
    "Sølv", "Guld", "Kobber", "Tårn", "Bryggers", "Fiskers", "Smede", "Bager", "Mølle", "Enghave", "Ørestads",
    "Islands Brygge", "Sønder", "Nørre", "Vester", "Øster", "Holmens", "Grøn", "Hvide", "Røde", "Blå", "Lyngby",
    "Gentofte", "Gladsaxe", "Herlev", "Rødovre", "Brønshøj", "Husum", "Tingbjerg", "Utterslev", "Emdrup",
    "Svane", "Ravn", "Høge", "Falke", "Ørne", "Lindholm", "Kløver", "Hyld", "Pile", "Elme", "Ask", "Hassel",
    "Jagt", "Frederikssunds", "Roskilde", "Køge", "Helsingør", "Hillerød", "Tagens", "Ålholm",
]
STREET_SUFFIXES = ["gade", "vej", "allé", "stræde", "boulevard", "plads", "have", "toften", "vænget", "parken"]
POSTCODES = [
    ("1050", "København K"), ("1150", "København K"), ("1360", "København K"), ("1550", "København V"),
    ("1620", "København V"), ("1800", "Frederiksberg C"), ("1850", "Frederiksberg C"), ("2000", "Frederiksberg"),
    ("2100", "København Ø"), ("2150", "Nordhavn"), ("2200", "København N"), ("2300", "København S"),
    ("2400", "København NV"), ("2450", "København SV"), ("2500", "Valby"), ("2605", "Brøndby"),
    ("2610", "Rødovre"), ("2650", "Hvidovre"), ("2700", "Brønshøj"), ("2720", "Vanløse"), ("2770", "Kastrup"),
    ("2860", "Søborg"), ("2900", "Hellerup"), ("2920", "Charlottenlund"),
]
EJERLAV = ["Østerbro", "Vesterbro", "Sundbyøster", "Sundbyvester", "Utterslev", "Valby", "Brønshøj", "Nørrebro",
           "Udenbys Klædebo Kvarter", "Udenbys Vester Kvarter", "Frederiksberg", "Kastrup By", "Hvidovre By"]
EMAIL_DOMAINS = ["gmail.com", "hotmail.com", "outlook.dk", "yahoo.dk", "mail.dk", "live.dk", "arkitekt.dk",
                 "tegnestue.dk", "jubii.dk", "stofanet.dk"]
# Share of cases per status (drafts included: the lookup must skip them).
STATUS_SHARES = [("closed", 62), ("decided", 5), ("in_review", 6), ("complete", 4), ("awaiting_information", 4),
                 ("submitted", 4), ("withdrawn", 4), ("draft", 11)]
OPEN = {"submitted", "awaiting_information", "complete", "in_review"}
ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", " ": ""})


def streets(rng):
    names = []
    for prefix in ("", "Gammel ", "Ny "):
        for base in STREET_BASES:
            for suffix in STREET_SUFFIXES:
                spaced = base.endswith("s") and suffix not in ("gade", "vej")
                names.append(f"{prefix}{base} {suffix}" if spaced else f"{prefix}{base}{suffix}")
    return [(name, *rng.choice(POSTCODES)) for name in names]


# --- COPY helpers -------------------------------------------------------------------------------------------------

def _text(value) -> str:
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value)
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


class Table:
    """COPY rows into a model's table: every concrete column, defaults for those not given."""

    def __init__(self, model):
        self.model = model
        self.columns = [f.column for f in model._meta.concrete_fields]
        self.index = {c: i for i, c in enumerate(self.columns)}
        self.default_texts = []
        for f in model._meta.concrete_fields:
            default = f.get_default() if f.has_default() else (None if f.null else "")
            self.default_texts.append(_text(default() if callable(default) else default))

    def copy(self, cursor, rows, chunk=100_000):
        buffer = io.StringIO()
        count = 0
        index, defaults = self.index, self.default_texts
        for row in rows:
            parts = defaults.copy()
            for column, value in row.items():
                parts[index[column]] = _text(value)
            buffer.write("\t".join(parts))
            buffer.write("\n")
            count += 1
            if count % chunk == 0:
                self._flush(cursor, buffer)
                buffer = io.StringIO()
        self._flush(cursor, buffer)
        return count

    def _flush(self, cursor, buffer):
        buffer.seek(0)
        cols = ", ".join(f'"{c}"' for c in self.columns)
        cursor.copy_expert(f'COPY "{self.model._meta.db_table}" ({cols}) FROM STDIN', buffer)


# --- Database -----------------------------------------------------------------------------------------------------

def ensure_database():
    import psycopg2

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    if "postgresql" not in config["ENGINE"]:
        sys.exit("This benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")
    admin = psycopg2.connect(dbname="postgres", user=config["USER"], password=config["PASSWORD"] or None,
                             host=config["HOST"], port=config["PORT"] or 5432)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]])
        if not cur.fetchone():
            cur.execute(f'CREATE DATABASE "{config["NAME"]}"')
            print(f"created database {config['NAME']}")
    admin.close()
    return config["NAME"]


def load(n_cases: int, seed: int = 42):
    """People, properties (each in one of the 98 municipalities), cases and their search entries, by COPY.
    One long function on purpose: a benchmark's loader reads best as one script from the first table to the
    indexes, and its pieces share the generated rows."""
    from django.db import connection, transaction

    from applications.models import ApplicationType, Case, Property
    from applications.services.catalogue import load_catalogue
    from dialogueteam.models import CaseSearchEntry, SearchWord
    from dialogueteam.search import build_search_text, pairs_of, plain_search_text, with_ascii_spellings, words_of

    indexes = importlib.import_module("dialogueteam.migrations.0003_search_words")
    pair_indexes = importlib.import_module("dialogueteam.migrations.0004_search_pairs")
    from applications.models import Municipality
    from permitportal.accounts.models import User

    rng = random.Random(seed)
    if not ApplicationType.objects.exists():
        load_catalogue()
    types = list(ApplicationType.objects.filter(is_active=True).values_list("id", "service_target_days"))
    t0 = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("TRUNCATE dialogueteam_casesearchentry, dialogueteam_searchword, applications_case, "
                    "applications_property, accounts_user CASCADE")
        cur.execute("SET maintenance_work_mem = '512MB'")
        # Build the lookup's indexes after the load, not row by row during it.
        for name in [*indexes.WORD_INDEXES, indexes.VOCABULARY_INDEX, *pair_indexes.PAIR_INDEXES]:
            cur.execute(f"DROP INDEX IF EXISTS {name}")
    # The 98 municipalities; each property (and so each case) in one, by the municipalities' sizes.
    shares = municipality_shares()
    ids = {}
    for code, name, _share in shares:
        ids[code] = Municipality.objects.update_or_create(code=code, defaults={"name": name})[0].pk
    municipality_ids = [ids[code] for code, _name, _share in shares]
    municipality_weights = list(itertools.accumulate(share for _c, _n, share in shares))
    now = datetime.now(UTC)
    surnames, weights = zip(*SURNAMES, strict=True)
    cum_weights = list(itertools.accumulate(weights))
    street_list = streets(rng)

    # People: applicants (some with several cases) and caseworkers.
    n_people = max(n_cases * 6 // 10, 10)
    people = []
    with transaction.atomic(), connection.cursor() as cur:
        def user_rows():
            for i in range(n_people):
                first = rng.choice(FIRST_NAMES)
                last = rng.choices(surnames, cum_weights=cum_weights)[0]
                if rng.random() < 0.15:
                    first = f"{first} {rng.choice(FIRST_NAMES)}"
                name = f"{first} {last}"
                email = f"{first.split()[0].translate(ASCII).lower()}.{last.translate(ASCII).lower()}{i}" \
                        f"@{rng.choice(EMAIL_DOMAINS)}"
                phone = f"+45 {rng.choice('2345678')}{rng.randint(0, 9)} {rng.randint(0, 99):02d} " \
                        f"{rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"
                # The applicant's part of the search text, worked out once per person.
                people.append((i + 1, name, email, phone,
                               plain_search_text(reference="", applicant_name=name, applicant_email=email,
                                                 applicant_phone=phone).strip()))
                yield {"id": i + 1, "password": "!", "email": email, "full_name": name, "phone": phone,
                       "preferred_language": "da" if rng.random() < 0.9 else "en", "email_verified": True,
                       "date_joined": now - timedelta(days=rng.randint(0, 3650))}
            for j in range(40):
                yield {"id": n_people + j + 1, "password": "!", "email": f"sagsbehandler{j}@kk.example.dk",
                       "full_name": f"{rng.choice(FIRST_NAMES)} {rng.choices(surnames, cum_weights=cum_weights)[0]}",
                       "phone": f"+45 33 66 {j:02d} {rng.randint(10, 99)}", "email_verified": True,
                       "date_joined": now}
        Table(User).copy(cur, user_rows())
        caseworkers = list(range(n_people + 1, n_people + 41))
    print(f"  {n_people + 40:,} people in {time.perf_counter() - t0:.0f} s")

    # Properties.
    n_props = max(n_cases * 4 // 10, 10)
    props = []
    with transaction.atomic(), connection.cursor() as cur:
        def property_rows():
            # Every address once: a sample of (street, house number) pairs, some numbers with a letter.
            numbers = 220
            for i, pick in enumerate(rng.sample(range(len(street_list) * numbers), n_props), start=1):
                street, postcode, city = street_list[pick // numbers]
                number = str(pick % numbers + 1) + (rng.choice("ABCD") if rng.random() < 0.08 else "")
                address = f"{street} {number}"
                cadastral = f"{rng.randint(1, 9999)}{rng.choice(['', 'a', 'b', 'c', 'æ', 'ø'])} " \
                            f"{rng.choice(EJERLAV)}, København"
                number_id = str(100_000_000 + i)
                municipality_id = rng.choices(municipality_ids, cum_weights=municipality_weights)[0]
                props.append((i, address, postcode, city, cadastral, number_id,
                              plain_search_text(reference="", address=address, postcode=postcode, city=city,
                                                cadastral_number=cadastral, property_number=number_id).strip(),
                              municipality_id))
                yield {"id": i, "address": address, "postcode": postcode, "city": city,
                       "municipality_id": municipality_id,
                       "cadastral_number": cadastral, "property_number": number_id,
                       "zoning_plan": f"Lokalplan {rng.randint(1, 600)}", "year_built": rng.randint(1850, 2024),
                       "built_area": rng.randint(40, 400), "use": "Fritliggende enfamiliehus",
                       "search_text": f"{address} {postcode} {city} {cadastral} {number_id}".lower()}
        Table(Property).copy(cur, property_rows())
    print(f"  {n_props:,} properties in {time.perf_counter() - t0:.0f} s")

    # Cases and their search entries.
    statuses, shares = zip(*STATUS_SHARES, strict=True)
    cum_shares = list(itertools.accumulate(shares))
    years = list(range(2016, 2027))
    per_year = -(-n_cases // len(years))
    with transaction.atomic(), connection.cursor() as cur:
        entries = []
        vocabulary = set()

        def case_rows():
            for i in range(n_cases):
                year = years[i // per_year]
                reference = f"B-{year}-{i % per_year + 1:05d}"
                status = rng.choices(statuses, cum_weights=cum_shares)[0]
                person_id, name, email, phone, person_text = people[rng.randrange(len(people))]
                prop = props[rng.randrange(len(props))]
                type_id, target = rng.choice(types)
                created = datetime(year, 1, 1, 7, tzinfo=UTC) + timedelta(
                    minutes=(i % per_year) * 360 * 24 * 60 // per_year)
                row = {"id": i + 1, "reference": reference, "status": status, "property_id": prop[0],
                       "application_type_id": type_id, "applicant_id": person_id, "created_at": created,
                       "updated_at": created, "customer_group": rng.choice(["private", "owner", "professional"]),
                       "description": "Carport på 30 m² ved siden af huset.", "catalogue_version": "bench"}
                if status != "draft":
                    submitted = created + timedelta(days=rng.randint(0, 20))
                    expected = (submitted + timedelta(days=5 + target)).date()
                    row.update({"submitted_at": submitted, "expected_decision_date": expected,
                                "first_expected_decision_date": expected, "receipt_sent_at": submitted})
                    if status not in ("submitted", "withdrawn"):
                        row["caseworker_id"] = rng.choice(caseworkers)
                    if status in ("decided", "closed"):
                        row["decided_at"] = submitted + timedelta(days=rng.randint(10, 70))
                    if status == "closed":
                        row["closed_at"] = row["decided_at"] + timedelta(days=28)
                    if status == "awaiting_information":
                        row["clock_paused_since"] = (submitted + timedelta(days=7)).date()
                    text = with_ascii_spellings(f" {reference.lower()} {prop[6]} {person_text} ")
                    if i < 1000:  # the same text the product builds (dialogueteam.search)
                        assert text == build_search_text(
                            reference=reference, address=prop[1], postcode=prop[2], city=prop[3],
                            cadastral_number=prop[4], property_number=prop[5], applicant_name=name,
                            applicant_email=email, applicant_phone=phone), text
                    words, pairs = words_of(text), pairs_of(text)
                    vocabulary.update(words)
                    entries.append({"case_id": i + 1, "is_open": status in OPEN, "submitted_at": submitted,
                                    "municipality_id": prop[7],
                                    "search_text": text, "words": " ".join(words), "pairs": ",".join(pairs)})
                else:
                    row["draft_expires_at"] = now + timedelta(days=60)
                yield row
        Table(Case).copy(cur, case_rows())
        print(f"  {n_cases:,} cases in {time.perf_counter() - t0:.0f} s")
        Table(CaseSearchEntry).copy(cur, iter(entries))
        print(f"  {len(entries):,} search entries in {time.perf_counter() - t0:.0f} s")
        Table(SearchWord).copy(cur, ({"word": w} for w in sorted(vocabulary)))
        print(f"  {len(vocabulary):,} search words in {time.perf_counter() - t0:.0f} s")
        for table in ("accounts_user", "applications_property", "applications_case"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
    with connection.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '512MB'")
        cur.execute("SET max_parallel_maintenance_workers = 2")
    with connection.schema_editor() as editor:  # the migration's own statements
        indexes.create_indexes(None, editor)
        pair_indexes.create_indexes(None, editor)
    with connection.cursor() as cur:
        print(f"  indexes in {time.perf_counter() - t0:.0f} s")
        for table in ("accounts_user", "applications_property", "applications_case", "dialogueteam_casesearchentry",
                      "dialogueteam_searchword"):
            cur.execute(f"VACUUM ANALYZE {table}")
    print(f"loaded in {time.perf_counter() - t0:.0f} s")


# --- The database server -------------------------------------------------------------------------------------------

# What a lookup reads: the search entries and their indexes, the vocabulary, and the cases, properties and users
# its results are joined to.
LOOKUP_TABLES = ("dialogueteam_casesearchentry", "dialogueteam_searchword", "applications_case",
                 "applications_property", "accounts_user")


def server_report(prewarm: bool) -> None:
    """Print the server's memory for data against what a lookup reads, and with ``prewarm`` read those
    tables and indexes once (pg_prewarm) so the run measures a server in its steady state, not one that
    has just started: a portal's database serves lookups all day. Without pg_prewarm, or with
    ``--cold``, the run starts from whatever the server holds."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT setting::bigint * 8192 FROM pg_settings WHERE name = 'shared_buffers'")
        shared_buffers = cur.fetchone()[0]
        cur.execute("""SELECT c.oid::regclass::text, pg_relation_size(c.oid) FROM pg_class c
                       WHERE c.relkind IN ('r', 'i') AND (c.oid = ANY(%s::regclass[])
                             OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = ANY(%s::regclass[])))""",
                    [list(LOOKUP_TABLES), list(LOOKUP_TABLES)])
        relations = cur.fetchall()
        size = sum(bytes_ for _, bytes_ in relations)
        print(f"server: shared_buffers {shared_buffers / 2**20:,.0f} MB; the lookup's tables and indexes "
              f"{size / 2**20:,.0f} MB")
        if shared_buffers < size:
            print("  shared_buffers is smaller than what lookups read: pages come from the OS cache or the disk "
                  "(see README: production settings)")
        if not prewarm:
            return
        cur.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_prewarm'")
        if not cur.fetchone():
            print("  pg_prewarm is not available: not prewarmed")
            return
        cur.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        start = time.perf_counter()
        # Into the operating system's cache, then into shared buffers as far as they go: largest first, so
        # that when they are smaller than the whole, the smaller relations (indexes) are the ones they keep.
        cur.execute("SELECT sum(pg_prewarm(oid, 'read')) FROM unnest(%s::regclass[]) AS oid",
                    [[name for name, _ in relations]])
        cur.execute("SELECT sum(pg_prewarm(oid)) FROM unnest(%s::regclass[]) AS oid",
                    [[name for name, _ in sorted(relations, key=lambda r: -r[1])]])
        print(f"  prewarmed {size / 2**20:,.0f} MB in {time.perf_counter() - start:.1f} s")


# --- Measuring ----------------------------------------------------------------------------------------------------

def bare(request):
    from django.http import JsonResponse

    return JsonResponse({"ok": True})


def _urlpatterns():
    from django.urls import include, path

    return [path("bench/bare/", bare, name="bench-bare"), path("", include("permitportal.urls"))]


urlpatterns = []  # filled in main(): this module is the URLconf of the run


def queries(n: int, seed: int = 7, *, municipality_id: int) -> dict[str, list[str]]:
    """Searches a caller would give about a case of the member's municipality: an exact reference, part of
    the street with the house number, a first name with the start of the surname; and a broad one-word
    surname."""
    from django.db import connection

    rng = random.Random(seed)
    with connection.cursor() as cur:
        cur.execute("SELECT setseed(0.7)")
        cur.execute("""SELECT c.reference, p.address, u.full_name FROM applications_case c
                       JOIN applications_property p ON p.id = c.property_id
                       JOIN accounts_user u ON u.id = c.applicant_id
                       WHERE c.status <> 'draft' AND p.municipality_id = %s ORDER BY random() LIMIT %s""",
                    [municipality_id, n * 3])
        rows = cur.fetchall()
    rows = (rows * (1 + n // max(len(rows), 1)))[:max(n * 3, len(rows))]  # a small municipality: repeat them
    rng.shuffle(rows)
    rows = rows[:n]
    kinds = {"reference": [], "address fragment": [], "name fragment": [], "broad surname": []}
    for reference, address, full_name in rows:
        kinds["reference"].append(reference if rng.random() < 0.5 else reference.lower())
        street, _, number = address.rpartition(" ")
        street = street[rng.randint(0, 3):] if len(street) > 8 else street
        kinds["address fragment"].append(f"{street} {number}".upper() if rng.random() < 0.2 else f"{street} {number}")
        first, *_, last = full_name.split()
        kinds["name fragment"].append(f"{first.lower()} {last[:max(4, len(last) - 2)].lower()}")
        kinds["broad surname"].append(rng.choice(["jensen", "nielsen", "hansen", "sørensen", "møller"]))
    return kinds


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def measure(samples: int, *, code: str = "0101"):
    """Every kind of lookup and the bare view, interleaved, then the statement alone, the queries and the API;
    prints the table and the verdicts. One function so that the printed table follows the measuring."""
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from dialogueteam.search import search_cases
    from permitportal.accounts.models import User

    user = User.objects.filter(email="bench-dialogue@kk.example.dk").first() or User.objects.create_user(
        email="bench-dialogue@kk.example.dk", password=uuid.uuid4().hex, full_name="Bench Dialog",
        email_verified=True)
    user.groups.add(Group.objects.get_or_create(name="dialogue_team")[0])
    from applications.models import Municipality

    # The lookup is scoped (issue 19): the member works for one municipality and looks up its cases.
    municipality = Municipality.objects.get(code=code)
    user.municipalities.set([municipality])
    own = _entries_of(municipality)
    print(f"\na dialogue-team member of {municipality.code} {municipality.name}: {own:,} of its cases in the lookup")
    client = Client()
    client.force_login(user)
    searches = queries(samples, municipality_id=municipality.pk)
    kinds = ["bare", *searches]
    timings = {k: [] for k in kinds}
    found = {k: [] for k in kinds}

    def request(kind, i):
        if kind == "bare":
            return client.get("/bench/bare/")
        return client.get("/dialogue/", {"q": searches[kind][i]})

    for i in range(min(50, samples)):  # warm up: connections, caches, the planner
        for kind in kinds:
            request(kind, i)
    for i in range(samples):
        for kind in kinds:
            start = time.perf_counter()
            response = request(kind, i)
            timings[kind].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (kind, response.status_code)
            if kind != "bare":
                found[kind].append(response.content.count(b'class="card mb-2 lookup-result"'))
    search_only = {}
    for kind in kinds[1:]:
        times = []
        for text in searches[kind]:
            start = time.perf_counter()
            search_cases(query=text, user=user)
            times.append((time.perf_counter() - start) * 1000)
        search_only[kind] = times

    query_counts = {}
    for kind in kinds:
        with CaptureQueriesContext(connection) as ctx:
            request(kind, 0)
        query_counts[kind] = len(ctx.captured_queries)
    with CaptureQueriesContext(connection) as ctx:
        client.get("/api/v1/lookup/", {"q": searches["address fragment"][0]})
    api_queries = len(ctx.captured_queries)
    api_times = []
    for i in range(samples):
        start = time.perf_counter()
        client.get("/api/v1/lookup/", {"q": searches["address fragment"][i]})
        api_times.append((time.perf_counter() - start) * 1000)

    bare_p95 = percentile(timings["bare"], 0.95)
    print(f"\n{samples} requests of each kind, interleaved; times in ms (full Django request, logged in)")
    print(f"{'kind':<18}{'p50':>8}{'p95':>8}{'p95/bare':>10}{'queries':>9}{'avg hits':>10}"
          f"{'search p50':>12}{'search p95':>12}")
    verdicts = []
    for kind in kinds:
        p50, p95 = percentile(timings[kind], 0.5), percentile(timings[kind], 0.95)
        hits = f"{statistics.mean(found[kind]):.1f}" if found[kind] else "-"
        search = (f"{percentile(search_only[kind], 0.5):>12.2f}{percentile(search_only[kind], 0.95):>12.2f}"
                  if kind in search_only else "")
        print(f"{kind:<18}{p50:>8.2f}{p95:>8.2f}{p95 / bare_p95:>10.2f}{query_counts[kind]:>9}{hits:>10}{search}")
        if kind not in ("bare", "broad surname"):
            verdicts.append((kind, p95))
    print(f"{'API lookup (addr)':<18}{percentile(api_times, 0.5):>8.2f}{percentile(api_times, 0.95):>8.2f}"
          f"{percentile(api_times, 0.95) / bare_p95:>10.2f}{api_queries:>9}")
    print("\nqueries per request = session + user with roles (every logged-in page, the bare view too) + the "
          "lookup's own: one statement that searches and writes the read log (PostgreSQL).\n"
          "search p50/p95 = search.search_cases alone (the statement without the read log, and building the "
          "results).")
    for kind, p95 in verdicts:
        absolute = "met" if p95 <= 50 else "MISSED"
        relative = "met" if p95 <= 3 * bare_p95 else "MISSED"
        few = "met" if query_counts[kind] <= 3 else "MISSED"
        print(f"{kind}: p95 {p95:.2f} ms; at most 50 ms: {absolute}; at most 3x bare ({3 * bare_p95:.2f} ms): "
              f"{relative} ({p95 / bare_p95:.1f}x); at most 3 queries: {few} ({query_counts[kind]})")
    return timings


def _entries_of(municipality) -> int:
    from dialogueteam.models import CaseSearchEntry

    return CaseSearchEntry.objects.filter(municipality=municipality).count()


def compare_prepared(samples: int) -> None:
    """The lookup's statement alone (``search_cases``): prepared with the portal's generic plans, prepared
    with PostgreSQL's own choice of plan (``plan_cache_mode = auto``), and sent as it is, in turn on the
    same connection sample by sample, so that the machine's load weighs on each alike."""
    from django.db import connection

    from applications.models import Municipality
    from dialogueteam.search import lookup

    searches = queries(samples, municipality_id=Municipality.objects.get(code="0101").pk)
    modes = {"prepared": lookup.prepared, "prepared, auto plans": lookup.prepared,
             "as it is": lambda sql, params: (sql, list(params))}
    times = {(kind, mode): [] for kind in searches for mode in modes}
    connection.ensure_connection()
    try:
        for i in range(samples):
            for kind, texts in searches.items():
                for mode in (list(modes) if i % 2 else list(modes)[::-1]):
                    lookup.prepared = modes[mode]
                    with connection.cursor() as cursor:
                        cursor.execute("SET plan_cache_mode = " + ("auto" if "auto" in mode else "force_generic_plan"))
                    start = time.perf_counter()
                    lookup.search_cases(query=texts[i])
                    if i >= min(50, samples // 10):  # the first samples warm the connection up
                        times[(kind, mode)].append((time.perf_counter() - start) * 1000)
    finally:
        lookup.prepared = modes["prepared"]
    print(f"\nsearch_cases alone, {samples} samples of each kind, in turn; p50 / p95 in ms")
    print(f"{'kind':<18}" + "".join(f"{mode:>24}" for mode in modes))
    for kind in searches:
        cells = [(percentile(times[(kind, m)], 0.5), percentile(times[(kind, m)], 0.95)) for m in modes]
        print(f"{kind:<18}" + "".join(f"{p50:>15.2f} /{p95:>6.2f}" for p50, p95 in cells))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=500)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--municipality", default="0101",
                        help="the code of the municipality the measured dialogue-team member works for")
    parser.add_argument("--load-only", action="store_true", help="load the data and stop")
    parser.add_argument("--cold", action="store_true", help="measure without prewarming the lookup's tables")
    parser.add_argument("--compare-prepared", action="store_true",
                        help="only the statement alone, prepared and as it is, alternately")
    parser.add_argument("--plain-statements", action="store_true",
                        help="the lookup's statement not prepared (to measure what preparing gains)")
    args = parser.parse_args()

    name = ensure_database()
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from applications.models import Case

    urlpatterns[:] = _urlpatterns()
    settings.ROOT_URLCONF = __name__
    # Only what the lookup needs: another app's data migration must not run over a million cases here.
    for app in ("contenttypes", "auth", "sessions", "accounts", "core", "applications", "dialogueteam", "predialogue",
                "hearings"):
        call_command("migrate", app, verbosity=0)
    count = Case.objects.count()
    if args.rebuild or count < args.cases:
        print(f"loading {args.cases:,} cases into {name} (found {count:,}) ...")
        load(args.cases)
    else:
        print(f"{count:,} cases in {name} already: measuring (use --rebuild to load again)")
    if args.plain_statements:
        from dialogueteam.search import lookup

        lookup.prepared = lambda sql, params: (sql, list(params))
        print("statements sent as they are (--plain-statements): planned at every lookup")
    if args.compare_prepared:
        server_report(prewarm=not args.cold)
        compare_prepared(args.samples)
    elif not args.load_only:
        server_report(prewarm=not args.cold)
        measure(args.samples, code=args.municipality)


if __name__ == "__main__":
    sys.modules.setdefault("benchmarks.lookup.run", sys.modules[__name__])
    main()

"""Benchmark: the satisfaction and KPI dashboard over 1,000,000 cases and 200,000 responses in PostgreSQL,
spread over Denmark's 98 municipalities.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/permitportal_dash98 .venv/bin/python benchmarks/dashboard/run.py

1. Creates the database if needed and migrates it (the satisfaction migrations add the indexes the
   dashboard's queries use).
2. Bulk-loads, inside PostgreSQL with generate_series (no rows pass through Python), unless the data is
   there already: the 98 municipalities by size (``benchmarks/municipalities.py``: København 10 %, the
   smallest about 240 cases of 1,000,000), 200,000 applicants, 100,000 properties each in one municipality
   (a deterministic pick from the property id's md5 against the cumulative shares), 1,000,000 cases over
   three years in every status with their clock dates, a first screening run for every submitted case (and
   a second for some), information requests (a few with a continuity warning), 300,000 dialogue-team
   contacts, about 500,000 survey invitations and exactly 200,000 responses; then VACUUM ANALYZE. Every
   municipality_id (KPI facts, contacts, invitations, responses, satisfaction days) is the case's
   property's (a contact without a case, and a meeting, get one picked by size as properties do); the
   script checks this after loading and before measuring.
3. Measures through the full Django stack (the test Client against the real URLs, sessions in the
   database), for three viewers: a manager of 0101 København (the largest municipality) and a manager of
   the smallest, each the dashboard page, the CSV export and both API endpoints, and the national role's
   page and API (every municipality side by side); each for the default period (the last twelve months)
   and for the whole three years. Prints p50, p95 and max of each and the queries per request, one table
   per viewer, and fails when a p95 is 1 second or more.

Options: --cases N (default 1,000,000), --responses N (default 200,000), --samples N (default 20),
--rebuild (drop the data and load again), --load-only (load if needed, check, and stop).
"""

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/permitportal_dash98"
os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "permitportal.settings.base")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import dj_database_url  # noqa: E402

from benchmarks.municipalities import municipality_shares  # noqa: E402  (Denmark's 98 by size)

LIMIT_MS = 1000
FIRST_DAY = "2023-12-01"  # the data spans three years up to the end of November 2026
LAST_DAY = "2026-11-30"


def ensure_database() -> str:
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


# --- Loading with generate_series -----------------------------------------------------------------------------------

def _literal(value):
    from datetime import date, datetime

    if value is None:
        return "NULL", []
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), []
    if isinstance(value, int | float):
        return str(value), []
    if isinstance(value, dict | list):
        import json

        return "%s::jsonb", [json.dumps(value)]
    if isinstance(value, datetime | date):
        return "%s", [value.isoformat()]
    if isinstance(value, uuid.UUID):
        return "gen_random_uuid()", []
    return "%s", [str(value)]


def insert_select(cursor, model, expressions: dict[str, str], source: str, params=()):
    """INSERT INTO model's table SELECT the given column expressions FROM ``source``; every other column gets
    the field's default (or NULL / empty), so a field added to a model later does not break the load.
    ``source`` may hold %s placeholders for ``params`` (a literal percent sign there is written %%)."""
    from django.db.models import NOT_PROVIDED

    columns, selects, values = [], [], []
    for field in model._meta.concrete_fields:
        columns.append(f'"{field.column}"')
        if field.column in expressions:
            selects.append(expressions[field.column].replace("%", "%%"))  # the expressions take no parameters
            continue
        if field.has_default():
            default = field.default() if callable(field.default) else field.default
            if field.default is not NOT_PROVIDED and getattr(field.default, "__name__", "") == "now":
                selects.append("now()")
                continue
        elif field.null:
            default = None
        else:
            default = ""
        sql, extra = _literal(default)
        selects.append(sql)
        values.extend(extra)
    unknown = set(expressions) - {f.column for f in model._meta.concrete_fields}
    if unknown:
        raise ValueError(f"{model.__name__} has no columns {unknown}")
    sql = f'INSERT INTO "{model._meta.db_table}" ({", ".join(columns)}) SELECT {", ".join(selects)} FROM {source}'
    cursor.execute(sql, [*values, *params])
    return cursor.rowcount


def municipality_pick(key: str) -> str:
    """SQL for the municipality a row of ``key`` (an SQL text expression) lands in: a deterministic pseudo-random
    number in [0, 1) from the key's md5, looked up in the municipalities' cumulative shares (``bench_municipality``),
    so each municipality gets its share of the rows and a rebuild puts every row where it was."""
    u = f"(('x' || substr(md5({key}), 1, 8))::bit(32)::bigint / 4294967296.0)"
    return f"(SELECT m.id FROM bench_municipality m WHERE {u} >= m.lo AND {u} < m.hi)"


def create_municipalities(cur) -> dict[str, int]:
    """The 98 municipalities (created or renamed) and the temporary table of their cumulative shares."""
    from applications.models import Municipality

    ids, rows, low = {}, [], 0.0
    shares = municipality_shares()
    for n, (code, name, share) in enumerate(shares):
        ids[code] = Municipality.objects.update_or_create(code=code, defaults={"name": name})[0].pk
        high = 2.0 if n == len(shares) - 1 else low + share  # the last one takes what rounding leaves
        rows.append(f"({ids[code]}, {low!r}, {high!r})")
        low = high
    cur.execute(f"CREATE TEMP TABLE bench_municipality ON COMMIT DROP AS "
                f"SELECT * FROM (VALUES {', '.join(rows)}) AS m(id, lo, hi)")
    return ids


def load(n_cases: int, n_responses: int):
    from django.db import connection, transaction

    from applications.models import ApplicationType, Case, InformationRequest, Property, ScreeningRun
    from applications.services.catalogue import load_catalogue
    from dialogueteam.models import Contact
    from permitportal.accounts.models import User
    from satisfaction.models import Invitation, Response, Survey

    if not ApplicationType.objects.exists():
        load_catalogue()
    types = list(ApplicationType.objects.order_by("id").values_list("id", "service_target_days"))
    surveys = dict(Survey.objects.values_list("touchpoint", "id"))
    n_people = max(n_cases // 5, 10)
    n_props = max(n_cases // 10, 10)
    n_contacts = max(n_cases * 3 // 10, 10)
    t0 = time.perf_counter()

    def step(label, count):
        print(f"  {count:>10,} {label:<28} {time.perf_counter() - t0:6.0f} s")

    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("TRUNCATE satisfaction_casefacts, satisfaction_satisfactionday, satisfaction_response, "
                    "satisfaction_invitation, dialogueteam_contact, applications_case, applications_property, "
                    "accounts_user CASCADE")
        cur.execute("SELECT setseed(0.42)")
        cur.execute("SET LOCAL work_mem = '256MB'")
        # Denmark's 98 municipalities by size: each property in one, and everything of its cases with it.
        create_municipalities(cur)
        step("users", insert_select(cur, User, {
            "id": "i", "password": "'!'", "email": "'person' || i || '@example.dk'",
            "full_name": "'Person ' || i", "phone": "'+45 20 ' || lpad(i::text, 6, '0')",
            "preferred_language": "CASE WHEN i % 10 = 0 THEN 'en' ELSE 'da' END", "email_verified": "TRUE",
            "date_joined": "timestamptz '2023-01-01' + (i % 1000) * interval '1 day'",
        }, "generate_series(1, %s) AS i", [n_people]))
        step("properties", insert_select(cur, Property, {
            "id": "i", "address": "'Testvej ' || i", "postcode": "'2100'", "city": "'København Ø'",
            "cadastral_number": "i || 'a Østerbro, København'", "property_number": "(100000000 + i)::text",
            "zoning_plan": "'Lokalplan ' || (i % 600)", "year_built": "1850 + i % 175", "built_area": "40 + i % 360",
            "use": "'Fritliggende enfamiliehus'", "search_text": "'testvej ' || i",
            "municipality_id": municipality_pick("'property:' || i"),
        }, "generate_series(1, %s) AS i", [n_props]))

        # Cases: one row of random numbers each, then the dates from them. Statuses by share: draft 8 %,
        # submitted 3, awaiting information 4, complete 3, in review 6, decided 6, closed 65, withdrawn 5.
        type_values = ", ".join(f"({i}, {pk}, {target})" for i, (pk, target) in enumerate(types))
        cur.execute(f"""
            CREATE TEMP TABLE bench_case ON COMMIT DROP AS
            SELECT i, t.id AS type_id, t.target,
                   timestamptz '{FIRST_DAY} 08:00+01' + (r1 * 1080) * interval '1 day' AS created,
                   CASE WHEN r2 < 0.08 THEN 'draft' WHEN r2 < 0.11 THEN 'submitted'
                        WHEN r2 < 0.15 THEN 'awaiting_information' WHEN r2 < 0.18 THEN 'complete'
                        WHEN r2 < 0.24 THEN 'in_review' WHEN r2 < 0.30 THEN 'decided'
                        WHEN r2 < 0.95 THEN 'closed' ELSE 'withdrawn' END AS status,
                   r3, r4, r5, r6, p.municipality_id
            FROM (SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
                         (random() * {len(types) - 1})::int AS pick
                  FROM generate_series(1, %s) AS i) g
            JOIN (VALUES {type_values}) AS t(idx, id, target) ON t.idx = g.pick
            JOIN applications_property p ON p.id = 1 + g.i %% {n_props}
        """, [n_cases])
        cur.execute("""
            ALTER TABLE bench_case ADD COLUMN submitted timestamptz, ADD COLUMN completed timestamptz,
                                   ADD COLUMN decided timestamptz;
            UPDATE bench_case SET submitted = created + (r3 * 10) * interval '1 day' WHERE status <> 'draft';
            UPDATE bench_case SET completed = submitted + (r4 * 25) * interval '1 day'
             WHERE status IN ('complete', 'in_review', 'decided', 'closed') AND r6 < 0.96;
            UPDATE bench_case SET decided = coalesce(completed, submitted + interval '30 days')
                                            + (5 + r5 * 85) * interval '1 day'
             WHERE status IN ('decided', 'closed');
        """)
        step("cases", insert_select(cur, Case, {
            "id": "i", "reference": "'B-' || extract(year FROM created)::int || '-' || lpad(i::text, 7, '0')",
            "status": "status", "property_id": f"1 + i % {n_props}", "application_type_id": "type_id",
            "catalogue_version": "'bench'", "description": "'Carport på 30 m² ved siden af huset.'",
            "applicant_id": f"1 + (i * 7) % {n_people}",
            "customer_group": "(ARRAY['private', 'owner', 'professional'])[1 + i % 3]",
            "created_at": "created", "updated_at": "created", "submitted_at": "submitted",
            "completed_at": "completed", "decided_at": "decided",
            "closed_at": "CASE WHEN status = 'closed' THEN decided + interval '28 days' "
                         "WHEN status = 'withdrawn' THEN submitted + interval '20 days' END",
            "first_expected_decision_date": "(submitted AT TIME ZONE 'Europe/Copenhagen')::date + 5 + target",
            "expected_decision_date": "(coalesce(completed, submitted) AT TIME ZONE 'Europe/Copenhagen')::date "
                                      "+ target",
            "screening_days": "(completed AT TIME ZONE 'Europe/Copenhagen')::date "
                              "- (submitted AT TIME ZONE 'Europe/Copenhagen')::date",
            "receipt_sent_at": "submitted",
        }, "bench_case"))
        # Screening: a first run for every submitted case (two in three complete), a second run for some.
        step("screening runs", insert_select(cur, ScreeningRun, {
            "id": "row_number() OVER ()", "case_id": "i", "trigger": "'submission'", "fingerprint": "'first'",
            "checked_at": "submitted + interval '1 minute'", "total_count": "6",
            "ok_count": "CASE WHEN r4 < 0.66 THEN 6 ELSE 3 + (r5 * 2)::int END",
        }, "bench_case WHERE submitted IS NOT NULL"))
        step("  second runs", insert_select(cur, ScreeningRun, {
            "id": "(SELECT max(id) FROM applications_screeningrun) + row_number() OVER ()", "case_id": "i",
            "trigger": "'upload'", "fingerprint": "'second'", "checked_at": "submitted + interval '3 days'",
            "total_count": "6", "ok_count": "6",
        }, "bench_case WHERE submitted IS NOT NULL AND r4 >= 0.66"))
        step("information requests", insert_select(cur, InformationRequest, {
            "id": "row_number() OVER ()", "case_id": "i", "kind": "'documentation'", "state": "'answered'",
            "message": "'Send a site plan that shows the distance to the boundary.'",
            "created_at": "submitted + interval '2 days'", "sent_at": "submitted + interval '2 days'",
            "answered_at": "submitted + interval '9 days'", "due_date": "(submitted + interval '23 days')::date",
            "status_before": "'submitted'", "continuity_warning": "r6 < 0.04",
        }, "bench_case WHERE submitted IS NOT NULL AND r4 >= 0.6"))
        # A contact about a case is with the case's municipality; one without a case with a municipality
        # picked by size, as its properties are.
        contact_pick = municipality_pick("'contact:' || i")
        step("dialogue contacts", insert_select(cur, Contact, {
            "id": "i", "channel": "(ARRAY['phone', 'phone', 'email', 'desk', 'portal'])[1 + (random() * 4)::int]",
            "topic": "(ARRAY['status', 'documents', 'permit_needed', 'applying', 'predialogue', 'decision', "
                     "'other'])[1 + (random() * 6)::int]",
            "customer_group": "(ARRAY['private', 'owner', 'professional'])[1 + i % 3]",
            "resolved_first_contact": "random() < 0.78", "case_id": "k.case_id",
            "summary": "''", "caller_email": "'caller' || i || '@example.dk'",
            "municipality_id": f"coalesce(p.municipality_id, {contact_pick})",
            "created_at": f"timestamptz '{FIRST_DAY} 09:00+01' + (random() * 1090) * interval '1 day'",
        }, f"generate_series(1, %s) AS i CROSS JOIN LATERAL (SELECT CASE WHEN i %% 3 = 0 THEN NULL "
           f"ELSE 1 + (i * 13) %% {n_cases} END AS case_id) k "
           f"LEFT JOIN applications_property p ON p.id = 1 + k.case_id %% {n_props}", [n_contacts]))

        # Invitations: after submission (a quarter of the submitted cases), after the decision (a third of
        # the decided ones), after dialogue contacts with a case (a sixth) and some after meetings.
        def invitations(touchpoint, channel, group, case, source, at, municipality, where, start_id):
            at = f"({at})"
            return insert_select(cur, Invitation, {
                "id": f"{start_id} + row_number() OVER ()", "survey_id": str(surveys[touchpoint]),
                "touchpoint": f"'{touchpoint}'", "channel": channel, "customer_group": group, "case_id": case,
                "source_key": source, "email": "'person' || i || '@example.dk'", "language": "'da'",
                "nonce": "md5(i::text)::varchar(16)", "state": "'sent'",
                "touchpoint_on": f"({at} AT TIME ZONE 'Europe/Copenhagen')::date",
                "month": f"date_trunc('month', {at} AT TIME ZONE 'Europe/Copenhagen')::date",
                "created_at": at, "sent_at": f"{at} + interval '1 minute'", "municipality_id": municipality,
            }, where)

        count = invitations("submission", "'portal'", "(ARRAY['private', 'owner', 'professional'])[1 + i % 3]",
                            "i", "'case:' || i", "submitted", "municipality_id",
                            "bench_case WHERE submitted IS NOT NULL AND r5 < 0.25", 0)
        count += invitations("decision", "'portal'", "(ARRAY['private', 'owner', 'professional'])[1 + i % 3]",
                             "i", "'case:' || i", "decided", "municipality_id",
                             "bench_case WHERE decided IS NOT NULL AND r3 < 0.33", count)
        count += invitations("dialogue_contact", "c.channel", "c.customer_group", "NULL", "'contact:' || c.id",
                             "c.created_at", "c.municipality_id",
                             "dialogueteam_contact c CROSS JOIN LATERAL (SELECT c.id AS i) x "
                             "WHERE c.id %% 6 = 1", count)
        count += invitations("predialogue_meeting", "'meeting'", "'private'", "NULL", "'meeting:' || i",
                             f"timestamptz '{FIRST_DAY} 10:00+01' + (i % 1080) * interval '1 day'",
                             municipality_pick("'meeting:' || i"), "generate_series(1, 15000) AS i", count)
        step("invitations", count)
        cur.execute(f"SELECT setval(pg_get_serial_sequence('satisfaction_invitation', 'id'), {count})")
        # Exactly n_responses responses, scores leaning to the upper half; some declines.
        step("responses", insert_select(cur, Response, {
            "id": "row_number() OVER ()", "invitation_id": "inv.id", "survey_id": "inv.survey_id",
            "touchpoint": "inv.touchpoint", "channel": "inv.channel", "customer_group": "inv.customer_group",
            "case_id": "inv.case_id", "municipality_id": "inv.municipality_id",
            "touchpoint_on": "inv.touchpoint_on", "month": "inv.month",
            "score_1": "1 + least(4, (random() * 5)::int)", "score_2": "2 + least(3, (random() * 4)::int)",
            "score_3": "CASE WHEN random() < 0.9 THEN 1 + least(4, (random() * 5)::int) END",
            "score_4": "CASE WHEN inv.touchpoint IN ('dialogue_contact', 'predialogue_meeting') "
                       "THEN 3 + least(2, (random() * 3)::int) END",
            "comment": "CASE WHEN random() < 0.1 THEN 'It would help to see the status on the phone.' ELSE '' END",
            "created_at": "inv.sent_at + interval '2 hours'",
        }, "(SELECT * FROM satisfaction_invitation ORDER BY random() LIMIT %s) inv", [n_responses]))
        cur.execute("""UPDATE satisfaction_invitation i SET state = 'answered', answered_at = r.created_at
                       FROM satisfaction_response r WHERE r.invitation_id = i.id""")
        cur.execute("""UPDATE satisfaction_invitation SET state = 'declined', declined_at = sent_at + interval '1 day'
                       WHERE state = 'sent' AND id % 10 = 0""")
        for table in ("accounts_user", "applications_property", "applications_case", "applications_screeningrun",
                      "applications_informationrequest", "dialogueteam_contact", "satisfaction_invitation",
                      "satisfaction_response"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    with connection.cursor() as cur:
        for table in ("accounts_user", "applications_property", "applications_case", "applications_screeningrun",
                      "applications_informationrequest", "dialogueteam_contact", "satisfaction_invitation",
                      "satisfaction_response"):
            cur.execute(f"VACUUM ANALYZE {table}")
    # The dashboard's derived tables, as `manage.py rebuild_dashboard_figures` writes them.
    from satisfaction.facts import refresh_case_facts
    from satisfaction.models import CaseFacts, SatisfactionDay
    from satisfaction.services import recount_satisfaction_days

    started = time.perf_counter()
    refresh_case_facts()
    print(f"  {CaseFacts.objects.count():>10,} KPI facts rebuilt in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    recount_satisfaction_days()
    print(f"  {SatisfactionDay.objects.count():>10,} satisfaction-day rows in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE satisfaction_casefacts")
        cur.execute("VACUUM ANALYZE satisfaction_satisfactionday")
    print(f"loaded in {time.perf_counter() - t0:.0f} s")


def loaded(n_cases: int, n_responses: int) -> bool:
    from applications.models import Case, Property
    from satisfaction.models import Response

    return (Case.objects.count() == n_cases and Response.objects.count() == n_responses
            and Property.objects.values("municipality_id").distinct().count() == len(municipality_shares()))


# Every municipality_id the dashboard and the national view filter on, against the municipality of the case's
# property (or, for an invitation after a dialogue contact, the contact's): (label, SQL counting mismatches).
CONSISTENCY = [
    ("properties without a municipality", "SELECT count(*) FROM applications_property WHERE municipality_id IS NULL"),
    ("KPI facts (satisfaction_casefacts)", """
        SELECT count(*) FROM satisfaction_casefacts f JOIN applications_case c ON c.id = f.case_id
        JOIN applications_property p ON p.id = c.property_id
        WHERE f.municipality_id IS DISTINCT FROM p.municipality_id"""),
    ("contacts about a case", """
        SELECT count(*) FROM dialogueteam_contact t JOIN applications_case c ON c.id = t.case_id
        JOIN applications_property p ON p.id = c.property_id
        WHERE t.municipality_id IS DISTINCT FROM p.municipality_id"""),
    ("contacts without a municipality", "SELECT count(*) FROM dialogueteam_contact WHERE municipality_id IS NULL"),
    ("invitations about a case", """
        SELECT count(*) FROM satisfaction_invitation i JOIN applications_case c ON c.id = i.case_id
        JOIN applications_property p ON p.id = c.property_id
        WHERE i.municipality_id IS DISTINCT FROM p.municipality_id"""),
    ("invitations after a contact", """
        SELECT count(*) FROM satisfaction_invitation i JOIN dialogueteam_contact t
          ON i.source_key = 'contact:' || t.id
        WHERE i.touchpoint = 'dialogue_contact' AND i.municipality_id IS DISTINCT FROM t.municipality_id"""),
    ("invitations without a municipality",
     "SELECT count(*) FROM satisfaction_invitation WHERE municipality_id IS NULL"),
    ("responses (their invitation's)", """
        SELECT count(*) FROM satisfaction_response r JOIN satisfaction_invitation i ON i.id = r.invitation_id
        WHERE r.municipality_id IS DISTINCT FROM i.municipality_id"""),
    ("satisfaction days (invitations sent)", """
        SELECT count(*) FROM (SELECT municipality_id, count(*) AS n FROM satisfaction_invitation
                              WHERE sent_at IS NOT NULL GROUP BY 1) i
        FULL JOIN (SELECT municipality_id, sum(invitations) AS n FROM satisfaction_satisfactionday GROUP BY 1) d
          USING (municipality_id)
        WHERE i.n IS DISTINCT FROM d.n"""),
]


def check_municipalities() -> str:
    """Prints each municipality_id column's mismatches (all must be 0) and the cases of the largest and the
    smallest municipality; exits when a column is inconsistent. Returns the code of the one with the fewest
    cases."""
    from django.db import connection

    bad = []
    with connection.cursor() as cur:
        for label, sql in CONSISTENCY:
            cur.execute(sql)
            count = cur.fetchone()[0]
            if count:
                bad.append(f"{label}: {count:,}")
        cur.execute("""SELECT m.code, m.name, count(*) FROM applications_case c
                       JOIN applications_property p ON p.id = c.property_id
                       JOIN applications_municipality m ON m.id = p.municipality_id
                       GROUP BY m.code, m.name ORDER BY 3 DESC""")
        sizes = cur.fetchall()
    if bad:
        sys.exit("municipality_id not the case's municipality: " + "; ".join(bad))
    print(f"{len(sizes)} municipalities; cases: {sizes[0][0]} {sizes[0][1]} {sizes[0][2]:,}, "
          f"median {sizes[len(sizes) // 2][2]:,}, smallest {sizes[-1][0]} {sizes[-1][1]} {sizes[-1][2]:,}; "
          f"every municipality_id is its case's ({len(CONSISTENCY)} checks)")
    return sizes[-1][0]


# --- Measuring ------------------------------------------------------------------------------------------------------

def bench_user(email: str, role: str, municipality_code: str | None = None):
    """A user with the role, a member of the municipality given (a manager sees their own, issue 19)."""
    from django.contrib.auth.models import Group

    from applications.models import Municipality
    from permitportal.accounts.models import User

    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password=uuid.uuid4().hex, full_name="Bench " + role.title(), email_verified=True)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    if municipality_code:
        Municipality.objects.get(code=municipality_code).staff.add(user)
    return user


def viewers(smallest: str) -> list[tuple[str, object, list[tuple[str, str, dict]]]]:
    """(viewer, user, [(request, url, query)]): a manager of the largest municipality (0101 København), a
    manager of the smallest (the code given: the fewest cases in the data), and the national role, each for
    the default period and the three years."""
    from applications.models import Municipality
    from permitportal.accounts import roles

    whole = {"from": FIRST_DAY, "to": LAST_DAY}
    manager_targets = [
        ("dashboard, last 12 months", "/satisfaction/dashboard/", {}),
        ("dashboard, three years", "/satisfaction/dashboard/", whole),
        ("CSV export, three years", "/satisfaction/dashboard/export.csv", whole),
        ("API summary, last 12 months", "/api/v1/satisfaction/summary/", {}),
        ("API summary, three years", "/api/v1/satisfaction/summary/", whole),
        ("API kpis, last 12 months", "/api/v1/kpis/", {}),
        ("API kpis, three years", "/api/v1/kpis/", whole),
    ]
    national_targets = [
        ("national page, last 12 months", "/satisfaction/national/", {}),
        ("national page, three years", "/satisfaction/national/", whole),
        ("API national, last 12 months", "/api/v1/national/", {}),
        ("API national, three years", "/api/v1/national/", whole),
    ]
    largest = municipality_shares()[0][0]
    result = []
    for code in (largest, smallest):
        municipality = Municipality.objects.get(code=code)
        user = bench_user(f"bench-manager-{code}@example.dk", roles.MANAGER, code)
        result.append((f"manager of {code} {municipality.name}", user, manager_targets))
    result.append(("national role (all 98)", bench_user("bench-national@example.dk", roles.NATIONAL),
                   national_targets))
    return result


def measure(samples: int, smallest: str) -> list[tuple[str, list[dict]]]:
    """Per viewer, each request ``samples`` times through the full Django stack (after two warm-up requests):
    p50, p95, max and the queries of one more."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    results = []
    for viewer, user, targets in viewers(smallest):
        client = Client()
        client.force_login(user)
        for _label, url, params in targets:  # warm up: connections, caches, the planner
            for _ in range(2):
                assert client.get(url, params).status_code == 200, url
        rows = []
        for label, url, params in targets:
            timings = []
            for _ in range(samples):
                start = time.perf_counter()
                response = client.get(url, params)
                timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            with CaptureQueriesContext(connection) as ctx:
                client.get(url, params)
            ordered = sorted(timings)
            rows.append({"label": label, "p50": statistics.median(ordered),
                         "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
                         "max": ordered[-1], "queries": len(ctx.captured_queries)})
        print_table(viewer, rows)
        results.append((viewer, rows))
    return results


def print_table(viewer: str, rows: list[dict]) -> None:
    print(f"\n{viewer}\n{'request':<32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}", flush=True)
    for r in rows:
        print(f"{r['label']:<32} {r['p50']:8.0f} {r['p95']:8.0f} {r['max']:8.0f} {r['queries']:8d}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--responses", type=int, default=200_000)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--load-only", action="store_true", help="load (if needed), check and stop")
    args = parser.parse_args()

    name = ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    if args.rebuild or not loaded(args.cases, args.responses):
        print(f"loading {args.cases:,} cases and {args.responses:,} responses into {name} ...")
        load(args.cases, args.responses)
    from applications.models import Case, InformationRequest, ScreeningRun
    from dialogueteam.models import Contact
    from satisfaction.models import Invitation, Response

    print(f"database {name} on PostgreSQL {connection.pg_version // 10000}: "
          f"{Case.objects.count():,} cases, {ScreeningRun.objects.count():,} screening runs, "
          f"{InformationRequest.objects.count():,} information requests, {Contact.objects.count():,} contacts, "
          f"{Invitation.objects.count():,} invitations, {Response.objects.count():,} responses")
    smallest = check_municipalities()
    if args.load_only:
        return 0
    results = measure(args.samples, smallest)
    slow = [f"{viewer}: {r['label']}" for viewer, rows in results for r in rows if r["p95"] >= LIMIT_MS]
    if slow:
        print(f"\nSLOWER THAN {LIMIT_MS} ms at p95: {', '.join(slow)}")
        return 1
    print(f"\nEvery request answered within {LIMIT_MS} ms at p95 ({args.samples} samples each).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

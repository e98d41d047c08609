"""Benchmark: the satisfaction and KPI dashboard over 1,000,000 cases and 200,000 responses in PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/permitportal_dash .venv/bin/python benchmarks/dashboard/run.py

1. Creates the database if needed and migrates it (the satisfaction migrations add the indexes the
   dashboard's queries use).
2. Bulk-loads, inside PostgreSQL with generate_series (no rows pass through Python), unless the data is
   there already: 200,000 applicants, 100,000 properties, 1,000,000 cases over three years in every
   status with their clock dates, a first screening run for every submitted case (and a second for some),
   information requests (a few with a continuity warning), 300,000 dialogue-team contacts, about
   500,000 survey invitations and exactly 200,000 responses; then VACUUM ANALYZE.
3. Measures through the full Django stack (the test Client against the real URLs, a manager logged in,
   sessions in the database): the dashboard page, the CSV export and both API endpoints, each for the
   default period (the last twelve months) and for the whole three years. Prints p50, p95 and max of
   each and the queries per request, and fails when a p95 is 1 second or more.

Options: --cases N (default 1,000,000), --responses N (default 200,000), --samples N (default 20),
--rebuild (drop the data and load again).
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
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/permitportal_dash"
os.environ.setdefault("DATABASE_URL", DEFAULT_URL)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "permitportal.settings.base")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import dj_database_url  # noqa: E402

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
                   r3, r4, r5, r6
            FROM (SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
                         (random() * {len(types) - 1})::int AS pick
                  FROM generate_series(1, %s) AS i) g
            JOIN (VALUES {type_values}) AS t(idx, id, target) ON t.idx = g.pick
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
        from applications.models.municipality import default_municipality_id

        municipality = str(default_municipality_id())  # one municipality here (issue 19's scale is item 5)
        step("dialogue contacts", insert_select(cur, Contact, {
            "id": "i", "channel": "(ARRAY['phone', 'phone', 'email', 'desk', 'portal'])[1 + (random() * 4)::int]",
            "topic": "(ARRAY['status', 'documents', 'permit_needed', 'applying', 'predialogue', 'decision', "
                     "'other'])[1 + (random() * 6)::int]",
            "customer_group": "(ARRAY['private', 'owner', 'professional'])[1 + i % 3]",
            "resolved_first_contact": "random() < 0.78", "case_id": f"CASE WHEN i % 3 = 0 THEN NULL "
                                                                   f"ELSE 1 + (i * 13) % {n_cases} END",
            "summary": "''", "caller_email": "'caller' || i || '@example.dk'", "municipality_id": municipality,
            "created_at": f"timestamptz '{FIRST_DAY} 09:00+01' + (random() * 1090) * interval '1 day'",
        }, "generate_series(1, %s) AS i", [n_contacts]))

        # Invitations: after submission (a quarter of the submitted cases), after the decision (a third of
        # the decided ones), after dialogue contacts with a case (a sixth) and some after meetings.
        def invitations(touchpoint, channel, group, case, source, at, where, start_id):
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
                            "i", "'case:' || i", "submitted", "bench_case WHERE submitted IS NOT NULL AND r5 < 0.25",
                            0)
        count += invitations("decision", "'portal'", "(ARRAY['private', 'owner', 'professional'])[1 + i % 3]",
                             "i", "'case:' || i", "decided", "bench_case WHERE decided IS NOT NULL AND r3 < 0.33",
                             count)
        count += invitations("dialogue_contact", "c.channel", "c.customer_group", "NULL", "'contact:' || c.id",
                             "c.created_at", "dialogueteam_contact c CROSS JOIN LATERAL (SELECT c.id AS i) x "
                             "WHERE c.id %% 6 = 1", count)
        count += invitations("predialogue_meeting", "'meeting'", "'private'", "NULL", "'meeting:' || i",
                             f"timestamptz '{FIRST_DAY} 10:00+01' + (i % 1080) * interval '1 day'",
                             "generate_series(1, 15000) AS i", count)
        step("invitations", count)
        cur.execute(f"SELECT setval(pg_get_serial_sequence('satisfaction_invitation', 'id'), {count})")
        # Exactly n_responses responses, scores leaning to the upper half; some declines.
        step("responses", insert_select(cur, Response, {
            "id": "row_number() OVER ()", "invitation_id": "inv.id", "survey_id": "inv.survey_id",
            "touchpoint": "inv.touchpoint", "channel": "inv.channel", "customer_group": "inv.customer_group",
            "case_id": "inv.case_id", "touchpoint_on": "inv.touchpoint_on", "month": "inv.month",
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
    from applications.models import Case
    from satisfaction.models import Response

    return Case.objects.count() == n_cases and Response.objects.count() == n_responses


# --- Measuring ------------------------------------------------------------------------------------------------------

def measure(samples: int) -> list[dict]:
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from permitportal.accounts.models import User

    user = User.objects.filter(email="bench-manager@kk.example.dk").first() or User.objects.create_user(
        email="bench-manager@kk.example.dk", password=uuid.uuid4().hex, full_name="Bench Manager",
        email_verified=True)
    user.groups.add(Group.objects.get_or_create(name="manager")[0])
    from applications.models import Municipality
    from applications.models.municipality import default_municipality_id

    Municipality.objects.get(pk=default_municipality_id()).staff.add(user)  # a manager sees their own (issue 19)
    client = Client()
    client.force_login(user)
    whole = {"from": FIRST_DAY, "to": LAST_DAY}
    targets = [
        ("dashboard, last 12 months", "/satisfaction/dashboard/", {}),
        ("dashboard, three years", "/satisfaction/dashboard/", whole),
        ("CSV export, three years", "/satisfaction/dashboard/export.csv", whole),
        ("API summary, last 12 months", "/api/v1/satisfaction/summary/", {}),
        ("API summary, three years", "/api/v1/satisfaction/summary/", whole),
        ("API kpis, last 12 months", "/api/v1/kpis/", {}),
        ("API kpis, three years", "/api/v1/kpis/", whole),
    ]
    for _label, url, params in targets:  # warm up: connections, caches, the planner
        for _ in range(2):
            assert client.get(url, params).status_code == 200, url
    results = []
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
        results.append({"label": label, "p50": statistics.median(ordered),
                        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
                        "max": ordered[-1], "queries": len(ctx.captured_queries)})
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--responses", type=int, default=200_000)
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--rebuild", action="store_true")
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
    results = measure(args.samples)
    print(f"\n{'request':<32} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}")
    for r in results:
        print(f"{r['label']:<32} {r['p50']:8.0f} {r['p95']:8.0f} {r['max']:8.0f} {r['queries']:8d}")
    slow = [r["label"] for r in results if r["p95"] >= LIMIT_MS]
    if slow:
        print(f"\nSLOWER THAN {LIMIT_MS} ms at p95: {', '.join(slow)}")
        return 1
    print(f"\nEvery request answered within {LIMIT_MS} ms at p95 ({args.samples} samples each).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The lookup's indexes on PostgreSQL, and search entries for the cases that exist already.

- Two partial trigram GIN indexes on the search text, one over open cases and one over finished
  ones: ``LIKE '%fragment%'`` is answered from the index instead of reading every row, and the
  lookup's two candidate queries (the newest open cases; some finished ones) each read only their
  own, smaller index.
- A partial index on ``applications_case.help_code`` (only rows that have a code), so a help code
  is found at once among millions of cases.
SQLite has neither: the lookup falls back to scanning, which is fine for the embedded default.
"""

from django.db import migrations

TRIGRAM_INDEXES = {"dialogue_search_open_trgm": "is_open", "dialogue_search_done_trgm": "NOT is_open"}
HELP_CODE_INDEX = "dialogue_case_help_code"


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, predicate in TRIGRAM_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON dialogueteam_casesearchentry "
            f"USING gin (search_text gin_trgm_ops) WHERE {predicate}"
        )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {HELP_CODE_INDEX} ON applications_case (help_code) WHERE help_code <> ''"
    )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {HELP_CODE_INDEX}")


def fill_entries(apps, schema_editor):
    from dialogueteam.search import OPEN_STATUSES, build_search_text

    Case = apps.get_model("applications", "Case")
    Entry = apps.get_model("dialogueteam", "CaseSearchEntry")
    batch = []
    for case in Case.objects.exclude(status="draft").select_related("property", "applicant").iterator(chunk_size=2000):
        prop, person = case.property, case.applicant
        batch.append(Entry(case_id=case.pk, is_open=case.status in OPEN_STATUSES, submitted_at=case.submitted_at,
                           search_text=build_search_text(
                               reference=case.reference, address=prop.address, postcode=prop.postcode,
                               city=prop.city, cadastral_number=prop.cadastral_number,
                               property_number=prop.property_number, applicant_name=person.full_name,
                               applicant_email=person.email, applicant_phone=person.phone,
                               owner_name=case.owner_name, owner_email=case.owner_email)))
        if len(batch) >= 2000:
            Entry.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Entry.objects.bulk_create(batch, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("dialogueteam", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
        migrations.RunPython(fill_entries, migrations.RunPython.noop),
    ]

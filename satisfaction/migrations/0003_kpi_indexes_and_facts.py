"""The dashboard's indexes on the tables of other apps (PostgreSQL only), and the KPI facts of the cases
that exist already.

- Information requests by the day they were sent, with the continuity warning: counted from the index.
- Dialogue-team contacts by the day they were logged, with topic, channel and first-contact resolution.
- Screening runs in (case, time) order with their counts: a case's first run is read from the index.
SQLite has no INCLUDE; its plain indexes on these columns (or a scan) are fine for the embedded default.
"""

from django.db import migrations

INDEXES = {
    "satisfaction_request_sent": "applications_informationrequest (sent_at) INCLUDE (continuity_warning) "
                                 "WHERE sent_at IS NOT NULL",
    "satisfaction_contact_day": "dialogueteam_contact (created_at) INCLUDE (topic, channel, resolved_first_contact)",
    "satisfaction_run_first": "applications_screeningrun (case_id, checked_at, id) INCLUDE (ok_count, total_count)",
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def fill_facts(apps, schema_editor):
    """Done in 0004_municipality: the facts gained the municipality column there, and the service that
    writes them (live code) writes that column."""


class Migration(migrations.Migration):
    dependencies = [
        ("satisfaction", "0002_default_surveys"),
        ("applications", "0001_initial"),
        ("dialogueteam", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
        migrations.RunPython(fill_facts, migrations.RunPython.noop),
    ]

"""The KPI facts carry the verdicts of the clock (decided by the first and by the current date, screened late)
and the processing time without the pauses; every case's facts are written again."""

from django.db import migrations, models


def fill_facts(apps, schema_editor):
    """Done in 0005_municipality: the facts gain the municipality column there, and the function that
    writes them (live code) writes that column."""


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0005_date_clock_fields'),
        ('satisfaction', '0003_kpi_indexes_and_facts'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='casefacts',
            name='satisfaction_facts_dec',
        ),
        migrations.RemoveIndex(
            model_name='casefacts',
            name='satisfaction_facts_days',
        ),
        migrations.AddField(
            model_name='casefacts',
            name='decided_by_current_date',
            field=models.BooleanField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='casefacts',
            name='decided_by_first_date',
            field=models.BooleanField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name='casefacts',
            name='expected_on',
            field=models.DateField(blank=True, help_text='The current expected decision date.', null=True),
        ),
        migrations.AddField(
            model_name='casefacts',
            name='screened_late',
            field=models.BooleanField(blank=True, help_text='Finding it complete took longer than the screening allowance.', null=True),
        ),
        migrations.AddField(
            model_name='casefacts',
            name='screening_days',
            field=models.IntegerField(blank=True, help_text='Days until found complete, the paused days excluded.', null=True),
        ),
        migrations.AlterField(
            model_name='casefacts',
            name='processing_days',
            field=models.IntegerField(blank=True, help_text='decided_on - completed_on, in days, the days paused after completion excluded.', null=True),
        ),
        migrations.AddIndex(
            model_name='casefacts',
            index=models.Index(condition=models.Q(('decided_on__isnull', False)), fields=['decided_on'], include=('application_type', 'processing_days', 'promised_on', 'expected_on', 'decided_by_first_date', 'decided_by_current_date'), name='satisfaction_facts_dec'),
        ),
        migrations.AddIndex(
            model_name='casefacts',
            index=models.Index(condition=models.Q(('decided_on__isnull', False)), fields=['application_type', 'processing_days'], include=('decided_on', 'promised_on', 'expected_on', 'decided_by_first_date', 'decided_by_current_date'), name='satisfaction_facts_days'),
        ),
        migrations.AddIndex(
            model_name='casefacts',
            index=models.Index(condition=models.Q(('completed_on__isnull', False)), fields=['completed_on'], include=('screened_late',), name='satisfaction_facts_screened'),
        ),
        migrations.RunPython(fill_facts, migrations.RunPython.noop),
    ]

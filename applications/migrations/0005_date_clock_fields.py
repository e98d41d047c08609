"""The clock keeps the days it took to find a case complete and the days paused after that.

For cases found complete before this migration, both are worked out from the dates the case has: the
expected date was fixed at completion (complete day + target + extension) and moved only by later pauses,
so those pauses are what it stands beyond that; the rest of the paused days came before completion.
"""

from datetime import timedelta

from django.db import migrations, models
from django.utils import timezone


def fill(apps, schema_editor):
    Case = apps.get_model("applications", "Case")
    for case in (Case.objects.filter(completed_at__isnull=False, submitted_at__isnull=False)
                 .select_related("application_type").iterator(chunk_size=2000)):
        completed = timezone.localdate(case.completed_at)
        target = case.application_type.service_target_days if case.application_type_id else 0
        fixed = completed + timedelta(days=target + case.extension_days)
        after = 0
        if case.expected_decision_date:
            after = min(max((case.expected_decision_date - fixed).days, 0), case.paused_days)
        before = case.paused_days - after
        case.paused_days_after_complete = after
        case.screening_days = max((completed - timezone.localdate(case.submitted_at)).days - before, 0)
        case.save(update_fields=["paused_days_after_complete", "screening_days"])


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0004_merge_20261204_1645'),
    ]

    operations = [
        migrations.AddField(
            model_name='case',
            name='paused_days_after_complete',
            field=models.PositiveIntegerField(default=0, help_text='The paused days after the case was found complete (not counted as processing time).'),
        ),
        migrations.AddField(
            model_name='case',
            name='screening_days',
            field=models.PositiveIntegerField(blank=True, help_text='Days from submission until found complete, the paused days excluded.', null=True),
        ),
        migrations.AlterField(
            model_name='advisory',
            name='kind',
            field=models.CharField(choices=[('case_screened', 'Case screened'), ('supplementary_material', 'Supplementary material received'), ('target_at_risk', 'Service target at risk'), ('request_overdue', 'Information request overdue'), ('forwarded_question', 'Question forwarded by the dialogue team'), ('minutes_linked', 'Pre-application minutes linked'), ('screening_due', 'Screening deadline tomorrow or passed')], max_length=30),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]

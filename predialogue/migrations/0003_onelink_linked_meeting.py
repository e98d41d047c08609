"""One link for "the case builds on these minutes": ``LinkedMeeting`` (a foreign key pair) instead of the plain
integer ``Case.predialogue_meeting_id``, which applications 0006_onelink removes after this copy."""

import django.db.models.deletion
from django.db import migrations, models


def copy_links(apps, schema_editor):
    """Every case's integer becomes a link; an integer naming no meeting (it had no constraint) is dropped."""
    Case = apps.get_model("applications", "Case")
    Meeting = apps.get_model("predialogue", "Meeting")
    LinkedMeeting = apps.get_model("predialogue", "LinkedMeeting")
    pairs = list(Case.objects.filter(predialogue_meeting_id__isnull=False).values_list("pk", "predialogue_meeting_id"))
    existing = set(Meeting.objects.filter(pk__in={m for _c, m in pairs}).values_list("pk", flat=True))
    LinkedMeeting.objects.bulk_create([LinkedMeeting(case_id=c, meeting_id=m) for c, m in pairs if m in existing],
                                      batch_size=1000)


def copy_back(apps, schema_editor):
    Case = apps.get_model("applications", "Case")
    LinkedMeeting = apps.get_model("predialogue", "LinkedMeeting")
    for case_id, meeting_id in LinkedMeeting.objects.values_list("case_id", "meeting_id").iterator():
        Case.objects.filter(pk=case_id).update(predialogue_meeting_id=meeting_id)


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0005_date_clock_fields'),
        ('predialogue', '0002_sec_registration_confirmation'),
    ]

    operations = [
        migrations.CreateModel(
            name='LinkedMeeting',
            fields=[
                ('case', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='linked_meeting', serialize=False, to='applications.case')),
                ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='linked_cases', to='predialogue.meeting')),
            ],
        ),
        migrations.RunPython(copy_links, copy_back),
    ]

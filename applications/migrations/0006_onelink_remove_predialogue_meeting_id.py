"""The plain integer ``Case.predialogue_meeting_id`` goes: predialogue 0003_onelink copied it into
``predialogue.LinkedMeeting`` (the core asks for it through ``applications.hooks``)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0005_date_clock_fields'),
        ('predialogue', '0003_onelink_linked_meeting'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='case',
            name='predialogue_meeting_id',
        ),
    ]

"""Every existing property (and so every case) lands in the default municipality of the settings
(DEFAULT_MUNICIPALITY_CODE, DEFAULT_MUNICIPALITY_NAME), so an upgrade loses nothing."""

from django.conf import settings
from django.db import migrations


def to_default(apps, schema_editor):
    Municipality = apps.get_model("applications", "Municipality")
    Property = apps.get_model("applications", "Property")
    municipality, _created = Municipality.objects.get_or_create(
        code=settings.DEFAULT_MUNICIPALITY_CODE, defaults={"name": settings.DEFAULT_MUNICIPALITY_NAME})
    Property.objects.filter(municipality__isnull=True).update(municipality=municipality)


class Migration(migrations.Migration):

    dependencies = [("applications", "0015_municipality")]

    operations = [migrations.RunPython(to_default, migrations.RunPython.noop)]

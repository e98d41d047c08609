from django.db import migrations


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name="national")


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="national").delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_identity_national_identity")]

    operations = [migrations.RunPython(create_group, remove_group)]

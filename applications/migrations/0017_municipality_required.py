import django.db.models.deletion
from django.db import migrations, models

import applications.models.municipality


class Migration(migrations.Migration):

    dependencies = [("applications", "0016_municipality_default")]

    operations = [
        migrations.AlterField(
            model_name="property",
            name="municipality",
            field=models.ForeignKey(default=applications.models.municipality.default_municipality_id,
                                    on_delete=django.db.models.deletion.PROTECT, related_name="properties",
                                    to="applications.municipality", verbose_name="municipality"),
        ),
    ]

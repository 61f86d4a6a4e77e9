import uuid

from django.db import migrations, models
from django.utils import timezone


def first_version(apps, schema_editor):
    apps.get_model("pages", "ContentVersion").objects.create(
        pk=1, token=uuid.uuid4().hex, changed_at=timezone.now()
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=32)),
                ("changed_at", models.DateTimeField()),
            ],
            options={"verbose_name": "inhoudsversie"},
        ),
        migrations.RunPython(first_version, migrations.RunPython.noop),
    ]

"""Existing leaflets get the document control the trail already holds: their version number
is the number of times they were published, their approval the last publication."""

from django.db import migrations

PUBLISHED = "gepubliceerd"


def from_trail(apps, schema_editor):
    Medication = apps.get_model("medications", "Medication")
    Publication = apps.get_model("medications", "Publication")
    User = apps.get_model("auth", "User")
    for working in Medication._base_manager.filter(is_live=False):
        published = Publication._base_manager.filter(medication=working, kind=PUBLISHED).order_by(
            "-published_at", "-pk"
        )
        count = published.count()
        if not count:
            continue
        last = published.first()
        user = User._base_manager.filter(pk=last.published_by_id).first()
        name = (f"{user.first_name} {user.last_name}".strip() or user.username) if user else ""
        values = {"version_number": count, "approved_by": name, "approved_at": last.published_at}
        Medication._base_manager.filter(pk=working.pk).update(**values)
        Medication._base_manager.filter(working_copy=working).update(**values)


class Migration(migrations.Migration):
    dependencies = [("medications", "0030_document_control")]

    operations = [migrations.RunPython(from_trail, migrations.RunPython.noop)]

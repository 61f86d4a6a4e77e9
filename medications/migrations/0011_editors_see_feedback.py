"""Both editor roles may read readers' feedback (view_feedback, medications/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from medications.roles import create_roles


def update_roles(apps, schema_editor):
    # The feedback model's permissions are normally made after all migrations; the groups
    # need them now (as in 0009).
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    create_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [("medications", "0010_feedback")]

    operations = [migrations.RunPython(update_roles, migrations.RunPython.noop)]

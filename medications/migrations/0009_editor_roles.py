"""The editors' roles as groups, with Dutch names:

- Redacteur: edits leaflets (their sections and members), submits them for review and
  previews them; reads the glossary.
- Eindredacteur: everything a Redacteur does, and publishes, takes offline, restores old
  versions, records reviews, deletes leaflets and keeps the glossary.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Redacteur"
CHIEF_EDITOR = "Eindredacteur"
EDITOR_PERMISSIONS = [
    "view_medication", "add_medication", "change_medication",
    "view_section", "add_section", "change_section", "delete_section",
    "view_member", "add_member", "change_member", "delete_member",
    "view_glossaryterm", "view_publication",
]  # fmt: skip
CHIEF_EDITOR_PERMISSIONS = EDITOR_PERMISSIONS + [
    "delete_medication", "publish_medication", "review_medication",
    "add_glossaryterm", "change_glossaryterm", "delete_glossaryterm",
]  # fmt: skip


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ((EDITOR, EDITOR_PERMISSIONS), (CHIEF_EDITOR, CHIEF_EDITOR_PERMISSIONS)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="medications", codename__in=codenames)
        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, CHIEF_EDITOR]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("medications", "0008_working_and_live_copies"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]

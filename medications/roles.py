"""The editors' roles, as groups with Dutch names (made by migration 0009):

- Redacteur: edits leaflets (their sections and members), submits them for review and
  previews them; reads the glossary and readers' feedback (both roles: view_feedback).
- Eindredacteur: everything a Redacteur does, and publishes, takes offline, restores old
  versions, records reviews, deletes leaflets, keeps the glossary and the hospital's own
  phone numbers (the route for patients in every safety box).
"""

EDITOR = "Redacteur"
CHIEF_EDITOR = "Eindredacteur"
EDITOR_PERMISSIONS = [
    "view_medication", "add_medication", "change_medication",
    "view_section", "add_section", "change_section", "delete_section",
    "view_member", "add_member", "change_member", "delete_member",
    "view_glossaryterm", "view_publication", "view_feedback",
]  # fmt: skip
CHIEF_EDITOR_PERMISSIONS = EDITOR_PERMISSIONS + [
    "delete_medication", "publish_medication", "review_medication",
    "add_glossaryterm", "change_glossaryterm", "delete_glossaryterm",
    "view_hospitalcontact", "add_hospitalcontact", "change_hospitalcontact",
    "delete_hospitalcontact",
]  # fmt: skip
ROLES = {EDITOR: EDITOR_PERMISSIONS, CHIEF_EDITOR: CHIEF_EDITOR_PERMISSIONS}


def create_roles(group_model, permission_model):
    """Make (or bring up to date) both groups; the models may be a migration's."""
    for name, codenames in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(
            permission_model.objects.filter(
                content_type__app_label="medications", codename__in=codenames
            )
        )

"""The editors' admin (/beheer/): leaflets with their workflow, history and previews, and the
glossary. Roles are groups (migration 0009): a Redacteur edits and submits, an Eindredacteur
also publishes, restores and records reviews."""

from medications.admin import glossary, leaflets  # noqa: F401  (registers the admins)

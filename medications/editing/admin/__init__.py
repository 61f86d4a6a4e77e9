"""The editors' admin (/beheer/): leaflets with their workflow, history and previews, the
glossary, and readers' feedback (read-only). Roles are groups (migrations 0009 and 0011): a
Redacteur edits and submits, an Eindredacteur also publishes, restores and records reviews."""

from medications.editing.admin import feedback, glossary, hospital, leaflets  # noqa: F401  (registers)

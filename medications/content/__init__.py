"""Content files <-> database: parse (text -> data with line numbers), validate (the models'
own rules, through ModelForms), then write through the write path (sync)."""

from django.conf import settings

from medications.content.errors import ContentError, ContentErrors
from medications.content.locking import LoadInProgress, exclusive_load
from medications.content.parse import read_content
from medications.content.sync import ContentConflicts, LoadReport, publish_loaded, write_content
from medications.content.translations import validate_all
from medications.content.validate import sanitising_warnings
from medications.content.workflow_state import read_state

__all__ = [
    "ContentConflicts",
    "ContentError",
    "ContentErrors",
    "LoadInProgress",
    "LoadReport",
    "load_content",
    "publish_loaded",
]


def load_content(content_dir=None, force=False, wait_seconds=300, on_wait=None):
    """Check all content, then write it in one transaction. Returns a LoadReport. Raises
    ContentErrors when a file breaks a rule, and ContentConflicts when a changed file would
    overwrite edits made in the admin (unless `force`: then a draft, published separately by
    publish_loaded); either way nothing is written. A `workflow.json` of an export is followed
    for leaflets new to this database (content.workflow_state). One
    load at a time: another one running is waited for (LoadInProgress after wait_seconds)."""
    content = read_content(content_dir or settings.CONTENT_DIR)
    with exclusive_load(wait_seconds, on_wait):
        leaflets, terms, translations, term_translations = validate_all(content)
        report = write_content(
            leaflets,
            terms,
            glossary_path=content.glossary_path,
            force=force,
            workflow=read_state(content_dir or settings.CONTENT_DIR),
            translations=translations,
            term_translations=term_translations,
        )
    report.warnings = sanitising_warnings(content)
    return report

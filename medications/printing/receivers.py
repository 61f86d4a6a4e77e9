"""The served site listens to the content's write path, as search does: whatever changed in a
transaction, the content version changes with it, in that same transaction; once it is
committed, the PDFs of the leaflets it changed are made in the background."""

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from medications.printing import prerender
from medications.signals import content_changed
from serving.models import ContentVersion


@receiver(content_changed)
def new_content_version(sender, **kwargs):
    ContentVersion.bump()


@receiver(content_changed)
def render_pdfs_once_committed(sender, medication_ids, glossary_term_ids, **kwargs):
    """The full PDFs of what patients now see, made in the background (prerender)."""
    if prerender.enabled and settings.PDF_PRERENDER:
        glossary_changed = bool(glossary_term_ids)
        transaction.on_commit(lambda: prerender.start(medication_ids, glossary_changed))

"""The served site listens to the content's write path, as search does: once a change patients
see is committed, the PDFs of the leaflets it changed are made in the background, and this
process's pages are made again at once (medications.printing.warming). (The content version
is the write path's own: publishing.batch.)"""

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver

from medications.printing import prerender, warming
from medications.signals import content_changed


@receiver(content_changed)
def render_pdfs_once_committed(sender, medication_ids, glossary_term_ids, **kwargs):
    """The full PDFs of what patients now see, made in the background (prerender)."""
    if prerender.enabled and settings.PDF_PRERENDER:
        glossary_changed = bool(glossary_term_ids)
        transaction.on_commit(lambda: prerender.start(medication_ids, glossary_changed))


@receiver(content_changed)
def warm_pages_once_committed(sender, **kwargs):
    """Every page under the new content version, made before a visitor asks (warming;
    other workers and servers see the new version within a second)."""
    transaction.on_commit(warming.wake)

"""Search listens to the content's write path: what changed in one transaction is indexed
again in one go, inside that same transaction."""

from django.dispatch import receiver

from medications.signals import content_changed
from search import index


@receiver(content_changed)
def reindex_changed_content(sender, medication_ids, glossary_term_ids, **kwargs):
    index.reindex(medication_ids=medication_ids, term_ids=glossary_term_ids)

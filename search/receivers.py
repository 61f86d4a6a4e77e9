"""Search listens to the content's write path: what changed in one transaction is indexed
again in one go, inside that same transaction."""

from django.db import transaction
from django.dispatch import receiver

from medications.signals import content_changed
from search import index

# A change this large (a whole load, a new glossary) leaves many dead rows behind: once it
# has committed, PostgreSQL's statistics and free space are brought up to date.
LARGE_CHANGE_MEDICATIONS = 5


@receiver(content_changed)
def reindex_changed_content(sender, medication_ids, glossary_term_ids, **kwargs):
    index.reindex(medication_ids=medication_ids, term_ids=glossary_term_ids)
    if len(medication_ids) >= LARGE_CHANGE_MEDICATIONS:
        transaction.on_commit(index.tidy_after_rebuild)

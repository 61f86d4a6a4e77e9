"""Search listens to the content's write path: what changed in one transaction is indexed
again in one go, inside that same transaction. And after `migrate`, every language in the
settings gets the index its rows need (a new language is a settings line, not a migration)."""

from django.conf import settings
from django.db import connections, transaction
from django.dispatch import receiver

from medications.signals import content_changed
from search import index
from search.backends import backend_for
from search.models import SearchEntry

# A change this large (a whole load, a new glossary) leaves many dead rows behind: once it
# has committed, PostgreSQL's statistics and free space are brought up to date.
LARGE_CHANGE_MEDICATIONS = 5


@receiver(content_changed)
def reindex_changed_content(sender, medication_ids, glossary_term_ids, **kwargs):
    index.reindex(medication_ids=medication_ids, term_ids=glossary_term_ids)
    if len(medication_ids) >= LARGE_CHANGE_MEDICATIONS:
        transaction.on_commit(index.tidy_after_rebuild)


def add_language_indexes(sender, using, **kwargs):
    connection = connections[using]
    if SearchEntry._meta.db_table not in connection.introspection.table_names():
        return  # migrated back to before the index existed
    languages = [code for code, _ in settings.LANGUAGES]
    backend_for(connection.vendor).add_language_indexes(connection, languages)

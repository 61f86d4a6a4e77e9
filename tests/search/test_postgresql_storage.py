"""PostgreSQL keeps the search vectors in the row and indexes each language on its own
(search migration 0002): a language added to the settings needs its own indexes too."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from search.models import SearchEntry

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL only: SQLite searches with FTS5"
    ),
]

TABLE = SearchEntry._meta.db_table
VECTORS = ["search_vector", "title_vector"]


def test_the_vectors_are_kept_in_the_row():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, attstorage FROM pg_attribute "
            "WHERE attrelid = %s::regclass AND attname = ANY(%s)",
            [TABLE, VECTORS],
        )
        storage = dict(cursor.fetchall())
    assert storage == {column: "m" for column in VECTORS}  # m: MAIN


def test_every_language_has_its_own_gin_indexes():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s", [TABLE])
        definitions = [row[0] for row in cursor.fetchall()]
    for code, _ in settings.LANGUAGES:
        for column in VECTORS:
            wanted = [d for d in definitions if f"gin ({column})" in d and f"'{code}'" in d]
            assert wanted, f"no GIN index on {column} for language {code!r}"


def test_a_language_added_to_the_settings_gets_its_indexes_at_the_next_migrate(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("tr", "Türkçe")]
    call_command("migrate", verbosity=0)  # nothing to migrate; post_migrate still runs
    test_every_language_has_its_own_gin_indexes()


def test_a_common_word_is_found_through_the_language_index():
    """With sequential scans off, the plan must use the partial index (not a full scan)."""
    rows = SearchEntry.objects.filter(language="nl", search_vector="bijwerking")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = rows.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"{TABLE}_search_vector_nl" in plan, plan


def test_the_stored_word_count_is_the_length_ts_rank_would_count():
    """Ranking divides by the log of word_count instead of letting ts_rank count the words
    of every matching vector: the two must agree, or the order would change."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*), count(*) FILTER (WHERE word_count <> ("  # noqa: S608
            "  SELECT sum(coalesce(array_length(positions, 1), 1)) FROM unnest(search_vector)"
            f")) FROM {TABLE}"
        )
        rows, differing = cursor.fetchone()
    assert rows > 100 and differing == 0

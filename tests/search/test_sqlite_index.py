"""SQLite keeps its FTS5 index in step with triggers on the index table. A migration that
rebuilds that table (SQLite's way of adding a NOT NULL column) silently drops them."""

import pytest
from django.db import connection

from search.models import SearchEntry

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only: FTS5 triggers"),
]


def test_the_fts5_triggers_survive_every_migration():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
            [SearchEntry._meta.db_table],
        )
        triggers = {row[0] for row in cursor.fetchall()}
    table = SearchEntry._meta.db_table
    assert triggers == {f"{table}_fts_{event}" for event in ("insert", "delete", "update")}

"""PostgreSQL: the tsvectors stay in the row and each language gets its own GIN indexes.

A common word matches thousands of rows, and ranking reads the vector of every one. Stored
the default way (EXTENDED), a vector over 2 kB went to the TOAST table: one more index
lookup per row. With STORAGE MAIN the long text columns, read for the few rows shown, go
out of the row first. The per-language partial indexes spare a second index scan on
`language` and a bitmap AND. Existing vectors are written again to take the new storage.
SQLite needs nothing: FTS5 keeps its own index.

The languages are those of settings.LANGUAGES when this was written, as in the translated
columns' migrations; tests/search/test_postgresql_storage.py fails for a language without
its indexes."""

from django.db import migrations

LANGUAGES = ["nl", "en"]
VECTORS = {"search_vector": "medications_searchentry_vector"}
VECTORS["title_vector"] = "medications_searchentry_title_vector"
TABLE = "medications_searchentry"


def partial_index(column, language):
    return f"{TABLE}_{column}_{language}"


def forward_statements():
    statements = [
        f"ALTER TABLE {TABLE} "
        + ", ".join(f"ALTER COLUMN {column} SET STORAGE MAIN" for column in VECTORS)
    ]
    for column, whole_index in VECTORS.items():
        statements.append(f"DROP INDEX IF EXISTS {whole_index}")
        for language in LANGUAGES:
            statements.append(
                f"CREATE INDEX {partial_index(column, language)} ON {TABLE} "
                f"USING gin ({column}) WHERE language = '{language}'"
            )
    # A new value is stored the new way; an unchanged one would keep its TOAST pointer.
    statements.append(
        f"UPDATE {TABLE} SET "
        + ", ".join(f"{column} = {column} || ''::tsvector" for column in VECTORS)
    )
    return statements


def backward_statements():
    statements = [
        f"ALTER TABLE {TABLE} "
        + ", ".join(f"ALTER COLUMN {column} SET STORAGE EXTENDED" for column in VECTORS)
    ]
    for column, whole_index in VECTORS.items():
        for language in LANGUAGES:
            statements.append(f"DROP INDEX IF EXISTS {partial_index(column, language)}")
        statements.append(f"CREATE INDEX {whole_index} ON {TABLE} USING gin ({column})")
    return statements


def run_on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements():
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run_on_postgresql(forward_statements), run_on_postgresql(backward_statements)
        ),
    ]

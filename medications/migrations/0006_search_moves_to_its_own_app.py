"""The search index models move to the `search` app (search/migrations/0001_initial.py takes
them over). Only Django's record of the models changes: the tables, their FTS5 triggers and
GIN indexes and their rows stay exactly as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("medications", "0005_search_vector_without_tags"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="SearchEntry"),
                migrations.DeleteModel(name="SearchWord"),
                migrations.DeleteModel(name="SearchIndexVersion"),
            ],
            database_operations=[],
        ),
    ]

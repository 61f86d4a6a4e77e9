"""The search index, taken over from the medications app (its migrations 0002, 0004 and 0005
created the tables, the FTS5 table with its triggers and the GIN indexes). Only Django's
record of the models is made here; the tables and their rows stay as they are."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("medications", "0006_search_moves_to_its_own_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="SearchIndexVersion",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("token", models.CharField(max_length=32)),
                    ],
                    options={"db_table": "medications_searchindexversion"},
                ),
                migrations.CreateModel(
                    name="SearchWord",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("language", models.CharField(max_length=10)),
                        ("word", models.CharField(max_length=60)),
                        ("frequency", models.PositiveIntegerField(default=1)),
                    ],
                    options={
                        "db_table": "medications_searchword",
                        "ordering": ["language", "word"],
                        "constraints": [models.UniqueConstraint(fields=("language", "word"), name="unique_search_word")],
                    },
                ),
                migrations.CreateModel(
                    name="SearchEntry",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("language", models.CharField(max_length=10)),
                        ("kind", models.CharField(help_text="Section kind (the anchor) or 'term'.", max_length=30)),
                        ("position", models.PositiveSmallIntegerField(default=0)),
                        ("title", models.CharField(max_length=200)),
                        ("text", models.TextField(blank=True, help_text="Readable text, for snippets.")),
                        ("name_terms", models.TextField(blank=True)),
                        ("heading_terms", models.TextField(blank=True)),
                        ("body_terms", models.TextField(blank=True)),
                        ("tags", models.CharField(help_text="Filter terms: language, kind, medication.", max_length=200)),
                        ("search_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                        ("title_vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                        ("glossary_term", models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="medications.glossaryterm")),
                        ("medication", models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="medications.medication")),
                        ("section", models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="medications.section")),
                    ],
                    options={
                        "db_table": "medications_searchentry",
                        "verbose_name": "zoekindex-regel",
                        "verbose_name_plural": "zoekindex",
                        "ordering": ["language", "medication", "position"],
                        "indexes": [models.Index(fields=["language", "kind"], name="search_entry_language_kind")],
                        "constraints": [
                            models.UniqueConstraint(fields=("section", "language"), name="unique_search_entry_per_section"),
                            models.UniqueConstraint(fields=("glossary_term", "language"), name="unique_search_entry_per_term"),
                        ],
                    },
                ),
            ],
        ),
    ]

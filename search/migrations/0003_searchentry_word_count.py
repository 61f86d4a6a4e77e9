"""How many words each index row holds: PostgreSQL ranks with it (search.backends.postgresql).
Rows written before are counted here. Nullable: on SQLite a NOT NULL column means rebuilding
the table, which drops the triggers of its FTS5 index (tests/search checks they survive)."""

from django.db import migrations, models


def count_words(apps, schema_editor):
    SearchEntry = apps.get_model("search", "SearchEntry")
    rows = SearchEntry.objects.only("name_terms", "heading_terms", "body_terms")
    changed = []
    for row in rows.iterator(chunk_size=500):
        columns = [row.name_terms, row.heading_terms, row.body_terms]
        row.word_count = sum(len(terms.split()) for terms in columns)
        changed.append(row)
    SearchEntry.objects.bulk_update(changed, ["word_count"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgresql_vectors_inline")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="word_count",
            field=models.PositiveIntegerField(null=True, editable=False),
        ),
        migrations.RunPython(count_words, migrations.RunPython.noop),
    ]

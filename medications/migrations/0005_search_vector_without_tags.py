"""PostgreSQL: the tsvector without the filter tags (language and kind are real columns), so
queries need no weight restriction and the GIN index answers them without a recheck."""

from django.db import migrations

FORWARD = (
    "UPDATE medications_searchentry SET search_vector = "
    "setweight(to_tsvector('simple', coalesce(name_terms, '')), 'A') || "
    "setweight(to_tsvector('simple', coalesce(heading_terms, '')), 'B') || "
    "setweight(to_tsvector('simple', coalesce(body_terms, '')), 'C')"
)
BACKWARD = FORWARD + " || setweight(to_tsvector('simple', coalesce(tags, '')), 'D')"


def run_on_postgresql(statement):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("medications", "0004_search_title_vector"),
    ]

    operations = [migrations.RunPython(run_on_postgresql(FORWARD), run_on_postgresql(BACKWARD))]

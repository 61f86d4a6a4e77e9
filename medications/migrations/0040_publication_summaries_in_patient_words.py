"""Publications made by the content loader said "Geladen uit content/leaflets/x.md": a file
path on the patient's page under "Wat is er veranderd?". What changed then can no longer be
worked out, so they get a neutral sentence. New loads write the parts that changed
(medications/publishing/summary.py).

Numbered 0040 to stay clear of the migrations other branches add; re-chain it when merging.
"""

from django.db import migrations

FILE_LOAD_PREFIX = "Geladen uit"
NEUTRAL = "Tekst bijgewerkt."


def rewrite_file_paths(apps, schema_editor):
    Publication = apps.get_model("medications", "Publication")
    Publication.objects.filter(summary__startswith=FILE_LOAD_PREFIX).update(summary=NEUTRAL)


class Migration(migrations.Migration):
    dependencies = [("medications", "0014_live_copies_by_default")]

    # Backwards: the paths are gone for good; nothing to undo.
    operations = [migrations.RunPython(rewrite_file_paths, migrations.RunPython.noop)]

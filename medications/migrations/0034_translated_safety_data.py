"""The structured safety data, the source note and the adaptations get a column per
language (modeltranslation), so a translation carries them in its own words; the Dutch
columns start with the values the rows hold now. Each file-loaded leaflet and glossary term
also remembers the fingerprint of its translations as last loaded."""

from django.db import migrations, models

NEWLY_TRANSLATED = ("source_note", "alarm", "contacts", "questions", "adaptations")


def fill_dutch_columns(apps, schema_editor):
    Medication = apps.get_model("medications", "Medication")
    rows = list(Medication._base_manager.all())
    for row in rows:
        for name in NEWLY_TRANSLATED:
            setattr(row, f"{name}_nl", getattr(row, name))
    Medication._base_manager.bulk_update(
        rows, [f"{name}_nl" for name in NEWLY_TRANSLATED], batch_size=200
    )


class Migration(migrations.Migration):
    dependencies = [("medications", "0033_identifiers_for_other_systems")]

    operations = [
        migrations.AddField(
            model_name="glossaryterm",
            name="imported_translations",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="medication",
            name="adaptations_en",
            field=models.TextField(
                blank=True,
                help_text="Wat de redactie aan een buitenlandse folder heeft veranderd, één punt per regel. Staat zichtbaar op de pagina.",
                null=True,
                verbose_name="aangepast voor Nederland",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="adaptations_nl",
            field=models.TextField(
                blank=True,
                help_text="Wat de redactie aan een buitenlandse folder heeft veranderd, één punt per regel. Staat zichtbaar op de pagina.",
                null=True,
                verbose_name="aangepast voor Nederland",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="alarm_en",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Elke situatie uit de folder met al haar klachten, wat de patiënt dan doet en hoe snel (alleen als de folder dat zegt). Zie content/README.md.",
                null=True,
                verbose_name="wanneer contact opnemen (alarmsignalen)",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="alarm_nl",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Elke situatie uit de folder met al haar klachten, wat de patiënt dan doet en hoe snel (alleen als de folder dat zegt). Zie content/README.md.",
                null=True,
                verbose_name="wanneer contact opnemen (alarmsignalen)",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="contacts_en",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Elk nummer met waarvoor het is (spoed, vragen, afspraken, buiten kantoortijd) en van wie (bijvoorbeeld 'UMC Utrecht').",
                null=True,
                verbose_name="telefoonnummers uit de folder",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="contacts_nl",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Elk nummer met waarvoor het is (spoed, vragen, afspraken, buiten kantoortijd) en van wie (bijvoorbeeld 'UMC Utrecht').",
                null=True,
                verbose_name="telefoonnummers uit de folder",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="imported_translations",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.AddField(
            model_name="medication",
            name="questions_en",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Alleen de vragen waarop de folder antwoord geeft; de andere krijgen 'De folder zegt hier niets over'.",
                null=True,
                verbose_name="veelgestelde vragen",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="questions_nl",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Alleen de vragen waarop de folder antwoord geeft; de andere krijgen 'De folder zegt hier niets over'.",
                null=True,
                verbose_name="veelgestelde vragen",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="source_note_en",
            field=models.CharField(
                blank=True, max_length=300, null=True, verbose_name="bron: opmerking"
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="source_note_nl",
            field=models.CharField(
                blank=True, max_length=300, null=True, verbose_name="bron: opmerking"
            ),
        ),
        migrations.RunPython(fill_dutch_columns, migrations.RunPython.noop),
    ]

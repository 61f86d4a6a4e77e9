"""Safety information as data (issue 14): alarm groups, leaflet numbers with a purpose and an
owner, common questions, adaptation notes; the hospital's own route; Eindredacteuren keep it.

Rows made before keep what they had: a leaflet's old number becomes a question line of the
organisation it named (never an urgent number), its old safety text one alarm group whose
signs the editor still has to list (content files replace both on the next load).
"""

import medications.validators
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

from medications.roles import create_roles


def carry_over(apps, schema_editor):
    Medication = apps.get_model("medications", "Medication")
    for medication in Medication._base_manager.all():
        if medication.contact_phone:
            medication.contacts = [
                {
                    "purpose": "vragen",
                    "owner": medication.contact_name or "de maker van de folder",
                    "name": "",
                    "phone": medication.contact_phone,
                    "note": "",
                }
            ]
        text = medication.urgent_summary_nl or medication.urgent_summary
        if text:
            medication.alarm = [
                {
                    "title": "Wanneer neemt u contact op?",
                    "applies_to": "",
                    "signs": [],
                    "signs_are_examples": False,
                    "action": " ".join(text.split()),
                    "urgency": "niet-genoemd",
                }
            ]
        medication.save(update_fields=["contacts", "alarm"])


def update_roles(apps, schema_editor):
    # As in 0009: the new model's permissions are made now, for the groups.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    create_roles(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("medications", "0011_editors_see_feedback"),
    ]

    operations = [
        migrations.CreateModel(
            name="HospitalContact",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "purpose",
                    models.CharField(
                        choices=[
                            ("spoed", "Bij spoed"),
                            ("buiten-kantoortijd", "Buiten kantoortijd"),
                            ("vragen", "Voor vragen"),
                            ("afspraken", "Voor afspraken en planning"),
                        ],
                        max_length=20,
                        verbose_name="waarvoor",
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="Bijvoorbeeld: Spoedeisende Hulp.",
                        max_length=120,
                        verbose_name="wie neemt op",
                    ),
                ),
                (
                    "hours",
                    models.CharField(
                        blank=True,
                        help_text="Bijvoorbeeld: maandag tot en met vrijdag 8.00 tot 17.00 uur; 24 uur per dag.",
                        max_length=120,
                        verbose_name="wanneer",
                    ),
                ),
                (
                    "phone",
                    models.CharField(
                        max_length=30,
                        validators=[medications.validators.validate_phone],
                        verbose_name="telefoon",
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0, verbose_name="volgorde")),
            ],
            options={
                "verbose_name": "telefoonnummer van het ziekenhuis",
                "verbose_name_plural": "telefoonnummers van het ziekenhuis (route voor patiënten)",
                "ordering": ["position", "pk"],
            },
        ),
        migrations.AddField(
            model_name="medication",
            name="adaptations",
            field=models.TextField(
                blank=True,
                help_text="Wat de redactie aan een buitenlandse folder heeft veranderd, één punt per regel. Staat zichtbaar op de pagina.",
                verbose_name="aangepast voor Nederland",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="alarm",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Elke situatie uit de folder met al haar klachten, wat de patiënt dan doet en hoe snel (alleen als de folder dat zegt). Zie content/README.md.",
                verbose_name="wanneer contact opnemen (alarmsignalen)",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="contacts",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Elk nummer met waarvoor het is (spoed, vragen, afspraken, buiten kantoortijd) en van wie (bijvoorbeeld 'UMC Utrecht').",
                verbose_name="telefoonnummers uit de folder",
            ),
        ),
        migrations.AddField(
            model_name="medication",
            name="questions",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="Alleen de vragen waarop de folder antwoord geeft; de andere krijgen 'De folder zegt hier niets over'.",
                verbose_name="veelgestelde vragen",
            ),
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="medication",
            name="contact_name",
        ),
        migrations.RemoveField(
            model_name="medication",
            name="contact_phone",
        ),
        migrations.RemoveField(
            model_name="medication",
            name="urgent_summary",
        ),
        migrations.RemoveField(
            model_name="medication",
            name="urgent_summary_en",
        ),
        migrations.RemoveField(
            model_name="medication",
            name="urgent_summary_nl",
        ),
        migrations.RunPython(update_roles, migrations.RunPython.noop),
    ]

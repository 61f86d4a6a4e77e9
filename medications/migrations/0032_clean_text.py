"""Text stored before normalisation (medications.text.clean_text) is normalised: the rows of
both copies and every version in the history, so old and new versions compare word by word
instead of showing every multi-line field as changed (the browser's \\r\\n)."""

import json

from django.db import migrations

from medications.text import clean_text

MODELS = ("Medication", "Section", "Member", "GlossaryTerm")


def text_fields(model):
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.get_internal_type() in ("CharField", "TextField")
    ]


def cleaned(value):
    return clean_text(value) if isinstance(value, str) else value


def clean_rows(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("medications", name)
        fields = text_fields(model)
        changed = []
        for row in model._base_manager.only("pk", *fields).iterator():
            before = [getattr(row, field) for field in fields]
            for field in fields:
                setattr(row, field, cleaned(getattr(row, field)))
            if [getattr(row, field) for field in fields] != before:
                changed.append(row)
        model._base_manager.bulk_update(changed, fields, batch_size=200)


def clean_versions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Version = apps.get_model("reversion", "Version")
    types = ContentType.objects.filter(app_label="medications", model__in=[m.lower() for m in MODELS])
    for version in Version.objects.filter(content_type__in=types, format="json").iterator():
        data = json.loads(version.serialized_data)
        changed = False
        for item in data:
            fields = {key: cleaned(value) for key, value in item["fields"].items()}
            changed |= fields != item["fields"]
            item["fields"] = fields
        if changed:
            text = json.dumps(data, ensure_ascii=False)
            Version.objects.filter(pk=version.pk).update(serialized_data=text)


class Migration(migrations.Migration):
    dependencies = [
        ("medications", "0031_document_control_from_trail"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(clean_rows, migrations.RunPython.noop),
        migrations.RunPython(clean_versions, migrations.RunPython.noop),
    ]

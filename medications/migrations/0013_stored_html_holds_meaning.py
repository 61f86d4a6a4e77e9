"""Stored HTML holds meaning only (issue 15): a glossary word becomes
`<dfn data-term="slug">word</dfn>` instead of a popover button with its explanation and Dutch
interface text, and tables lose their scrolling wrapper. Pages present both again when they
are read (medications.html), so patients see the same pages.

Self-contained on purpose: a migration never imports the app's code, which moves on.
"""

import re

from django.db import migrations

TERM = re.compile(
    r'<span class="term" data-term="(?P<slug>[\w-]+)">'
    r"<button[^>]*>(?P<word>.*?)</button>"
    r'<span class="term-tip"[^>]*>.*?</a></span></span>',
    re.S,
)
TABLE_WRAPPER = re.compile(
    r'<div class="table-scroll" tabindex="0">(<table>.*?</table>)</div>', re.S
)


def meaning_only(html):
    html = TERM.sub(r'<dfn data-term="\g<slug>">\g<word></dfn>', html or "")
    return TABLE_WRAPPER.sub(r"\1", html)


def html_columns(model, base):
    return [f.name for f in model._meta.concrete_fields if f.name.startswith(base)]


def convert(apps, schema_editor):
    for name, base in (("Section", "body_html"), ("GlossaryTerm", "explanation_html")):
        model = apps.get_model("medications", name)
        columns = html_columns(model, base)
        changed = []
        for row in model._base_manager.only("pk", *columns):
            before = [getattr(row, column) for column in columns]
            for column in columns:
                setattr(row, column, meaning_only(getattr(row, column)))
            if [getattr(row, column) for column in columns] != before:
                changed.append(row)
        model._base_manager.bulk_update(changed, columns, batch_size=200)


class Migration(migrations.Migration):
    dependencies = [("medications", "0012_safety_data_and_hospital_route")]

    operations = [migrations.RunPython(convert, migrations.RunPython.noop)]

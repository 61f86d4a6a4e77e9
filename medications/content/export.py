"""Database -> content files, in exactly the format the loader reads (content/README.md), so
the repository can be kept in step with the admin: exporting, loading the export and
exporting again gives the same files.

The working copies are exported (the database is the source of truth); the front matter
follows `LeafletForm.Meta.fields`, with the `source_*` fields in a group.
"""

import yaml
from django.conf import settings
from django.utils import translation
from modeltranslation.utils import fallbacks

from medications.content.parse import DEFAULT_VARIANTS_LINE, SOURCE_SILENT_FLAG, VARIANTS_LINE
from medications.content.validate import GROUPS, MEMBERS_KEY, PUBLISHED_KEY
from medications.publishing.forms import (
    AlarmField,
    LeafletForm,
    LineListField,
    MemberForm,
    NameListField,
    StructuredField,
)
from medications.text import sort_key, split_lines, split_names


class BlockList(list):
    """A list written one item per line (the 'In het kort' points)."""


class BlockDict(dict):
    """A group of fields written one per line (`source:` with its title, publisher ...)."""


class ContentDumper(yaml.SafeDumper):
    pass


ContentDumper.add_representer(
    BlockList,
    lambda dumper, items: dumper.represent_sequence("tag:yaml.org,2002:seq", items, False),
)
ContentDumper.add_representer(
    BlockDict,
    lambda dumper, items: dumper.represent_mapping("tag:yaml.org,2002:map", items, False),
)


def front_value(form_class, name, value):
    field = form_class.base_fields[name]
    if isinstance(field, LineListField):
        return BlockList(split_lines(value or ""))
    if isinstance(field, NameListField):
        return split_names(value or "")
    if isinstance(field, AlarmField):
        return [BlockDict({**group, "signs": BlockList(group["signs"])}) for group in value or []]
    if isinstance(field, StructuredField):
        return [BlockDict(item) for item in value] if isinstance(value, list) else BlockDict(value)
    return value


def is_empty(value):
    return value is None or value == "" or value == [] or value == {}


def front_matter(medication):
    front = {}
    for name in LeafletForm._meta.fields:
        value = front_value(LeafletForm, name, getattr(medication, name))
        if is_empty(value):
            continue
        group = next((g for g in GROUPS if name.startswith(f"{g}_")), None)
        if group:
            front.setdefault(group, BlockDict())[name.removeprefix(f"{group}_")] = value
        else:
            front[name] = value
    members = [
        {
            name: front_value(MemberForm, name, getattr(member, name))
            for name in MemberForm._meta.fields
            if not is_empty(front_value(MemberForm, name, getattr(member, name)))
        }
        for member in medication.members.all()
    ]
    if members:
        front[MEMBERS_KEY] = members
    if not medication.is_published:
        front[PUBLISHED_KEY] = False
    return front


def leaflet_text(medication, language=None):
    """One leaflet file: the front matter, then its sections in page order. With
    `language`, its translation file: the same front matter with that language's words
    (nothing filled in from Dutch: modeltranslation's fallback is off)."""
    with translation.override(language or settings.LANGUAGE_CODE), fallbacks(False):
        yaml_text = yaml.dump(
            front_matter(medication),
            Dumper=ContentDumper,
            sort_keys=False,
            allow_unicode=True,
            default_flow_style=None,
            width=96,
        )
        parts = ["---\n", yaml_text, "---\n"]
        for section in sorted(medication.sections.all(), key=lambda s: s.position):
            flags = f" {SOURCE_SILENT_FLAG}" if section.source_silent else ""
            parts.append(f"\n## {section.heading} {{#{section.kind}{flags}}}\n\n")
            parts.append(section.body_markdown.strip() + "\n")
    return "".join(parts)


def glossary_text(terms, language=None):
    """The woordenlijst: one `## Term` per term, its `Ook:` forms, its explanation. With
    `language`, its translation: the translated terms in the Dutch order, each under its
    Dutch term's slug, with that language's word for the other forms."""
    parts = []
    with translation.override(settings.LANGUAGE_CODE):
        ordered = sorted(terms, key=lambda term: sort_key(term.term))
    with translation.override(language or settings.LANGUAGE_CODE), fallbacks(False):
        for term in ordered:
            if not term.term:
                continue  # not translated
            anchor = f" {{#{term.slug}}}" if language else ""
            parts.append(f"## {term.term}{anchor}\n")
            if term.variant_list:
                variants_line = VARIANTS_LINE.get(language or "nl", DEFAULT_VARIANTS_LINE)
                parts.append(f"{variants_line} {', '.join(term.variant_list)}\n")
            parts.append(f"\n{term.explanation_markdown.strip()}\n\n")
    return "".join(parts).rstrip("\n") + "\n"


def file_name(medication, language=None):
    name = medication.content_file or f"{medication.slug}.md"
    return name.removesuffix(".md") + f".{language}.md" if language else name


def glossary_name(language=None):
    return f"woordenlijst.{language}.md" if language else "woordenlijst.md"


def has_translation(row, language):
    field = "name" if hasattr(row, "slug") and hasattr(row, "kind") else "term"
    return bool(getattr(row, f"{field}_{language.replace('-', '_')}", None))

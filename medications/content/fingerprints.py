"""Fingerprints of content as an editor sees it: a leaflet's front matter, members and each
section, a glossary term. The loader stores what it wrote; a later difference means an edit
made since (in the admin), which a changed file must not silently overwrite.

Both sides are plain values of the same form fields: from a file's validated forms and from
the rows in the database.
"""

import hashlib
import json

from medications.publishing.forms import (
    GlossaryTermForm,
    GlossaryTermTranslationForm,
    LeafletForm,
    LeafletTranslationForm,
    MemberForm,
    SectionForm,
)


def digest(value):
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def values(form_class, source):
    """The form's fields from a dict (cleaned data) or from a model instance."""
    get = source.get if isinstance(source, dict) else lambda name: getattr(source, name)
    return {name: get(name) for name in form_class._meta.fields}


def leaflet_fingerprints(front, published, members, sections):
    """`front`, each member and each section: cleaned data or rows. Returns
    {'leaflet': ..., 'front': ..., 'members': ..., 'sections': {kind: ...}}."""
    parts = {
        "front": digest({"fields": values(LeafletForm, front), "published": published}),
        "members": digest([values(MemberForm, member) for member in members]),
        "sections": {
            values(SectionForm, section)["kind"]: digest(values(SectionForm, section))
            for section in sections
        },
    }
    return {"leaflet": digest(parts), **parts}


def medication_fingerprints(medication):
    """The fingerprints of a working copy as it is in the database now."""
    return leaflet_fingerprints(
        medication,
        medication.is_published,
        list(medication.members.all()),
        list(medication.sections.all()),
    )


def term_fingerprint(term):
    """A glossary term's fingerprint, from cleaned data or a row."""
    return digest(values(GlossaryTermForm, term))


# --- Translations: their own fingerprint per language, beside the source language's ---


def localized(name, language):
    return f"{name}_{language.replace('-', '_')}"


def translation_fingerprint(front, members, sections):
    """A translation's text: `front` (its LeafletTranslationForm fields), the members' notes
    in order and {kind: (heading, body)}."""
    return digest(
        {
            "front": {name: empty_as_blank(value) for name, value in front.items()},
            "members": [empty_as_blank(note) for note in members],
            "sections": {
                kind: [empty_as_blank(v) for v in text] for kind, text in sections.items()
            },
        }
    )


def empty_as_blank(value):
    return "" if value is None or value == [] or value == {} else value


def file_translation_fingerprint(valid):
    """From a validated translation file (content.translations.ValidTranslation)."""
    return translation_fingerprint(
        valid.form.cleaned_data,
        [form.cleaned_data["note"] for form in valid.members],
        {
            kind: (form.cleaned_data["heading"], form.cleaned_data["body_markdown"])
            for kind, form in valid.sections.items()
        },
    )


def stored_translation_fingerprint(medication, language):
    """From a working copy's `_<language>` columns, or None when it has no translation."""
    if not getattr(medication, localized("name", language)):
        return None
    return translation_fingerprint(
        {
            name: getattr(medication, localized(name, language))
            for name in LeafletTranslationForm._meta.fields
        },
        [getattr(member, localized("note", language)) for member in medication.members.all()],
        {
            section.kind: (
                getattr(section, localized("heading", language)),
                getattr(section, localized("body_markdown", language)),
            )
            for section in medication.sections.all()
        },
    )


def term_translation_fingerprint(source, language=None):
    """A glossary term's translation: from cleaned data, or from a row in `language`."""
    if isinstance(source, dict):
        return digest({name: empty_as_blank(source[name]) for name in TERM_TRANSLATED})
    if not getattr(source, localized("term", language)):
        return None
    return digest(
        {
            name: empty_as_blank(getattr(source, localized(name, language)))
            for name in TERM_TRANSLATED
        }
    )


TERM_TRANSLATED = GlossaryTermTranslationForm._meta.fields

"""Which languages a leaflet or glossary term really has.

A language other than Dutch counts only when every text that has Dutch also has it in that
language: django-modeltranslation would otherwise fall back to the Dutch text, and the API
would hand out Dutch labelled as English. This is the one place that decides it (when
translations get a state of their own, "published", it is checked here too).
"""

from django.conf import settings
from modeltranslation.translator import translator


def translated_fields(model):
    return translator.get_options_for_model(model).fields


def has_language(row, language):
    """Every translated field with Dutch text has text in `language` too."""
    if language == settings.LANGUAGE_CODE:
        return True
    for name in translated_fields(type(row)):
        source = getattr(row, f"{name}_{settings.LANGUAGE_CODE}", "") or ""
        translated = getattr(row, f"{name}_{language}", "") or ""
        if source.strip() and not translated.strip():
            return False
    return True


def leaflet_languages(medication):
    """The languages the leaflet (its fields, members and sections) is complete in."""
    rows = [medication, *medication.members.all(), *medication.sections.all()]
    return [
        code for code, _name in settings.LANGUAGES if all(has_language(row, code) for row in rows)
    ]


def term_languages(term):
    return [code for code, _name in settings.LANGUAGES if has_language(term, code)]

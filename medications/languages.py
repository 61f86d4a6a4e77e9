"""Which pages exist in which language: the one place that decides.

Dutch is the source: every published page exists in Dutch. A page exists in another
language only when its translation is there; until the translation workflow says
"published" per language, that means the fields a patient reads are filled in that
language (modeltranslation would otherwise show the Dutch text in their place). Views,
the language switch, hreflang alternates, the sitemap and the home page's list all ask here.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from modeltranslation.settings import AVAILABLE_LANGUAGES

from medications.models import GlossaryTerm

# What a patient reads of a leaflet, per row: all filled means translated.
MEDICATION_FIELDS = ("name", "summary")
SECTION_FIELDS = ("heading", "body_html")
GLOSSARY_FIELDS = ("term", "explanation_html")


def source_language():
    return settings.LANGUAGE_CODE


def site_languages():
    """The codes of LANGUAGES, the source language first."""
    codes = [code for code, _ in settings.LANGUAGES]
    return sorted(codes, key=lambda code: code != source_language())


def language_name(code):
    """The language's own name ("English", "Nederlands"), as LANGUAGES gives it."""
    return dict(settings.LANGUAGES).get(code, code)


def has_columns(language):
    """Whether the database has this language's columns yet (its migration has run): a
    language just added to LANGUAGES has pages, and no translated content until then."""
    return language in AVAILABLE_LANGUAGES


def filled(row, fields, language):
    column = language.replace("-", "_")
    return all((getattr(row, f"{field}_{column}", None) or "").strip() for field in fields)


def is_translated(medication, language):
    """Whether a patient can read this leaflet in `language` (the sections from the prefetch
    cache, so a list of leaflets costs no query per leaflet)."""
    if language == source_language():
        return True
    return filled(medication, MEDICATION_FIELDS, language) and all(
        filled(section, SECTION_FIELDS, language) for section in medication.sections.all()
    )


def available_languages(medication):
    """The languages this published leaflet can be read in, the source language first."""
    return [code for code in site_languages() if is_translated(medication, code)]


def translated_medications(medications, language):
    return [m for m in medications if is_translated(m, language)]


def glossary_terms(language):
    """The woordenlijst's terms as shown in `language`: only those translated into it."""
    terms = GlossaryTerm.objects.all()
    if language == source_language():
        return terms
    if not has_columns(language):
        return terms.none()
    column = language.replace("-", "_")
    for field in GLOSSARY_FIELDS:
        terms = terms.exclude(**{f"{field}_{column}__isnull": True})
        terms = terms.exclude(**{f"{field}_{column}": ""})
    return terms


def glossary_languages():
    return [code for code in site_languages() if glossary_terms(code).exists()]


def translation_source(medication, language):
    """The Dutch version a translation was made from: (version number, date) or None.
    For now the Dutch version the page is published as; the translation workflow knows
    which Dutch version each translation follows and answers here instead."""
    if language == source_language() or not medication.version_number:
        return None
    approved = medication.approved_at
    return medication.version_number, approved.date() if approved else medication.last_reviewed


def address_in(language, view_name, kwargs=None):
    """The address of a page in another language (the translated path, with its prefix)."""
    with translation.override(language):
        return reverse(view_name, kwargs=kwargs)

"""Which pages exist in which language: the one place that decides.

Dutch is the source: every published page exists in Dutch. A leaflet exists in another
language only when its translation was reviewed and published (each language has its own
state: medications.translation_status); a glossary term when its fields are filled in that
language (modeltranslation would otherwise show the Dutch text in their place). Views,
the language switch, hreflang alternates, the sitemap and the home page's list all ask here.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from modeltranslation.settings import AVAILABLE_LANGUAGES

from medications import translation_status
from medications.models import GlossaryTerm

# What a patient reads of a leaflet, per row: all filled means translated.
MEDICATION_FIELDS = ("name", "summary")
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
    """Whether a patient can read this leaflet in `language`: its translation was reviewed
    and published (medications.translation_status; a draft never shows) and the live copy
    holds it. Uses the prefetch cache (`with_translations`), so a list costs no query per
    leaflet."""
    if language == source_language():
        return True
    return translation_status.is_published(medication, language) and filled(
        medication, MEDICATION_FIELDS, language
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
    """The Dutch version a published translation follows: (version number, date) or None."""
    notice = translation_status.page_notice(medication, language)
    if language == source_language() or notice is None or notice.source_version is None:
        return None
    return notice.source_version, notice.source_date


def address_in(language, view_name, kwargs=None):
    """The address of a page in another language (the translated path, with its prefix)."""
    with translation.override(language):
        return reverse(view_name, kwargs=kwargs)

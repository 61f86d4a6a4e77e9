"""Which languages a leaflet or glossary term has, for the API: the site's own answer.

medications.languages is the one place that decides (a leaflet has a language other than
Dutch once its translation there was reviewed and published; a term once its fields are
filled in it). The API asks it, so it never lists a language the pages do not have, nor
hands out Dutch labelled as English (django-modeltranslation's fallback).
"""

from medications.languages import GLOSSARY_FIELDS, available_languages, filled, site_languages
from medications.languages import source_language as site_language


def leaflet_languages(medication):
    """The languages patients can read the leaflet in (fetch it `with_translations()` or
    `with_page_content()`, so a list costs no query per leaflet)."""
    return available_languages(medication)


def term_languages(term):
    """The languages the woordenlijst shows this term in."""
    return [
        code
        for code in site_languages()
        if code == site_language() or filled(term, GLOSSARY_FIELDS, code)
    ]

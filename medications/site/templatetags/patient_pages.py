"""Small filters for the patient pages."""

from django import template

from medications.html import page_html
from medications.site.seo import DESCRIPTION_LENGTH, first_sentences

register = template.Library()


@register.filter
def sentences(text, max_length=DESCRIPTION_LENGTH):
    """Whole sentences of `text` that fit in `max_length` characters (at least one)."""
    return first_sentences(text, int(max_length))


@register.filter
def as_page(stored):
    """Stored HTML (a glossary explanation) as the page shows it (medications.html)."""
    return page_html(stored)

"""The language switch and the hreflang alternates of a page.

A view that knows which languages its page exists in puts them in the context as
`page_languages` (a leaflet: medications.languages.available_languages); any other page
exists in every language. The switch links to the same page in each other language, or
says, in that language, that the page has no translation yet; the alternates name only the
languages the page really exists in, itself included, and Dutch as x-default.
"""

from dataclasses import dataclass

from django import template
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, gettext_noop

from medications.addresses import absolute_url
from medications.languages import language_name, site_languages, source_language

register = template.Library()


@dataclass(frozen=True)
class PageLanguage:
    code: str
    name: str
    url: str  # this page in that language, or that language's home page when it has none
    exists: bool
    current: bool
    not_translated: str = ""  # said in that language, when the page does not exist in it
    home_label: str = ""  # the link to that language's home page, in that language


def same_page_in(request, code, with_query=True):
    """This page's address in language `code`: the same view and arguments, the path words
    translated. A page without a view of its own (an error page) gives that language's home."""
    if request is None or getattr(request, "resolver_match", None) is None:
        with translation.override(code):
            return reverse("medications:home")
    path = request.get_full_path() if with_query else request.path
    return translate_url(path, code)


def page_languages(context):
    request = context.get("request")
    current = translation.get_language()
    existing = context.get("page_languages") or site_languages()
    result = []
    for code in site_languages():
        exists = code in existing
        if exists:
            url, note, home = same_page_in(request, code), "", ""
        else:
            with translation.override(code):
                url = reverse("medications:home")
                note = translation.gettext("Deze pagina is nog niet vertaald.")
                home = translation.gettext("Naar de startpagina")
        name = language_name(code)
        result.append(PageLanguage(code, name, url, exists, code == current, note, home))
    return result


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    others = [language for language in page_languages(context) if not language.current]
    return {"others": others}


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """<link rel="alternate" hreflang> for each language the page exists in (with itself and
    x-default, the Dutch page); nothing for a page in one language only or an error page."""
    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return ""
    existing = [language for language in page_languages(context) if language.exists]
    if len(existing) < 2:
        return ""
    links = [
        (code, absolute_url(same_page_in(request, code, with_query=False)))
        for code in [language.code for language in existing]
    ]
    default = next(url for code, url in links if code == source_language())
    return format_html(
        "{}{}\n",
        format_html_join("", '  <link rel="alternate" hreflang="{}" href="{}">\n', links),
        format_html('  <link rel="alternate" hreflang="x-default" href="{}">', default),
    )


@register.filter
def cited_source(title):
    """The source leaflet's title as a <cite>, marked as Dutch on a page in another language
    (a screen reader then reads it as Dutch)."""
    if translation.get_language() == source_language():
        return format_html("<cite>{}</cite>", title)
    return format_html('<cite lang="{}">{}</cite>', source_language(), title)


# Names the site itself writes into content, translated like the interface: the loader's
# approval ("goedgekeurd door Inhoudsbestanden", medications.publishing.workflow).
SYSTEM_NAMES = (gettext_noop("Inhoudsbestanden"),)


@register.filter
def in_page_language(text):
    """A name or text of the site's own (SYSTEM_NAMES) in the page's language; any other
    text as it is (gettext finds nothing for it)."""
    return gettext(text) if text else text

"""Which language a client asks for, outside the page's own address: the `lang` query
parameter first, then the Accept-Language header, else the site's language (nl). Only
languages in settings.LANGUAGES count; the API and its cache key both ask here."""

from django.conf import settings
from django.utils.translation.trans_real import parse_accept_lang_header

MAX_HEADER_LENGTH = 500


class UnknownLanguage(ValueError):
    """`lang=` names a language the site does not have."""


def site_languages():
    return [code for code, _name in settings.LANGUAGES]


def primary(tag):
    return tag.strip().lower().replace("_", "-").split("-")[0]


def requested_language(request):
    """The language code asked for. Raises UnknownLanguage for a `lang=` the site lacks; an
    Accept-Language naming none of the site's languages means the site's own."""
    asked = request.GET.get("lang")
    if asked is not None:
        if primary(asked) not in site_languages():
            raise UnknownLanguage(asked[:20])
        return primary(asked)
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:MAX_HEADER_LENGTH]
    for tag, _quality in parse_accept_lang_header(header):
        if tag == "*":
            break
        if primary(tag) in site_languages():
            return primary(tag)
    return settings.LANGUAGE_CODE


def language_key(request):
    """The language part of a cache key: the language asked for, or what was asked when the
    site lacks it (only 200s are cached, and such a request answers 400)."""
    try:
        return requested_language(request)
    except UnknownLanguage as unknown:
        return f"unknown:{unknown}"

"""Which language a request is in: its address says so, nothing else does.

Dutch is at `/`, every other language of LANGUAGES under its own prefix (`/en/`), through
`i18n_patterns(prefix_default_language=False)`. Django's LocaleMiddleware would also read a
cookie and Accept-Language for addresses outside the prefixed patterns (the admin, the
sitemap); here those are always Dutch, and the language is known before the rate limits,
the page cache and the error pages, which sit above where LocaleMiddleware could go.
"""

from django.conf import settings
from django.utils import translation

RIGHT_TO_LEFT = {"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "prs"}


def language_of_path(path):
    """The language an address is in: its prefix (`/en/...`), else the site's own (Dutch)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def text_direction(language):
    """'rtl' for a right-to-left language (Django's own list, with a few of ours), else 'ltr'."""
    base = language.split("-")[0]
    if base in settings.LANGUAGES_BIDI or base in RIGHT_TO_LEFT:
        return "rtl"
    return "ltr"


class PathLanguageMiddleware:
    """Activates the language of the address for everything below it: rate-limit refusals,
    the page cache's key, the view and the error pages. The same address is always in the
    same language, so a cached page never needs `Vary: Accept-Language`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of_path(request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response

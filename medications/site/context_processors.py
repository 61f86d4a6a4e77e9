"""The hospital's own name and contact details, and the page's language, for every template."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from serving.language import text_direction

# The defaults of portal/settings.py, so the .po files translate them. A hospital's own
# names and texts (PORTAL_SITE_NAME, ...) are looked up the same way: add them to
# locale/<language>/LC_MESSAGES/django.po to translate them; a name not there stays as it is.
DEFAULT_SITE_TEXTS = (
    gettext_noop("Medicijninformatie"),
    gettext_noop("Ziekenhuis Medicijninfo"),
    gettext_noop("Uw ziekenhuis"),
    gettext_noop(
        "Heeft u vragen over uw medicijnen? Neem contact op met uw behandelend arts, "
        "verpleegkundige of apotheker."
    ),
)


def in_page_language(text):
    return gettext(text) if text else text


def site(request):
    return {
        "site": {
            "name": in_page_language(settings.SITE_NAME),
            "logo_text": in_page_language(settings.SITE_LOGO_TEXT),
            "hospital_name": in_page_language(settings.SITE_HOSPITAL_NAME),
            "contact_phone": settings.SITE_CONTACT_PHONE,
            "contact_email": settings.SITE_CONTACT_EMAIL,
            "contact_text": in_page_language(settings.SITE_CONTACT_TEXT),
        }
    }


def page_language(request):
    """`lang` and `dir` of the page: the language of its address (serving.language)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    return {
        "page_language": {
            "code": code,
            "rtl": text_direction(code) == "rtl",
            "source": settings.LANGUAGE_CODE,  # what a cited source leaflet is written in
        }
    }

"""The hospital's own name and contact details, and the page's language, for every template."""

from django.conf import settings
from django.utils import translation

from portal.language import text_direction


def site(request):
    return {
        "site": {
            "name": settings.SITE_NAME,
            "logo_text": settings.SITE_LOGO_TEXT,
            "hospital_name": settings.SITE_HOSPITAL_NAME,
            "contact_phone": settings.SITE_CONTACT_PHONE,
            "contact_email": settings.SITE_CONTACT_EMAIL,
            "contact_text": settings.SITE_CONTACT_TEXT,
        }
    }


def page_language(request):
    """`lang` and `dir` of the page: the language of its address (portal.language)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    return {"page_language": {"code": code, "rtl": text_direction(code) == "rtl"}}

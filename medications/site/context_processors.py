"""The hospital's own name and contact details, for every template."""

from django.conf import settings


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

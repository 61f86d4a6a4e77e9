"""`manage.py check --deploy`: what a hospital must set before the portal goes live.

Errors, not warnings: each one is a mistake that makes the site unsafe or wrong in use (a
key anyone can guess signs the editors' sessions; without PORTAL_BASE_URL every printed
leaflet carries a made-up address; without ALLOWED_HOSTS no request is answered). Switching
off the second factor for staff is allowed for a test installation, with a warning.
"""

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

MIN_KEY_LENGTH = 50
MIN_KEY_CHARACTERS = 5


def weak_secret_key(key):
    return (
        not key
        or key == settings.INSECURE_LOCAL_KEY
        or key.startswith("django-insecure")
        or len(key) < MIN_KEY_LENGTH
        or len(set(key)) < MIN_KEY_CHARACTERS
    )


@register(Tags.security, deploy=True)
def deployment_settings(app_configs, **kwargs):
    problems = []
    if weak_secret_key(settings.SECRET_KEY):
        problems.append(
            Error(
                "DJANGO_SECRET_KEY is weak or the public default.",
                hint="Set it to at least 50 random characters: "
                "python -c 'import secrets; print(secrets.token_urlsafe(50))'",
                id="portal.E001",
            )
        )
    if not settings.SITE_BASE_URL:
        problems.append(
            Error(
                "PORTAL_BASE_URL is not set.",
                hint="Set it to the portal's public address, e.g. https://medicijnen.example.nl:"
                " it is printed on every leaflet and in the sitemap.",
                id="portal.E002",
            )
        )
    if not settings.ALLOWED_HOSTS:
        problems.append(
            Error(
                "DJANGO_ALLOWED_HOSTS is empty.",
                hint="Set it to the host names the portal answers to.",
                id="portal.E003",
            )
        )
    if not settings.REQUIRE_2FA:
        problems.append(
            Warning(
                "PORTAL_REQUIRE_2FA=0: staff sign in with a password only.",
                hint="Only for a test installation; leave it unset in production.",
                id="portal.W004",
            )
        )
    return problems

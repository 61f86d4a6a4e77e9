"""WSGI entry point for gunicorn: `gunicorn -c portal/gunicorn.conf.py portal.wsgi`.

A web server never starts with the publicly known fallback key: without DJANGO_SECRET_KEY
(and with debug off) it stops here with a message that says what to set.
"""

import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

application = get_wsgi_application()


def refuse_the_local_key():
    from django.conf import settings

    if not settings.DEBUG and settings.SECRET_KEY == settings.INSECURE_LOCAL_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY ontbreekt: de webserver start niet met de openbare "
            "standaardsleutel. Zet DJANGO_SECRET_KEY op een lange geheime waarde, bijvoorbeeld "
            "de uitvoer van: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )


refuse_the_local_key()

# Served requests have each database round trip watched: a hanging database is a 503; a
# publish has its leaflets' PDFs made in the background.
from medications.printing import prerender  # noqa: E402 (after the site is loaded)
from portal.watchdog import watchdog  # noqa: E402

watchdog.enable()
prerender.enabled = True

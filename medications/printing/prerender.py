"""Full-leaflet PDFs made in the background right after a publish, so that a nurse's
download of the common case (the whole leaflet) is already in the PDF cache (Redis: every
server has it) and nobody waits for WeasyPrint.

Only in a served process (portal/wsgi.py sets `enabled`): a management command that
publishes does not wait for PDFs at its exit. One thread per publish renders the changed
leaflets one by one, each waiting for a free render slot, at the PDFs' lower priority.
"""

import logging
import threading
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.http import HttpRequest
from django.utils import translation

from medications import languages
from medications.models import Medication

logger = logging.getLogger("portal.pdf")
enabled = False
SLOT_WAIT_SECONDS = 120


def site_request():
    """A request as a nurse's browser sends it for the whole leaflet: the site's own host,
    no query. The PDF's cache key is a hash of its HTML, so this one fills the same entry."""
    request = HttpRequest()
    request.method = "GET"
    base = urlsplit(settings.SITE_BASE_URL) if settings.SITE_BASE_URL else None
    request.META["HTTP_HOST"] = base.netloc if base else settings.ALLOWED_HOSTS[0].lstrip(".")
    request.META["SERVER_PORT"] = "443" if base and base.scheme == "https" else "80"
    return request


def leaflets(medication_ids, glossary_changed):
    """What to render: a glossary change is printed on every leaflet."""
    published = Medication.objects.published()
    chosen = published if glossary_changed else published.filter(pk__in=medication_ids)
    return list(chosen.prefetch_related("sections"))


def render_leaflets(medication_ids, glossary_changed):
    from medications.printing.views import pdf_bytes

    for medication in leaflets(medication_ids, glossary_changed):
        for language in languages.available_languages(medication):  # each its own PDF
            try:
                with translation.override(language):
                    pdf_bytes(site_request(), medication, slot_wait=SLOT_WAIT_SECONDS)
            except Exception:  # one leaflet's failure never stops the others
                logger.exception("PDF vooraf maken mislukt: %s (%s)", medication.slug, language)


def render(medication_ids, glossary_changed):
    try:
        render_leaflets(medication_ids, glossary_changed)
    finally:
        connection.close()  # this thread's own connection


def start(medication_ids, glossary_changed):
    threading.Thread(
        target=render, args=(medication_ids, glossary_changed), name="pdf-prerender", daemon=True
    ).start()

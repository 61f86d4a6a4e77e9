"""Leaflets as PDF: the print view rendered by WeasyPrint, cached per version of its content.

The cache key is a hash of the print view's HTML and its stylesheets. That HTML holds
everything printed (sections, glossary, source, hospital name, web address, date printed and
the chosen sections, in page order), so the key is canonical: the same leaflet asked for with
the sections in another order, twice, or with made-up ones is the same PDF, and any change to
what is printed makes a new one. The cache ("pdfs") is bounded and may be down or full: then
the PDF is made and served all the same. One render per key at a time, and at most
PDF_RENDER_SLOTS at once per server (medications.printing.locks), each stopped after
PDF_RENDER_TIMEOUT seconds.
"""

import hashlib
import logging
import mimetypes
import os
import select
import signal
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.templatetags.static import static
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from medications.printing import locks

# The date printed is on the paper, so a cached PDF is only ever used on its own day.
CACHE_TIMEOUT = 60 * 60 * 36
STYLESHEETS = ("css/site.css", "css/print.css", "css/print-control.css")


class ScreenOnlyCssNotices(logging.Filter):
    """site.css has screen-only rules WeasyPrint does not know (@supports, overflow-x);
    its notices about them are expected, so they stay out of the server's log."""

    def filter(self, record):
        return not str(record.msg).startswith(("Ignored `", "Unknown rule"))


logging.getLogger("weasyprint").addFilter(ScreenOnlyCssNotices())


logger = logging.getLogger("portal.cache")


def leaflet_pdf(medication, html, base_url, slot_wait=0.0):
    """The PDF of a rendered print view: made once per version, then served from the cache.
    Raises locks.NoRenderSlot when the server is already making as many PDFs as it may
    (after waiting `slot_wait` seconds for a slot: a request waits none)."""
    key = pdf_cache_key(medication, html)
    pdf = cached(key)
    if pdf is not None:
        return pdf
    with locks.single_flight(key, wait_seconds=max(15.0, slot_wait)):
        pdf = cached(key)  # made by the request this one waited for
        if pdf is None:
            with locks.render_slot(slot_wait):
                pdf = render_pdf(html, base_url)
            keep(key, pdf)
    return pdf


class RenderTimeout(locks.NoRenderSlot):
    """Making the PDF took longer than PDF_RENDER_TIMEOUT: stopped, answered like a full
    server (a 503 with Retry-After), never a worker held until gunicorn kills it."""


def cached(key):
    try:
        return caches["pdfs"].get(key)
    except Exception as error:  # a cache that is down or broken is a miss, never an error
        logger.warning("PDF-cache niet te lezen: %s", error)
        return None


def keep(key, pdf):
    try:
        caches["pdfs"].set(key, pdf, CACHE_TIMEOUT)
    except Exception as error:  # full disk, Redis out of memory: serve it all the same
        logger.warning("PDF-cache niet te schrijven: %s", error)


def pdf_cache_key(medication, html):
    digest = hashlib.sha256(html.encode())
    for name in STYLESHEETS:
        path = static_file_path(static(name))
        digest.update(path.read_bytes() if path else name.encode())
    return f"leaflet-pdf:{medication.pk}:{digest.hexdigest()}"


def render_pdf(html, base_url):
    """A4 PDF bytes, tagged so that screen readers can read it. Made in a child process at a
    lower priority (PDF_NICENESS): a second of WeasyPrint then takes only the CPU the pages
    leave over, and the worker waits without using any."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the child: make the PDF, hand it over, leave without cleaning up
        status = 1
        try:
            os.close(read_end)
            os.nice(settings.PDF_NICENESS)
            with os.fdopen(write_end, "wb") as out:
                out.write(write_pdf(html, base_url))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    try:
        pdf = read_until(read_end, time.monotonic() + settings.PDF_RENDER_TIMEOUT)
    except TimeoutError:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
        raise RenderTimeout(f"making the PDF took over {settings.PDF_RENDER_TIMEOUT} s") from None
    _, status = os.waitpid(child, 0)
    if status != 0 or not pdf.startswith(b"%PDF"):
        raise RuntimeError(f"making the PDF failed in process {child} (status {status})")
    return pdf


def read_until(descriptor, deadline):
    """All bytes from the pipe until the child closes it; TimeoutError past `deadline`."""
    chunks = []
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([descriptor], [], [], left)[0]:
                raise TimeoutError
            chunk = os.read(descriptor, 1 << 16)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(descriptor)


def write_pdf(html, base_url):
    document = HTML(string=html, base_url=base_url, url_fetcher=StaticFilesFetcher())
    return document.write_pdf(pdf_tags=True)


class StaticFilesFetcher(URLFetcher):
    """Lets WeasyPrint read our own static files and data: URLs, and nothing else: no
    request ever leaves the server, whatever a leaflet's text links to."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = static_file_path(url)
        if path is None:
            raise ValueError(f"not one of the site's static files: {url}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def static_file_path(url):
    """The file behind a static URL (absolute or not), or None."""
    path = urlsplit(url).path
    # settings.STATIC_URL, not static(""): the manifest storage of production has no entry
    # for "" and refuses it (that made every PDF a 500 with DEBUG off).
    prefix = urlsplit(settings.STATIC_URL).path
    if not prefix.startswith("/"):
        prefix = "/" + prefix
    if not path.startswith(prefix):
        return None
    name = path.removeprefix(prefix)
    if ".." in Path(name).parts:
        return None
    found = finders.find(name)
    if found:
        return Path(found)
    if staticfiles_storage.exists(name):  # collected, possibly with a hashed name
        return Path(staticfiles_storage.path(name))
    return None

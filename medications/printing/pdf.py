"""Leaflets as PDF: the print view rendered by WeasyPrint, cached per version of its content.

The cache key is a hash of the print view's HTML and its stylesheets. That HTML holds
everything printed (sections, glossary, source, hospital name, web address, date printed and
the chosen sections, in page order), so the key is canonical: the same leaflet asked for with
the sections in another order, twice, or with made-up ones is the same PDF, and any change to
what is printed makes a new one. The cache ("pdfs") is bounded and may be down or full: then
the PDF is made and served all the same. One render per key at a time, and at most
PDF_RENDER_SLOTS at once per server (medications.printing.locks), each made in a process of
a forkserver-started pool (never a fork of a threaded worker) and stopped after
PDF_RENDER_TIMEOUT seconds.
"""

import atexit
import hashlib
import logging
import mimetypes
import multiprocessing
import os
import threading
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
PDFS_PER_PROCESS = 50


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
    """A4 PDF bytes, tagged so that screen readers can read it. Made in a process of the
    render pool at a lower priority (PDF_NICENESS): a second of WeasyPrint then takes only
    the CPU the pages leave over, and the worker thread waits without using any. Past
    PDF_RENDER_TIMEOUT the pool's processes are stopped (a new pool serves the next PDF)."""
    result = render_pool().apply_async(write_pdf, (html, base_url))
    try:
        pdf = result.get(timeout=settings.PDF_RENDER_TIMEOUT)
    except multiprocessing.TimeoutError:
        stop_render_pool()
        raise RenderTimeout(f"making the PDF took over {settings.PDF_RENDER_TIMEOUT} s") from None
    if not pdf.startswith(b"%PDF"):
        raise RuntimeError("making the PDF gave no PDF")
    return pdf


_pool = None
_pool_pid = None
_pool_lock = threading.Lock()


def render_pool():
    """This process's render pool, started on the first PDF: PDF_RENDER_SLOTS processes made
    by a forkserver (a fresh single-threaded process), never a fork of this threaded one.
    Each process renders PDFS_PER_PROCESS PDFs, then a fresh one takes over (memory)."""
    global _pool, _pool_pid
    with _pool_lock:
        if _pool is None or _pool_pid != os.getpid():
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["medications.printing.render_process"])
            _pool = context.Pool(
                processes=max(1, settings.PDF_RENDER_SLOTS),
                initializer=lower_priority,
                initargs=(settings.PDF_NICENESS,),
                maxtasksperchild=PDFS_PER_PROCESS,
            )
            _pool_pid = os.getpid()
        return _pool


def lower_priority(niceness):
    """Run first in each render process: the pages get the cores first."""
    os.nice(niceness)


def stop_render_pool():
    """Stop the pool's processes at once (a render that hangs, or this process ending).
    Renders in flight in other threads end with them, answered like a full server."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None and _pool_pid == os.getpid():
        pool.terminate()
        pool.join()


atexit.register(stop_render_pool)


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

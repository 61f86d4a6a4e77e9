"""Pages made before anyone asks for them: when a server starts (a deploy) and right after a
publish, each worker sends every public page, print view and full-leaflet PDF, in every
language the page exists in, through its own site, so the first patient or nurse gets them
from the cache.

A publish changes the content version, and with it the key of every cached page, so "the
pages that changed" are all of them; a PDF is keyed by its printed HTML, so only the PDFs of
leaflets whose print changed are made again (the others are found in the PDF cache).

One thread per served worker (started by portal/gunicorn.conf.py) looks at the content
version every POLL_SECONDS, and at once when this process published (printing.receivers): a
publish in another worker, another server or a management command is picked up within that
time. Pages go through the worker's own WSGI application, the whole middleware stack
included, so they are stored under the key a visitor's request has, and the early page
layer (serving.early) learns them. PDFs are made by one worker per server at a time, so a
nurse's PDF still finds a free render slot. Warming requests are not counted against any
client's rate limit.
"""

import io
import logging
import sys
import threading

from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import translation

from medications.languages import (
    available_languages,
    glossary_languages,
    site_languages,
    source_language,
)
from medications.models import Medication
from medications.printing import locks, prerender
from serving.errors import DATABASE_DOWN
from serving.limits import COUNTED, DECISION
from serving.models import ContentVersion

logger = logging.getLogger("portal.cache")
POLL_SECONDS = 1.0
SITE_PAGES = ("/", "/woordenlijst/", "/sitemap.xml", "/robots.txt")
warmer = None  # this process's Warmer, once started


def published_slugs():
    return list(Medication.objects.published().order_by("slug").values_list("slug", flat=True))


def slugs_by_language():
    """Each language of the site -> the slugs of the published leaflets patients can read in
    it (medications.languages decides: Dutch all, another language once translated)."""
    leaflets = list(Medication.objects.published().with_translations().order_by("slug"))
    return {
        language: [m.slug for m in leaflets if language in available_languages(m)]
        for language in site_languages()
    }


def public_paths():
    """Every page a visitor can get from the page cache without a query string of its own,
    in every language: the site's pages, each published leaflet's page and its print view
    (all sections)."""
    paths = list(SITE_PAGES)
    glossaries = glossary_languages()
    for language, slugs in slugs_by_language().items():
        with translation.override(language):
            if language != source_language():  # the Dutch ones are in SITE_PAGES
                paths.append(reverse("medications:home"))
                if language in glossaries:
                    paths.append(reverse("medications:glossary"))
            for slug in slugs:
                paths.append(reverse("medications:detail", args=[slug]))
                paths.append(reverse("medications:print", args=[slug]))
    return paths


def pdf_paths():
    paths = []
    for language, slugs in slugs_by_language().items():
        with translation.override(language):
            paths.extend(reverse("medications:pdf", args=[slug]) for slug in slugs)
    return paths


def site_environ(path):
    """A WSGI request for `path` as a visitor's browser sends it to this site: the site's
    own host and scheme, brotli accepted."""
    request = prerender.site_request()
    host = request.META["HTTP_HOST"]
    secure = request.META["SERVER_PORT"] == "443" or (
        not settings.SITE_BASE_URL and settings.SECURE_SSL_REDIRECT
    )
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": host.partition(":")[0],
        "SERVER_PORT": "443" if secure else "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_ACCEPT_ENCODING": "br, gzip",
        "REMOTE_ADDR": "127.0.0.1",
        DECISION: COUNTED,  # made by the site itself: no client's limit counts it
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "https" if secure else "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def fetch(application, path):
    """The status line of `path` as `application` answers it (the body read and closed, as
    a server does: that ends the request, its database connection handling included)."""
    statuses = []

    def start_response(status, headers, exc_info=None):
        statuses.append(status)

    body = application(site_environ(path), start_response)
    try:
        for _ in body:
            pass
    finally:
        body.close()
    return statuses[0]


def warm_pages(application, paths):
    # Each page activates the language of its address (serving.language); the caller's
    # thread keeps its own afterwards (an English page last would leave English active).
    with translation.override(translation.get_language()):
        for path in paths:
            warm_page(application, path)


def warm_page(application, path):
    status = fetch(application, path)
    if not status.startswith("200"):
        logger.warning("Pagina vooraf maken gaf %s: %s", status, path)


def published_ids():
    return list(Medication.objects.published().values_list("pk", flat=True))


def warm_pdfs(ids):
    """The full PDF of every published leaflet, made where it is not in the PDF cache (shared
    by the workers), by one worker of this server at a time: another waits for it, then
    finds them made. One render at a time leaves the other slots to nurses' requests."""
    with locks.held(locks.lock_path("pdf-warming.lock")):
        prerender.render_leaflets(ids, False)


class Warmer:
    def __init__(self, application):
        self.application = application
        self.woken = threading.Event()
        self.pdfs_wanted = threading.Event()
        self.warm_token = None  # the content version last warmed

    def start(self):
        threading.Thread(target=self.run, name="page-warmer", daemon=True).start()
        threading.Thread(target=self.run_pdfs, name="pdf-warmer", daemon=True).start()

    def wake(self):
        self.woken.set()

    def run(self):
        while True:
            self.warm_if_new()
            self.woken.wait(POLL_SECONDS)
            self.woken.clear()

    def run_pdfs(self):
        """PDFs in a thread of their own: renders that take seconds (minutes on a busy
        machine) never hold up the pages of the next content version."""
        while True:
            self.pdfs_wanted.wait()
            self.pdfs_wanted.clear()
            self.warm_pdfs()

    def warm_if_new(self):
        """Warms the pages once per content version (and asks for the PDFs); True when it
        did."""
        token = None
        try:
            token = ContentVersion.current_token()
            if token == self.warm_token:
                return False
            warm_pages(self.application, public_paths())
            if settings.PDF_PRERENDER:
                self.pdfs_wanted.set()
            self.warm_token = token
            return True
        except DATABASE_DOWN:
            connection.close()  # tried again at the next look
            return False
        except Exception:  # a page that fails is logged; the next version is warmed again
            logger.exception("Pagina's vooraf maken mislukt")
            self.warm_token = token
            return False

    def warm_pdfs(self):
        """Into the PDF cache (one worker per server at a time), then each into this
        worker's page cache."""
        try:
            warm_pdfs(published_ids())
            warm_pages(self.application, pdf_paths())
        except DATABASE_DOWN:
            connection.close()
        except Exception:
            logger.exception("PDF's vooraf maken mislukt")


def start(application):
    """In a served worker: warm now (a deploy), then after every publish."""
    global warmer
    if settings.WARM_PAGES:
        warmer = Warmer(application)
        warmer.start()


def wake():
    """Warm now: this process just published (called once the transaction is committed)."""
    if warmer is not None:
        warmer.wake()

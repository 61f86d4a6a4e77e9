"""Leaflets as PDF: the print view rendered by WeasyPrint, cached per version of its content.

The cache key is a hash of the print view's HTML and its stylesheets. That HTML holds
everything printed (sections, glossary, source, hospital name, web address, date printed and
the chosen sections), so any change to one of them makes a new PDF and nothing is ever stale.
"""

import hashlib
import logging
import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.templatetags.static import static
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# The date printed is on the paper, so a cached PDF is only ever used on its own day.
CACHE_TIMEOUT = 60 * 60 * 36
STYLESHEETS = ("css/site.css", "css/print.css")


class ScreenOnlyCssNotices(logging.Filter):
    """site.css has screen-only rules WeasyPrint does not know (@supports, overflow-x);
    its notices about them are expected, so they stay out of the server's log."""

    def filter(self, record):
        return not str(record.msg).startswith(("Ignored `", "Unknown rule"))


logging.getLogger("weasyprint").addFilter(ScreenOnlyCssNotices())


def leaflet_pdf(medication, html, base_url):
    """The PDF of a rendered print view: made once per version, then served from the cache."""
    key = pdf_cache_key(medication, html)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_pdf(html, base_url)
        cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf


def pdf_cache_key(medication, html):
    digest = hashlib.sha256(html.encode())
    for name in STYLESHEETS:
        path = static_file_path(static(name))
        digest.update(path.read_bytes() if path else name.encode())
    return f"leaflet-pdf:{medication.pk}:{digest.hexdigest()}"


def render_pdf(html, base_url):
    """A4 PDF bytes, tagged so that screen readers can read it."""
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
    prefix = urlsplit(static("")).path
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

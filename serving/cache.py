"""Whole pages kept ready to send: the HTML as the view made it, compressed once with
brotli and gzip, with an ETag and Last-Modified (CSP and frame options are added on the way
out, to every response).

A cached page is keyed by the content version (serving.models), the build (templates, static
files and the site's own settings), the day (printed leaflets carry the date), the path, the
host, the language and the query parameters the view declared. The path is `path_info` and
the host the canonical one, so no header a client sends (SCRIPT_NAME, Host) can store a page
under another page's key. A change that is published makes a new content version, so no
page is ever served stale, in any worker.
"""

import datetime
import gzip
import hashlib
import logging
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cache

import brotli
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.http import http_date, parse_http_date_safe, quote_etag

logger = logging.getLogger("portal.cache")

CACHE_TIMEOUT = 60 * 60 * 24  # the day is in the key, so an entry is never used longer
# Headers the cache sets per request itself (by the encoding chosen, by revalidation).
PER_RESPONSE_HEADERS = {"content-length", "content-encoding", "etag", "last-modified", "vary"}
# What a view says about its own headers, as attributes the outer middleware read (an embed
# may be framed by the origins the hospital lists): kept with the page and set again.
RESPONSE_ATTRIBUTES = ("xframe_options_exempt", "_csp_replace")
SITE_SETTINGS = (
    "SITE_NAME", "SITE_LOGO_TEXT", "SITE_HOSPITAL_NAME", "SITE_CONTACT_PHONE",
    "SITE_CONTACT_EMAIL", "SITE_CONTACT_TEXT", "SITE_BASE_URL", "REVIEW_INTERVAL_DAYS",
    "ALLOWED_HOSTS", "EMBED_ORIGINS",
)  # fmt: skip


@dataclass
class CachedPage:
    status: int
    headers: list
    bodies: dict  # encoding ('br', 'gzip', 'identity') -> bytes
    etag: str
    last_modified: int | None = None
    vary: list = field(default_factory=lambda: ["Accept-Encoding"])
    attributes: dict = field(default_factory=dict)

    @property
    def size(self):
        """Bytes held: the three bodies (the headers are a few hundred bytes)."""
        return sum(len(body) for body in self.bodies.values())


class RecentPages:
    """A least-recently-used map kept in this worker's memory, bounded twice: at most
    `entries` entries and at most `max_bytes` of them (an entry's `size`, if it has one)."""

    def __init__(self, entries, max_bytes=None):
        self.max_entries = entries
        self.max_bytes = max_bytes
        self.entries = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()

    def __len__(self):
        return len(self.entries)

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        with self.lock:
            old = self.entries.pop(key, None)
            self.bytes += size_of(entry) - size_of(old)
            self.entries[key] = entry
            while len(self.entries) > self.max_entries or (
                self.max_bytes is not None and self.bytes > self.max_bytes and self.entries
            ):
                _, dropped = self.entries.popitem(last=False)
                self.bytes -= size_of(dropped)


def size_of(entry):
    return getattr(entry, "size", 0) if entry is not None else 0


@cache
def build_id():
    """Changes with the templates, the static files and the site's settings: a new release
    or another hospital name never serves an old page."""
    digest = hashlib.sha256()
    for template_dir in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(template_dir.rglob("*.html")):
            digest.update(path.read_bytes())
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    if manifest and staticfiles_storage.exists(manifest):
        with staticfiles_storage.open(manifest) as file:
            digest.update(file.read())
    digest.update(repr([getattr(settings, name, None) for name in SITE_SETTINGS]).encode())
    return digest.hexdigest()[:16]


def page_key(version, path_info, host, query_parts):
    """The key of a page: its content version, build and day, then what names the page: the
    path the view was found by (`path_info`, never a prefix a request could add), the host
    and language it was made for, and the query parameters its view declared."""
    # date.today() is the site's own day: Django sets the process's TZ to TIME_ZONE.
    day = datetime.date.today().isoformat()
    language = translation.get_language()
    raw = repr((version, build_id(), day, path_info, host, language, query_parts))
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def can_cache(response):
    """Only what is the same for every visitor: a 200 without cookies, not varying by user."""
    vary = response.get("Vary", "").lower()
    return (
        response.status_code == 200
        and not response.cookies
        and "cookie" not in vary
        and not response.streaming
        and "private" not in response.get("Cache-Control", "")
    )


def make_entry(response, changed_at):
    body = response.content
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in PER_RESPONSE_HEADERS
    ]
    return CachedPage(
        status=response.status_code,
        headers=headers,
        bodies={
            "br": brotli.compress(body, quality=9),
            "gzip": gzip.compress(body, compresslevel=9, mtime=0),
            "identity": body,
        },
        etag=quote_etag(hashlib.sha256(body).hexdigest()[:32]),
        last_modified=int(changed_at.timestamp()) if changed_at else None,  # HTTP: seconds
        vary=["Accept-Encoding", *own_vary(response)],
        attributes={
            name: getattr(response, name) for name in RESPONSE_ATTRIBUTES if hasattr(response, name)
        },
    )


def own_vary(response):
    """The request headers the view said its page depends on (Accept-Language for the API)."""
    names = (name.strip() for name in response.get("Vary", "").split(","))
    return [name for name in names if name and name.lower() != "accept-encoding"]


def chosen_encoding(request):
    """Brotli where the client takes it, else gzip, else none (a q=0 refusal respected)."""
    offered = {}
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _, parameters = part.strip().partition(";")
        quality = 1.0
        if parameters.strip().startswith("q="):
            try:
                quality = float(parameters.strip()[2:])
            except ValueError:
                quality = 0.0
        if name:
            offered[name.lower()] = quality
    for encoding in ("br", "gzip"):
        if offered.get(encoding, offered.get("*", 0)) > 0:
            return encoding
    return "identity"


def not_modified(request, entry):
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
        return entry.etag in tags or "*" in tags
    if_modified_since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if not if_modified_since or entry.last_modified is None:
        return False
    since = parse_http_date_safe(if_modified_since)
    return since is not None and entry.last_modified <= since


def respond(request, entry):
    """The cached page for this request: 304 when the browser has it, else in the best
    encoding it accepts (nothing but the headers for HEAD)."""
    if not_modified(request, entry):
        response = HttpResponseNotModified()
    else:
        encoding = chosen_encoding(request)
        body = entry.bodies[encoding]
        response = HttpResponse(b"" if request.method == "HEAD" else body, status=entry.status)
        for name, value in entry.headers:
            response[name] = value
        response["Content-Length"] = str(len(body))
        if encoding != "identity":
            response["Content-Encoding"] = encoding
    response["ETag"] = entry.etag
    if entry.last_modified is not None:
        response["Last-Modified"] = http_date(entry.last_modified)
    response["Vary"] = ", ".join(entry.vary)
    for name, value in getattr(entry, "attributes", {}).items():  # entries of older code: none
        setattr(response, name, value)
    response["Cache-Control"] = "public, no-cache"  # always ask: a change shows at once
    return response

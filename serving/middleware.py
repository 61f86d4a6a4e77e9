"""Serving as a hospital runs it: public pages as cheap as static files, and a Dutch 503
instead of a traceback when the database is away.

PageCacheMiddleware sits just inside SecurityMiddleware and WhiteNoise: a cached page skips
sessions, authentication, CSRF and the view, and goes out with the security headers the
outer middleware adds to every response. It caches only views marked with
portal.policy.public_page, and asks the database for the content version on every request
(one small query), so a published change shows on the very next request in every worker.
Each page it sends is marked on the request (`page_served`), so that serving.early can send
the next request for it before the rest of the stack runs.
"""

import threading
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.urls import Resolver404, resolve
from django.utils import translation

from serving import cache as page_cache
from serving.errors import (
    DATABASE_DOWN,
    NoRenderSlot,
    bad_request,
    service_unavailable,
    too_many_requests,
    warn_database_down,
)
from serving.language import language_of_path
from serving.limits import refused
from serving.models import ContentVersion

CACHE_ALIAS = "default"
RENDER_RETRY_SECONDS = 10


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.last_token = None  # served from when the database is away

    def __call__(self, request):
        view = view_at(request.path_info) if request.method in ("GET", "HEAD") else None
        policy = getattr(view, "page_cache", None)
        if policy is None:
            return self.get_response(request)
        token = self.content_token(request)
        if token is None:  # the database is away and nothing was seen yet: the view says
            return self.get_response(request)
        key = page_cache.page_key(
            token, request.path_info, canonical_host(request), policy.key_parts(request)
        )
        # This worker's own copy of the page is in serving.early (sent before this runs).
        entry = caches[CACHE_ALIAS].get(key)
        if entry is None:
            response = self.get_response(request)
            if not page_cache.can_cache(response):
                return response
            entry = page_cache.make_entry(response, ContentVersion.current()[1])
            caches[CACHE_ALIAS].set(key, entry, page_cache.CACHE_TIMEOUT)
        request.page_served = (key, entry, policy)
        return page_cache.respond(request, entry)

    def content_token(self, request):
        """The content version (asked once per request: serving.early may have asked)."""
        token = getattr(request, "content_token", None)
        if token is not None:
            self.last_token = token
            return token
        try:
            self.last_token = ContentVersion.current_token()
        except DATABASE_DOWN as error:
            warn_database_down(error)
        return self.last_token


def canonical_host(request):
    """The host a cached page is made for: the site's own (PORTAL_BASE_URL) when it is set,
    as every address on the page then is; else the request's, already checked against
    ALLOWED_HOSTS by AllowedHostMiddleware."""
    if settings.SITE_BASE_URL:
        return settings.SITE_BASE_URL
    return request.get_host()


class AllowedHostMiddleware:
    """A Host not in ALLOWED_HOSTS is a Dutch 400 here, before the rate limits and the page
    cache: no cached page is ever sent for another site's name. Django would find out only
    when something below asks for the host, which a cached page never did."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request.get_host()
        except DisallowedHost:
            return bad_request(request)
        return self.get_response(request)


@lru_cache(maxsize=2048)
def view_at(path):
    """The view function at `path`, or None. Remembered per path: resolving costs more than
    the whole rest of a cached page. Resolved in the address's own language: the path words
    are translated (/en/medicines/...)."""
    try:
        with translation.override(language_of_path(path)):
            return resolve(path).func
    except Resolver404:
        return None


class RateLimitMiddleware:
    """Per-client limits (portal.policy.rate_limited) applied before anything else that
    costs. A client past its limit gets the Dutch 429 after a pause (RATE_LIMIT_PAUSE): the
    pause costs a thread but no CPU, and slows a client that keeps asking to a trickle, so
    it cannot take the turns of everyone else. At most half a worker's threads pause at
    once; past that a refusal is sent at once."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.pauses = threading.BoundedSemaphore(max(1, settings.RATE_LIMIT_PAUSING_THREADS))

    def __call__(self, request):
        limit = getattr(view_at(request.path_info), "rate_limit", None)
        if limit is not None and refused(limit, request):
            if self.pauses.acquire(blocking=False):
                try:
                    time.sleep(settings.RATE_LIMIT_PAUSE)
                finally:
                    self.pauses.release()
            return too_many_requests(request)
        return self.get_response(request)


class ServiceUnavailableMiddleware:
    """A view that cannot reach the database answers a Dutch 503 with Retry-After (JSON for
    the search box), and so does a PDF while the server makes as many as it may; the site
    recovers by itself when the database is back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            warn_database_down(exception)
            return service_unavailable(request)
        if isinstance(exception, NoRenderSlot):
            return service_unavailable(request, retry_after=RENDER_RETRY_SECONDS)
        return None

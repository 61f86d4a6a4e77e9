"""Serving as a hospital runs it: public pages as cheap as static files, and a Dutch 503
instead of a traceback when the database is away.

PageCacheMiddleware sits just inside SecurityMiddleware and WhiteNoise: a cached page skips
sessions, authentication, CSRF and the view, and goes out with the security headers the
outer middleware adds to every response. It caches only views marked with
portal.policy.public_page, and asks the database for the content version on every request
(one small query), so a published change shows on the very next request in every worker.
"""

from functools import lru_cache

from django.core.cache import caches
from django.urls import Resolver404, resolve

from medications.printing.locks import NoRenderSlot
from pages import cache as page_cache
from pages.models import ContentVersion
from portal.errors import DATABASE_DOWN, service_unavailable, warn_database_down

CACHE_ALIAS = "default"
RENDER_RETRY_SECONDS = 10


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.last_token = None  # served from when the database is away

    def __call__(self, request):
        policy = policy_for(request.path_info) if request.method in ("GET", "HEAD") else None
        if policy is None:
            return self.get_response(request)
        token = self.content_token()
        if token is None:  # the database is away and nothing was seen yet: the view says
            return self.get_response(request)
        key = page_cache.page_key(token, request.path, policy.key_parts(request))
        cache = caches[CACHE_ALIAS]
        entry = cache.get(key)
        if entry is not None:
            return page_cache.respond(request, entry)
        response = self.get_response(request)
        if not page_cache.can_cache(response):
            return response
        entry = page_cache.make_entry(response, ContentVersion.current()[1])
        cache.set(key, entry, page_cache.CACHE_TIMEOUT)
        return page_cache.respond(request, entry)

    def content_token(self):
        try:
            self.last_token = ContentVersion.current_token()
        except DATABASE_DOWN as error:
            warn_database_down(error)
        return self.last_token


@lru_cache(maxsize=2048)
def policy_for(path):
    """The cache policy of the view at `path` (None: not a cached page). Remembered per path:
    resolving costs more than the whole rest of a cached page."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return getattr(match.func, "page_cache", None)


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

"""A cached page sent as early as a static file: before the rest of the middleware stack
and the URL resolver.

EarlyPageMiddleware sits just inside RequestIdMiddleware. It learns from the requests the
full stack served from the page cache (serving.middleware.PageCacheMiddleware marks them):
which paths are cached pages (with their cache policy) and, per page, the
headers the whole stack sent with it (security headers, CSP, frame options, ...). The next
request for that page is answered here from those: one small query for the content
version, the key, and the body in the encoding asked for. What it has not seen, or cannot
answer exactly as the full stack would, goes down the stack as before:

- methods other than GET and HEAD, and paths it never saw served from the cache (the admin,
  search, PDFs, a page no one asked for yet): never answered here;
- the page's key is the cache's own (content version, build, day, path, host, language and
  the query parameters the view declared), so a query parameter the cache ignores today is
  ignored here, and one it keys on is keyed on here;
- a Host not in ALLOWED_HOSTS, or a database that is away: down the stack (a 400, a 503 or
  the page from the last version seen);
- a rate-limited page (the print view) held here is sent without counting: a limit guards
  what a render costs, and a page held ready costs what a static file costs, which no limit
  counts either. A request it cannot answer goes down the stack and is counted there;
- the headers are learned per scheme (HSTS is sent over HTTPS only, and a plain HTTP request
  that must be redirected never reached the cache, so nothing is learned for it).
"""

import weakref
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import DisallowedHost

from serving import cache as page_cache
from serving.errors import DATABASE_DOWN
from serving.models import ContentVersion

SAFE_METHODS = ("GET", "HEAD")
layers = weakref.WeakSet()  # this process's EarlyPageMiddleware (one per stack), for held()
# Set by RequestIdMiddleware, outside this one, on every response.
OUTER_PER_REQUEST = {"x-request-id"}


@dataclass(frozen=True)
class EarlyPage:
    entry: page_cache.CachedPage
    headers: tuple  # (name, value) as the whole stack sent them with the 200
    view_header_names: frozenset  # lower-case: the view's own, not sent with a 304

    @property
    def size(self):
        return self.entry.size


class EarlyPageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.paths = page_cache.RecentPages(settings.PAGE_CACHE_ENTRIES)
        self.pages = page_cache.RecentPages(
            settings.PAGE_CACHE_ENTRIES, settings.PAGE_CACHE_MAX_BYTES
        )
        layers.add(self)

    def __call__(self, request):
        response = self.early_response(request)
        if response is not None:
            return response
        response = self.get_response(request)
        self.learn(request, response)
        return response

    def early_response(self, request):
        if request.method not in SAFE_METHODS:
            return None
        policy = self.paths.get(request.path_info)  # serving.policy.CachePolicy
        if policy is None:
            return None
        try:
            host = request.get_host()
            token = ContentVersion.current_token()
        except DisallowedHost:
            return None
        except DATABASE_DOWN:  # the stack answers (the last version seen, or a 503)
            return None
        request.content_token = token  # the page cache below need not ask again
        key = early_key(request, token, host, policy)
        page = self.pages.get(key)
        if page is None:
            return None
        return respond(request, page)

    def learn(self, request, response):
        served = getattr(request, "page_served", None)
        if served is None or response.status_code != 200 or response.cookies:
            return
        page_key, entry, policy = served
        view_header_names = frozenset(name.lower() for name, _ in entry.headers)
        headers = tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in page_cache.PER_RESPONSE_HEADERS | OUTER_PER_REQUEST
        )
        self.paths.put(request.path_info, policy)
        page = EarlyPage(entry, headers, view_header_names)
        self.pages.put((page_key, request.is_secure()), page)


def held():
    """(pages, bytes) this process holds ready to send: logged when a worker stops
    (portal/gunicorn.conf.py), reported by bench/pages.py."""
    return sum(len(layer.pages) for layer in layers), sum(layer.pages.bytes for layer in layers)


def early_key(request, token, host, policy):
    canonical = settings.SITE_BASE_URL or host
    page_key = page_cache.page_key(token, request.path_info, canonical, policy.key_parts(request))
    return page_key, request.is_secure()


def respond(request, page):
    """The page cache's own answer (200 in the encoding asked for, or 304), with the headers
    the rest of the stack added to it when it was learned."""
    response = page_cache.respond(request, page.entry)
    not_modified = response.status_code == 304
    for name, value in page.headers:
        if not (not_modified and name.lower() in page.view_header_names):
            response[name] = value
    return response

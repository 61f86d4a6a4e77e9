"""How a public view is served: with which methods, and whether it is cached whole.

    path("", public_page(views.home))
    path("medicijnen/<slug:slug>/print/", public_page(views.print, params={"onderdeel": f}))

`params` names the query parameters that change the page, each with a function that turns
its values into a canonical tuple (only valid values, sorted, once each); any other query
parameter is ignored by the cache, so a made-up one cannot fill it.
"""

import logging
from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings
from django_ratelimit.core import is_ratelimited

from serving.errors import method_not_allowed
from serving.languages import language_key

SAFE_METHODS = ("GET", "HEAD")
logger = logging.getLogger("portal.cache")


@dataclass(frozen=True)
class CachePolicy:
    params: dict = field(default_factory=dict)
    # The page depends on the language asked for by `lang=` or Accept-Language (the API).
    by_language: bool = False

    def key_parts(self, request):
        parts = tuple(
            (name, canonical(request.GET.getlist(name)))
            for name, canonical in sorted(self.params.items())
        )
        if self.by_language:
            parts += (("language", language_key(request)),)
        return parts


def safe_methods_only(view):
    """GET and HEAD only; anything else is a Dutch 405 page (OPTIONS and TRACE included).
    Exempt from the CSRF check, which would answer a POST first: such a view never changes
    anything, so there is nothing to forge."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            return method_not_allowed(request, SAFE_METHODS)
        return view(request, *args, **kwargs)

    wrapped.csrf_exempt = True
    return wrapped


def public_page(view=None, *, params=None, by_language=False):
    """A page patients read: GET and HEAD only, and cached whole by serving.middleware."""

    def decorate(view):
        wrapped = safe_methods_only(view)
        wrapped.page_cache = CachePolicy(params or {}, by_language)
        return wrapped

    return decorate(view) if view is not None else decorate


@dataclass(frozen=True)
class RateLimit:
    setting: str  # the settings name of the rate, e.g. "RATE_LIMIT_PDF" = "10/m"
    group: str
    methods: tuple = ()  # only these methods count (the login form's POST); empty: all

    def rate(self, group, request):
        return getattr(settings, self.setting)

    def refuses(self, request):
        """Counts this request for its client; True once the client is past the rate. A
        counter that cannot be reached (a full disk, a Redis that is gone) lets it through."""
        if self.methods and request.method not in self.methods:
            return False
        try:
            return is_ratelimited(
                request, group=self.group, key="ip", rate=self.rate, increment=True
            )
        except Exception as error:  # noqa: BLE001 (any cache failure: serve, and say so)
            logger.warning("Rate-limit counter niet bereikbaar: %s", error)
            return False


def rate_limited(setting, group, methods=()):
    """At most `settings.<setting>` requests per client for the views of `group`
    (django-ratelimit, counted in the cache); past it a Dutch 429. The limit is applied by
    serving.middleware.RateLimitMiddleware before sessions, authentication and the view, so
    a refused request costs next to nothing, however often a client keeps asking."""

    def decorate(view):
        view.rate_limit = RateLimit(setting, group, tuple(methods))
        return view

    return decorate

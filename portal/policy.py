"""How a public view is served: with which methods, and whether it is cached whole.

    path("", public_page(views.home))
    path("medicijnen/<slug:slug>/print/", public_page(views.print, params={"onderdeel": f}))

`params` names the query parameters that change the page, each with a function that turns
its values into a canonical tuple (only valid values, sorted, once each); any other query
parameter is ignored by the cache, so a made-up one cannot fill it.
"""

from dataclasses import dataclass, field
from functools import wraps

from django.conf import settings

from portal.errors import method_not_allowed

SAFE_METHODS = ("GET", "HEAD")


@dataclass(frozen=True)
class CachePolicy:
    params: dict = field(default_factory=dict)

    def key_parts(self, request):
        return tuple(
            (name, canonical(request.GET.getlist(name)))
            for name, canonical in sorted(self.params.items())
        )


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


def public_page(view=None, *, params=None):
    """A page patients read: GET and HEAD only, and cached whole by pages.middleware."""

    def decorate(view):
        wrapped = safe_methods_only(view)
        wrapped.page_cache = CachePolicy(params or {})
        return wrapped

    return decorate(view) if view is not None else decorate


def client_address(request):
    """The visitor's address: behind a proxy the first one it forwarded, else the peer's."""
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[0].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")

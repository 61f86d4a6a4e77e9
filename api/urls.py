"""The API's addresses: django-ninja's routes, each served as the site serves its pages
(serving.policy): the cached ones through the whole-page cache (ETag, Last-Modified, 304,
keyed by the language asked for), the ones that compute per question (search, lookup, the
change feed, oEmbed) under a per-client rate limit. HEAD is answered as GET (the cache and
the server send no body).
"""

from functools import wraps

from django.urls import URLPattern
from django.utils.cache import patch_vary_headers

from api.endpoints import api
from serving.policy import CachePolicy, RateLimit

INVALID = ("?",)  # any value the view refuses (400): one key, never cached (not a 200)


def first_number(values):
    """`page=`: one small number; anything else is one key the view answers 400 for."""
    if not values:
        return ()
    return (values[0],) if values[0].isdigit() and len(values[0]) <= 4 else INVALID


def one_of(*allowed):
    return lambda values: () if not values else (values[0],) if values[0] in allowed else INVALID


FHIR_FORMAT = {"_format": one_of("json", "application/json", "application/fhir+json")}
CACHED = {
    "medicines": {"page": first_number},
    "medicine": {},
    "epi": FHIR_FORMAT,
    "epi-type2": FHIR_FORMAT,
    "code-system": {},
    "glossary": {},
    "api-root": {},
    "openapi-json": {},
    "openapi-view": {},
}
LIMITED = {"search": "search", "lookup": "api", "changes": "api", "oembed": "api"}


def served(view, name):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        asked = request.method
        if asked == "HEAD":
            request.method = "GET"
        try:
            response = view(request, *args, **kwargs)
        finally:
            request.method = asked
        patch_vary_headers(response, ["Accept-Language"])
        return response

    if name in CACHED:
        wrapped.page_cache = CachePolicy(CACHED[name], by_language=True)
    if name in LIMITED:
        wrapped.rate_limit = RateLimit("RATE_LIMIT_SEARCH", LIMITED[name])
    return wrapped


def patterns():
    routes, _app_name, _namespace = api.urls
    return [
        URLPattern(
            route.pattern, served(route.callback, route.name), route.default_args, route.name
        )
        for route in routes
    ]


app_name = api.urls_namespace  # "api": ninja's docs reverse "api:openapi-json"
urlpatterns = patterns()

"""The site's own public address, for paper, sitemaps and structured data: PORTAL_BASE_URL,
else the first allowed host. Never the request's Host header, whose port anyone can choose
(and a whole cached page or PDF would then carry it for everyone)."""

from django.conf import settings


def site_base_url():
    if settings.SITE_BASE_URL:
        return settings.SITE_BASE_URL
    scheme = "https" if settings.HTTPS else "http"
    host = next((h for h in settings.ALLOWED_HOSTS if h not in ("*", "testserver")), "localhost")
    return f"{scheme}://{host.lstrip('.')}"


def absolute_url(path):
    return site_base_url() + path

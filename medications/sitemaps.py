"""sitemap.xml: the home page, the woordenlijst and every published leaflet.

Served by django.contrib.sitemaps' own view with our template (templates/seo/sitemap.xml),
so it works whether or not "django.contrib.sitemaps" is in INSTALLED_APPS. The address is
PORTAL_BASE_URL's when it is set (as on paper), else the request's host.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from medications.models import Medication


class SiteAddressSitemap(Sitemap):
    def get_domain(self, site=None):
        if settings.SITE_BASE_URL:
            return urlsplit(settings.SITE_BASE_URL).netloc
        return super().get_domain(site)

    def get_protocol(self, protocol=None):
        if settings.SITE_BASE_URL:
            return urlsplit(settings.SITE_BASE_URL).scheme
        return super().get_protocol(protocol)


class LeafletSitemap(SiteAddressSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Medication.objects.published().order_by("slug")

    def lastmod(self, medication):
        return medication.updated_at


class PagesSitemap(SiteAddressSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return ["medications:home", "medications:glossary"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"medicijnen": LeafletSitemap, "paginas": PagesSitemap}

"""sitemap.xml: the home page, the woordenlijst and every published leaflet.

Served by django.contrib.sitemaps' own view with our template (templates/seo/sitemap.xml),
so it works whether or not "django.contrib.sitemaps" is in INSTALLED_APPS. The address is
the site's own (medications.addresses), as on paper.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from medications.addresses import site_base_url
from medications.models import Medication


class SiteAddressSitemap(Sitemap):
    """Addresses from medications.addresses, as on paper: never the request's own host."""

    def get_domain(self, site=None):
        return urlsplit(site_base_url()).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(site_base_url()).scheme


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

"""sitemap.xml: the home page, the woordenlijst and every published leaflet, each in every
language it exists in (medications.languages), with its alternates (hreflang, x-default:
the Dutch page) as Google reads them.

Served by django.contrib.sitemaps' own view with our template (templates/seo/sitemap.xml),
so it works whether or not "django.contrib.sitemaps" is in INSTALLED_APPS. The address is
the site's own (medications.addresses), as on paper.
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from medications import languages
from medications.addresses import site_base_url
from medications.models import Medication


class SiteAddressSitemap(Sitemap):
    """Addresses from medications.addresses, as on paper: never the request's own host.
    One <url> per page and language, with the page's other languages as alternates."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def languages(self):
        return languages.site_languages()

    def get_domain(self, site=None):
        return urlsplit(site_base_url()).netloc

    def get_protocol(self, protocol=None):
        return urlsplit(site_base_url()).scheme


class LeafletSitemap(SiteAddressSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return (
            Medication.objects.published()
            .with_translations()
            .prefetch_related("sections")
            .order_by("slug")
        )

    def get_languages_for_item(self, medication):
        return languages.available_languages(medication)

    def lastmod(self, medication):
        return medication.updated_at


class PagesSitemap(SiteAddressSitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return ["medications:home", "medications:glossary"]

    def get_languages_for_item(self, name):
        if name == "medications:glossary":
            return languages.glossary_languages()
        return languages.site_languages()

    def location(self, name):
        return reverse(name)


SITEMAPS = {"medicijnen": LeafletSitemap, "paginas": PagesSitemap}

"""URL configuration: the public site (medications, search) in each language of LANGUAGES,
the admin for editors (Dutch only).

The pages patients read are in `i18n_patterns`: Dutch at `/`, another language under its
prefix with its own path words (`/en/medicines/<slug>/`, from the .po files). Addresses that
are one for every language (admin, health, API, sitemap, robots, favicon) stay outside it.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from api import embedding
from medications.site import views
from medications.site.sitemaps import SITEMAPS
from portal import login
from serving.health import health
from serving.policy import public_page, safe_methods_only

admin.site.site_header = "Medicijninformatie: redactie"
admin.site.site_title = "Redactie"
admin.site.index_title = "Inhoud beheren"

embed_patterns = [
    path("<slug:slug>/", public_page(embedding.leaflet), name="leaflet"),
    path("<slug:slug>/<slug:part>/", public_page(embedding.leaflet), name="part"),
]

urlpatterns = [
    # The admin's own login, behind the checks of portal.login (before axes counts a try).
    path("beheer/login/", login.guarded(admin.site.login)),
    path("beheer/", admin.site.urls),
    # For load balancers: 200 or 503, details for staff only (serving/health.py).
    path("health/", health, name="health"),
    # Open data: the read-only API (OpenAPI document and docs at /api/v1/docs/), one address
    # for every language (lang= or Accept-Language: serving/languages.py).
    path("api/v1/", include("api.urls")),
    path(
        "sitemap.xml",
        public_page(sitemap),
        {"sitemaps": SITEMAPS, "template_name": "seo/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", public_page(views.robots_txt), name="robots"),
    path("favicon.ico", safe_methods_only(views.favicon), name="favicon"),
    *i18n_patterns(
        # The embeddable views of leaflets for patient portals, in the page's language
        # (/embed/<slug>/, /en/embed/<slug>/).
        path("embed/", include((embed_patterns, "embed"))),
        path("", include("search.urls")),
        path("", include("medications.urls")),
        prefix_default_language=False,
    ),
]

handler400 = "serving.errors.bad_request"
handler403 = "serving.errors.permission_denied"
handler404 = "serving.errors.page_not_found"
handler500 = "serving.errors.server_error"

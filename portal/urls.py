"""URL configuration: the public site (medications, search), the admin for editors."""

from django.contrib import admin
from django.urls import include, path

from api import embedding
from portal import login
from serving.health import health
from serving.policy import public_page

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
    # Open data: the read-only API (OpenAPI document and docs at /api/v1/docs/) and the
    # embeddable views of leaflets for patient portals.
    path("api/v1/", include("api.urls")),
    path("embed/", include((embed_patterns, "embed"))),
    path("", include("search.urls")),
    path("", include("medications.urls")),
]

handler400 = "serving.errors.bad_request"
handler403 = "serving.errors.permission_denied"
handler404 = "serving.errors.page_not_found"
handler500 = "serving.errors.server_error"

"""URL configuration: the public site (medications, search), the admin for editors."""

from django.contrib import admin
from django.urls import include, path

from portal import login
from serving.health import health

admin.site.site_header = "Medicijninformatie: redactie"
admin.site.site_title = "Redactie"
admin.site.index_title = "Inhoud beheren"

urlpatterns = [
    # The admin's own login, behind the checks of portal.login (before axes counts a try).
    path("beheer/login/", login.guarded(admin.site.login)),
    path("beheer/", admin.site.urls),
    # For load balancers: 200 or 503, details for staff only (serving/health.py).
    path("health/", health, name="health"),
    path("", include("search.urls")),
    path("", include("medications.urls")),
]

handler400 = "serving.errors.bad_request"
handler403 = "serving.errors.permission_denied"
handler404 = "serving.errors.page_not_found"
handler500 = "serving.errors.server_error"

"""URL configuration: the public site (medications, search), the admin for editors."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Medicijninformatie: redactie"
admin.site.site_title = "Redactie"
admin.site.index_title = "Inhoud beheren"

urlpatterns = [
    path("beheer/", admin.site.urls),
    path("", include("search.urls")),
    path("", include("medications.urls")),
]

handler404 = "medications.views.page_not_found"

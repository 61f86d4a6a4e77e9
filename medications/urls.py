from django.contrib.sitemaps.views import sitemap
from django.urls import path

from medications import views
from medications.printing import views as printing
from medications.sitemaps import SITEMAPS

app_name = "medications"

urlpatterns = [
    path("", views.home, name="home"),
    path("medicijnen/<slug:slug>/", views.medication_detail, name="detail"),
    path("medicijnen/<slug:slug>/print/", printing.medication_print, name="print"),
    path("medicijnen/<slug:slug>.pdf", printing.medication_pdf, name="pdf"),
    path("woordenlijst/", views.glossary, name="glossary"),
    path("reactie/", views.send_feedback, name="feedback"),
    path("reactie/bedankt/", views.feedback_thanks, name="feedback_thanks"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": SITEMAPS, "template_name": "seo/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
]

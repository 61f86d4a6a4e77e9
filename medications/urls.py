from django.contrib.sitemaps.views import sitemap
from django.urls import path

from medications.choices import SectionKind
from medications.printing import views as printing
from medications.site import views
from medications.site.sitemaps import SITEMAPS
from serving.policy import public_page, safe_methods_only

app_name = "medications"

urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("medicijnen/<slug:slug>/", public_page(views.medication_detail), name="detail"),
    path(
        "medicijnen/<slug:slug>/print/",
        public_page(printing.medication_print, params={"onderdeel": SectionKind.canonical}),
        name="print",
    ),
    path("medicijnen/<slug:slug>.pdf", safe_methods_only(printing.medication_pdf), name="pdf"),
    path("woordenlijst/", public_page(views.glossary), name="glossary"),
    # A reader's answer is a POST (no page cache, its own checks: medications/feedback.py).
    path("reactie/", views.send_feedback, name="feedback"),
    path("reactie/bedankt/", safe_methods_only(views.feedback_thanks), name="feedback_thanks"),
    path(
        "sitemap.xml",
        public_page(sitemap),
        {"sitemaps": SITEMAPS, "template_name": "seo/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", public_page(views.robots_txt), name="robots"),
    path("favicon.ico", safe_methods_only(views.favicon), name="favicon"),
]

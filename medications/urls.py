from django.urls import path

from medications import views
from medications.choices import SectionKind
from medications.printing import views as printing
from portal.policy import public_page, safe_methods_only

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
]

from django.urls import path

from medications import views
from medications.printing import views as printing

app_name = "medications"

urlpatterns = [
    path("", views.home, name="home"),
    path("medicijnen/<slug:slug>/", views.medication_detail, name="detail"),
    path("medicijnen/<slug:slug>/print/", printing.medication_print, name="print"),
    path("medicijnen/<slug:slug>.pdf", printing.medication_pdf, name="pdf"),
    path("woordenlijst/", views.glossary, name="glossary"),
]

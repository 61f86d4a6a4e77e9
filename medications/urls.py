from django.urls import path

from medications import views

app_name = "medications"

urlpatterns = [
    path("", views.home, name="home"),
    path("medicijnen/<slug:slug>/", views.medication_detail, name="detail"),
    path("medicijnen/<slug:slug>/print/", views.medication_print, name="print"),
    path("medicijnen/<slug:slug>.pdf", views.medication_pdf, name="pdf"),
    path("woordenlijst/", views.glossary, name="glossary"),
    path("zoeken/", views.search, name="search"),
    path("zoeken/suggesties/", views.search_suggestions, name="search_suggestions"),
]

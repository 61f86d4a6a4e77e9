from django.urls import path

from search import views

app_name = "search"

urlpatterns = [
    path("zoeken/", views.search, name="search"),
    path("zoeken/suggesties/", views.suggestions, name="suggestions"),
]

from django.urls import path

from portal.policy import safe_methods_only
from search import views

app_name = "search"

urlpatterns = [
    path("zoeken/", safe_methods_only(views.search), name="search"),
    path("zoeken/suggesties/", safe_methods_only(views.suggestions), name="suggestions"),
]

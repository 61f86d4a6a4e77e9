from django.urls import path

from search import views
from serving.policy import safe_methods_only

app_name = "search"

urlpatterns = [
    path("zoeken/", safe_methods_only(views.search), name="search"),
    path("zoeken/suggesties/", safe_methods_only(views.suggestions), name="suggestions"),
]

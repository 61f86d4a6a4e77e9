from django.urls import path
from django.utils.translation import gettext_lazy as _

from search import views
from serving.policy import safe_methods_only

app_name = "search"

urlpatterns = [
    path(_("zoeken/"), safe_methods_only(views.search), name="search"),
    path(_("zoeken/suggesties/"), safe_methods_only(views.suggestions), name="suggestions"),
]

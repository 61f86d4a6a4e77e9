from django.urls import path
from django.utils.translation import gettext_lazy as _

from portal.policy import safe_methods_only
from search import views

app_name = "search"

urlpatterns = [
    path(_("zoeken/"), safe_methods_only(views.search), name="search"),
    path(_("zoeken/suggesties/"), safe_methods_only(views.suggestions), name="suggestions"),
]

"""Readers' feedback in the admin: read-only, for both editor roles (view_feedback).

The list can be filtered by leaflet, section and answer, and shows how many answers each
choice has (the admin's facets): per leaflet, how many said yes and no. Nobody can add or
change an answer here: it is what a reader sent.
"""

from django.contrib import admin
from django.contrib.admin import ShowFacets

from medications.models import Feedback, Medication


class LeafletFilter(admin.RelatedOnlyFieldListFilter):
    """Feedback belongs to a leaflet's working copy, which the default manager (live copies)
    does not list: the choices come from the working copies named by the answers."""

    def field_choices(self, field, request, model_admin):
        named = model_admin.get_queryset(request).values_list("medication_id", flat=True)
        return [(m.pk, str(m)) for m in Medication.working_copies.filter(pk__in=named)]


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ("created_on", "medication", "section_kind", "answer", "comment")
    list_filter = (
        ("medication", LeafletFilter),
        "helpful",
        "section_kind",
        "created_on",
    )
    show_facets = ShowFacets.ALWAYS
    search_fields = ("comment",)
    date_hierarchy = "created_on"
    list_select_related = ("medication",)
    fields = ("created_on", "medication", "page", "section_kind", "helpful", "comment")
    readonly_fields = fields

    @admin.display(description="geholpen", boolean=True, ordering="helpful")
    def answer(self, feedback):
        return feedback.helpful

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

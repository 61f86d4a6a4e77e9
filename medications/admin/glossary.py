"""The glossary in the admin. A change is live at once (it explains words on every page), so
only an Eindredacteur may make it; every change is a version in the history."""

from django.contrib import admin
from django.db.models import Prefetch

from medications.admin.base import WritePathAdmin
from medications.models import GlossaryTerm, Medication


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(WritePathAdmin):
    list_display = ("term", "variants", "used_in")
    search_fields = ("term", "variants", "explanation_markdown")
    prepopulated_fields = {"slug": ("term",)}
    fields = ("term", "slug", "variants", "explanation_markdown")

    def get_queryset(self, request):
        working = Prefetch("medications", queryset=Medication.working_copies.all())
        return super().get_queryset(request).prefetch_related(working)

    @admin.display(description="Gebruikt in")
    def used_in(self, term):
        return ", ".join(m.name for m in term.medications.all()) or "-"

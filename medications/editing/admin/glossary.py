"""The glossary in the admin. A change is live at once (it explains words on every page), so
only an Eindredacteur may make it; every change is a version in the history."""

from django.contrib import admin
from django.db.models import Prefetch

from medications import publishing
from medications.editing.admin.base import WritePathAdmin
from medications.editing.admin.editing import EditingMixin
from medications.editing.admin.glossary_form import GlossaryTermAdminForm
from medications.models import GlossaryTerm, Medication


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(EditingMixin, WritePathAdmin):
    form = GlossaryTermAdminForm
    change_form_template = "admin/medications/glossaryterm/change_form.html"
    list_display = ("term", "variants", "used_in")
    search_fields = ("term", "variants", "explanation_markdown")
    prepopulated_fields = {"slug": ("term",)}
    fields = ("term", "slug", "variants", "explanation_markdown")

    def declare(self, batch, term):
        batch.term_changed(term)

    def save_model(self, request, obj, form, change):
        publishing.term_edited(obj)
        super().save_model(request, obj, form, change)
        with publishing.changes() as batch:
            batch.term_changed(obj)

    def get_queryset(self, request):
        working = Prefetch("medications", queryset=Medication.working_copies.all())
        return super().get_queryset(request).prefetch_related(working)

    @admin.display(description="Gebruikt in")
    def used_in(self, term):
        return ", ".join(m.name for m in term.medications.all()) or "-"

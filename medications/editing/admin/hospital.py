"""The hospital's own phone numbers (its route for patients), kept by an Eindredacteur; every
change is a version in the history (django-reversion's VersionAdmin: list, compare by date,
restore) and reaches every page at once, through the write path."""

from django.contrib import admin
from reversion.admin import VersionAdmin

from medications import publishing
from medications.models import HospitalContact


@admin.register(HospitalContact)
class HospitalContactAdmin(VersionAdmin):
    list_display = ("purpose", "name", "hours", "phone", "position")
    list_editable = ("position",)
    ordering = ("position", "pk")

    def announced(self, view, request, *args, **kwargs):
        """Run an admin view; a POST (a save, delete or restore) is announced to the pages."""
        with publishing.changes() as batch:
            response = view(request, *args, **kwargs)
            if request.method == "POST":
                batch.hospital_route_changed()
            return response

    def changeform_view(self, request, *args, **kwargs):
        return self.announced(super().changeform_view, request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):
        return self.announced(super().changelist_view, request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        return self.announced(super().delete_view, request, *args, **kwargs)

    def revision_view(self, request, *args, **kwargs):
        return self.announced(super().revision_view, request, *args, **kwargs)

    def recover_view(self, request, *args, **kwargs):
        return self.announced(super().recover_view, request, *args, **kwargs)

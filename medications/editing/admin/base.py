"""What every content admin shares: its changes go through the write path, as one version."""

from django import forms
from django.forms.models import BaseInlineFormSet
from modeltranslation.admin import TabbedTranslationAdmin

from medications import publishing
from medications.editing import history


class WritePathAdmin(TabbedTranslationAdmin):
    """Every change made through these admin pages goes through the write path: its derived
    data (HTML, terms used, search) is made once, when the request's change ends, and it is
    one version in the history, with who made it. Each admin declares what it changed
    (`declare`), on save and on delete. Each translated field is a row of tabs, one per
    language (the scripts served from this site: settings.JQUERY_UI_URL)."""

    def changeform_view(self, request, *args, **kwargs):
        with publishing.changes(), history.revision(request.user, self.change_comment(request)):
            return super().changeform_view(request, *args, **kwargs)

    def delete_view(self, request, *args, **kwargs):
        with publishing.changes():
            return super().delete_view(request, *args, **kwargs)

    def changelist_view(self, request, *args, **kwargs):  # actions and bulk deletes
        with publishing.changes(), history.revision(request.user, "Via de lijst gewijzigd"):
            return super().changelist_view(request, *args, **kwargs)

    def change_comment(self, request):
        return "Gewijzigd in de beheeromgeving"

    def declare(self, batch, obj):
        """Tell the write path's batch that `obj` was saved or is being deleted."""
        raise NotImplementedError

    def delete_model(self, request, obj):
        with publishing.changes() as batch:
            self.declare(batch, obj)
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with publishing.changes() as batch:
            for obj in queryset:
                self.declare(batch, obj)
            super().delete_queryset(request, queryset)


class KnownRowsFormSet(BaseInlineFormSet):
    """An inline formset that finds each posted row among the rows it already fetched, where
    Django's own asks the database once per row (a query per section on every save)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields.get(self._pk_field.name)
        if isinstance(field, forms.ModelChoiceField):
            field.to_python = self.known_row

    def known_row(self, value):
        if value in forms.Field.empty_values:
            return None
        if not hasattr(self, "_known_rows"):
            self._known_rows = {str(row.pk): row for row in self.get_queryset()}
        row = self._known_rows.get(str(value))
        if row is None:
            raise forms.ValidationError(
                "Dit onderdeel bestaat niet meer. Laad de pagina opnieuw.", code="invalid_choice"
            )
        return row

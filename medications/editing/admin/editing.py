"""What every content change form shares: the edit version it was loaded from (no lost
update, admin.concurrency), who else has it open (admin.presence), the reviewer's comment,
and the first error of a long form linked at the top."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, JsonResponse
from django.urls import path, reverse

from medications.editing.admin import presence
from medications.editing.admin.concurrency import VersionCheckedForm, side_by_side
from medications.editing.admin.formsets import first_error


class EditingMixin:
    form = VersionCheckedForm

    def get_object(self, request, object_id, from_field=None):
        """On a save, the row is read locked until the save commits: the edit version the form
        is checked against (admin.concurrency) cannot change in between."""
        if request.method != "POST" or from_field or transaction.get_autocommit():
            return super().get_object(request, object_id, from_field)
        queryset = self.get_queryset(request).select_for_update(of=("self",))
        try:
            return queryset.get(pk=self.opts.pk.to_python(object_id))
        except (self.model.DoesNotExist, ValidationError, ValueError):
            return None

    def presence_url_name(self):
        return f"{self.opts.app_label}_{self.opts.model_name}_presence"

    def get_urls(self):
        view = self.admin_site.admin_view(self.presence_view)
        heartbeat = path("<path:object_id>/aanwezig/", view, name=self.presence_url_name())
        return [heartbeat, *super().get_urls()]

    def presence_view(self, request, object_id):
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        response = JsonResponse({"notices": presence.notices(request.user, obj)})
        response["Cache-Control"] = "private, no-store"
        return response

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        formsets = [inline.formset for inline in context.get("inline_admin_formsets", [])]
        if getattr(form, "conflict", None):
            context["conflict"] = form.conflict
            context["merge_rows"] = side_by_side(form, formsets)
        if obj is not None and obj.pk is not None:
            context["presence_notices"] = presence.notices(request.user, obj)
            context["presence_url"] = reverse(f"admin:{self.presence_url_name()}", args=[obj.pk])
            context["presence_every"] = presence.HEARTBEAT
        context["first_error"] = first_error(form, formsets)
        return super().render_change_form(request, context, add, change, form_url, obj)

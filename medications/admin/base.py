"""What every content admin shares: its changes go through the write path, as one version."""

from modeltranslation.admin import TranslationAdmin

from medications import history, publishing


class WritePathAdmin(TranslationAdmin):
    """Every change made through these admin pages goes through the write path: its derived
    data (HTML, terms used, search) is made once, when the request's change ends, and it is
    one version in the history, with who made it."""

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

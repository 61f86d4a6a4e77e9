"""No lost update: optimistic concurrency on the admin's change forms.

The form carries the edit version it was loaded from (`loaded_version`, hidden). On save the
row is read locked (SELECT ... FOR UPDATE, by the admin's get_object: no extra query) and its
version compared: when someone saved in between, nothing is written,
the editor keeps their text in the form, and sees theirs and the other's side by side
(`side_by_side`) to merge. The hidden version then moves on to the one just read, so the
merged text is saved by the next click, unless someone saves again in between.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from reversion.models import Version

from medications.editing.history import marked_pair
from medications.publishing.forms import CleanTextForm, StructuredField

NOT_COMPARED = {"id", "DELETE", "medication", "loaded_version"}


@dataclass
class Conflict:
    saved_by: str
    saved_at: object  # aware datetime or None


@dataclass
class MergeRow:
    label: str
    theirs: str
    yours: str

    @property
    def marked(self):
        """Both texts with the words that differ marked: (theirs, yours)."""
        return marked_pair(self.theirs, self.yours)


class VersionCheckedForm(CleanTextForm):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    conflict = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["loaded_version"].initial = self.instance.edit_version

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_version")
        if self.instance.pk is None or loaded is None:
            return cleaned
        # The instance was read with its row locked (EditingMixin.get_object): its version is
        # the stored one, and no other save can come in between until this one commits.
        current = self.instance.edit_version
        if current != loaded:
            self.conflict = last_save(self.instance)
            data = self.data.copy()
            data[self.add_prefix("loaded_version")] = current
            self.data = data
            raise ValidationError(conflict_message(self.instance, self.conflict), code="conflict")
        return cleaned


def last_save(instance):
    newest = Version.objects.get_for_object(instance).select_related("revision__user").first()
    if newest is None:
        return Conflict("iemand anders", None)
    user = newest.revision.user
    name = (user.get_full_name() or user.get_username()) if user else "het systeem (bestanden)"
    return Conflict(name, newest.revision.date_created)


def conflict_message(instance, conflict):
    when = ""
    if conflict.saved_at:
        when = f" om {timezone.localtime(conflict.saved_at):%H:%M}"
    return (
        f"Niet opgeslagen: {conflict.saved_by} heeft '{instance}'{when} opgeslagen, nadat u "
        "deze pagina opende. Uw tekst staat nog in het formulier; er is niets verloren. "
        "Hieronder staan hun tekst en de uwe naast elkaar: neem over wat u wilt houden en "
        "sla opnieuw op."
    )


def shown(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")
    return str(value).replace("\r\n", "\n").strip()


def form_rows(form, saved, prefix=""):
    """Fields whose stored value (`saved`, fresh from the database) differs from the form's."""
    rows = []
    for name, field in form.fields.items():
        if name in NOT_COMPARED:
            continue
        yours = form.cleaned_data.get(name, form[name].value()) if form.is_bound else None
        theirs = getattr(saved, name, "") if saved is not None else ""
        if hasattr(theirs, "pk"):
            theirs = str(theirs)
        if isinstance(field, StructuredField):
            # The same YAML an editor writes, keys in one order: PostgreSQL's jsonb keeps
            # its own order, which is no difference.
            theirs = field.prepare_value(type(field).clean_value(theirs))
            yours = field.prepare_value(yours)
        if shown(theirs) != shown(yours):
            rows.append(MergeRow(f"{prefix}{field.label}", shown(theirs), shown(yours)))
    return rows


def side_by_side(form, formsets):
    """Rows of what differs between the saved version and the editor's form: the leaflet's
    (or term's) fields, then each section and member, by what the editor sees."""
    model = type(form.instance)
    saved = model._base_manager.get(pk=form.instance.pk)
    rows = form_rows(form, saved)
    for formset in formsets:
        current = {
            row.pk: row for row in formset.model._base_manager.filter(medication_id=saved.pk)
        }
        for inline_form in formset.forms:
            pk = inline_form.instance.pk
            if not inline_form.has_changed() and pk is None:
                continue
            stored = current.get(pk)
            title = str(stored or inline_form.instance)
            rows += form_rows(inline_form, stored, prefix=f"{title}: ")
    return rows

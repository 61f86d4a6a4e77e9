"""The admin's inline formsets with the loader's rules and Dutch messages: a section code or a
member's substance used twice in one leaflet is refused with the field's Dutch name (Django
would say "dubbele gegevens voor kind"). And the first error of a long form, to link to."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from medications.editing.admin.base import KnownRowsFormSet


class UniqueWithinLeafletFormSet(KnownRowsFormSet):
    unique_field = None  # set per inline

    def validate_unique(self):
        seen = {}
        for number, form in enumerate(self.forms, start=1):
            if not form.is_valid() or self._should_delete_form(form):
                continue
            value = form.cleaned_data.get(self.unique_field)
            if value in (None, ""):
                continue
            if value in seen:
                field = form.fields[self.unique_field]
                shown = (
                    dict(field.choices).get(value, value) if hasattr(field, "choices") else value
                )
                message = (
                    f"{field.label} '{shown}' staat twee keer in deze folder (nummer "
                    f"{seen[value]} en {number}). Elk(e) {str(field.label).lower()} mag één keer "
                    "voorkomen: voeg de teksten samen of kies een ander(e)."
                )
                form.add_error(self.unique_field, message)
                raise ValidationError(message, code="unique")
            seen[value] = number
        super().validate_unique()


class SectionFormSet(UniqueWithinLeafletFormSet):
    unique_field = "kind"


class MemberFormSet(UniqueWithinLeafletFormSet):
    unique_field = "substance"


@dataclass
class FirstError:
    anchor: str
    label: str
    message: str


def first_error(form, formsets):
    """The first field with an error, in page order: the leaflet's fields, then the inlines."""
    if not form.is_bound:
        return None
    for candidate in [form, *(f for formset in formsets for f in formset.forms)]:
        for name, errors in candidate.errors.items():
            if name == "__all__" or name not in candidate.fields:
                continue
            bound = candidate[name]
            return FirstError(bound.id_for_label, str(bound.label), " ".join(errors))
    for formset in formsets:
        if formset.non_form_errors():
            return FirstError(f"{formset.prefix}-group", "", " ".join(formset.non_form_errors()))
    return None

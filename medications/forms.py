"""The forms that check content from files with the models' own rules (lengths, choices,
validators, constraints). Adding a field to a leaflet means adding it to the model and to
`LeafletForm.Meta.fields`; the loader, the exporter and the error messages follow."""

from django import forms

from medications.models import GlossaryTerm, Medication, Member, Section
from medications.text import clean_text, split_lines, split_names


class CleanTextForm(forms.ModelForm):
    """A ModelForm whose text is normalised (medications.text.clean_text) before the model's
    rules see it: the one way in for text, from the admin and from content files alike. The
    browser gets no `maxlength`: it would cut a pasted name without a word, where the model's
    rule says in Dutch how long it may be."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("maxlength", None)

    def clean(self):
        cleaned = super().clean()
        for name, value in cleaned.items():
            if isinstance(value, str):
                cleaned[name] = clean_text(value)
        return cleaned


class NameListField(forms.CharField):
    """A list of names, stored comma-separated. Takes a list (from a content file) or a
    comma-separated text (from a form)."""

    separator = ", "
    split = staticmethod(split_names)
    default_error_messages = {
        "not_a_list": "moet een lijst met namen zijn, zoals [A, B].",
        "separator": "een naam bevat een komma: %(name)r.",
    }

    def to_python(self, value):
        if value in self.empty_values:
            return ""
        if isinstance(value, str):
            return self.separator.join(self.split(value))
        if not isinstance(value, list) or not all(
            isinstance(name, str) and name.strip() for name in value
        ):
            raise forms.ValidationError(self.error_messages["not_a_list"], code="not_a_list")
        for name in value:
            if self.separator.strip() and self.separator.strip() in name:
                raise forms.ValidationError(
                    self.error_messages["separator"], code="separator", params={"name": name}
                )
        return self.separator.join(" ".join(name.split()) for name in value)


class LineListField(NameListField):
    """A list of short sentences, stored one per line."""

    separator = "\n"
    split = staticmethod(split_lines)
    default_error_messages = {"not_a_list": "moet een lijst zijn, met op elke regel '- ...'."}


class FileDatesMixin:
    """Dates in content files are written one way only: 2026-11-23."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.input_formats = ["%Y-%m-%d"]


class LeafletForm(FileDatesMixin, CleanTextForm):
    """A leaflet's front matter. The order of `fields` is the order the exporter writes."""

    class Meta:
        model = Medication
        fields = [
            "slug",
            "name",
            "kind",
            "route",
            "brand_names",
            "other_names",
            "summary",
            "source_publisher",
            "source_title",
            "source_date",
            "source_note",
            "key_points",
            "urgent_summary",
            "contact_name",
            "contact_phone",
            "last_reviewed",
            "reviewed_by",
            "next_review",
            "owner_department",
            "reference_number",
        ]
        field_classes = {
            "brand_names": NameListField,
            "other_names": NameListField,
            "key_points": LineListField,
        }


class MemberForm(CleanTextForm):
    """One medicine of a group leaflet (`members:` in the front matter)."""

    class Meta:
        model = Member
        fields = ["substance", "brand_names", "note"]
        field_classes = {"brand_names": NameListField}


class SectionForm(CleanTextForm):
    class Meta:
        model = Section
        fields = ["kind", "heading", "body_markdown", "source_silent"]


class GlossaryTermForm(CleanTextForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "slug", "variants", "explanation_markdown"]
        field_classes = {"variants": NameListField}

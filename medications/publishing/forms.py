"""The forms that check content from files with the models' own rules (lengths, choices,
validators, constraints). Adding a field to a leaflet means adding it to the model and to
`LeafletForm.Meta.fields`; the loader, the exporter and the error messages follow."""

import yaml
from django import forms

from medications import safety
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


class StructuredField(forms.Field):
    """Structured safety data (medications.safety): a list or mapping from a content file's
    front matter, or the same written as YAML in the admin's text box. Shown to an editor as
    YAML, the way the content files write it."""

    widget = forms.Textarea(attrs={"rows": 12, "class": "structured-yaml", "spellcheck": "true"})
    clean_value = None  # one of medications.safety's clean_* functions

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        super().__init__(**kwargs)  # stored as plain JSON: no custom encoder

    def to_python(self, value):
        if isinstance(value, str):
            try:
                value = yaml.safe_load(value) if value.strip() else None
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                where = f" (regel {mark.line + 1})" if mark else ""
                raise forms.ValidationError(f"Dit is geen geldige YAML{where}.") from error
        return type(self).clean_value(value)

    def validate(self, value):
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")

    def prepare_value(self, value):
        if isinstance(value, str) or not value:
            return value or ""
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=90)

    def has_changed(self, initial, data):
        try:
            return self.to_python(data) != (initial or type(self).clean_value(None))
        except forms.ValidationError:
            return True


class AlarmField(StructuredField):
    clean_value = staticmethod(safety.clean_alarm)


class ContactsField(StructuredField):
    clean_value = staticmethod(safety.clean_contacts)


class QuestionsField(StructuredField):
    clean_value = staticmethod(safety.clean_questions)


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
            "substance",
            "atc",
            "summary",
            "source_publisher",
            "source_title",
            "source_date",
            "source_note",
            "key_points",
            "alarm",
            "contacts",
            "questions",
            "adaptations",
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
            "adaptations": LineListField,
            "alarm": AlarmField,
            "contacts": ContactsField,
            "questions": QuestionsField,
        }


class MemberForm(CleanTextForm):
    """One medicine of a group leaflet (`members:` in the front matter)."""

    class Meta:
        model = Member
        fields = ["substance", "brand_names", "atc", "note"]
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


# --- Translations: only the text a translator writes; codes and facts stay the source's ---


class LeafletTranslationForm(CleanTextForm):
    """A translated leaflet's front matter: the text fields, checked by the same rules. The
    codes and facts (slug, kind, urgency, phone numbers, dates) are the Dutch leaflet's; the
    loader checks that a translation repeats them (content.translations)."""

    class Meta:
        model = Medication
        fields = [
            "name",
            "summary",
            "source_note",
            "key_points",
            "alarm",
            "contacts",
            "questions",
            "adaptations",
        ]
        field_classes = {
            "key_points": LineListField,
            "adaptations": LineListField,
            "alarm": AlarmField,
            "contacts": ContactsField,
            "questions": QuestionsField,
        }


class MemberTranslationForm(CleanTextForm):
    class Meta:
        model = Member
        fields = ["note"]


class SectionTranslationForm(CleanTextForm):
    class Meta:
        model = Section
        fields = ["heading", "body_markdown"]


class GlossaryTermTranslationForm(CleanTextForm):
    class Meta:
        model = GlossaryTerm
        fields = ["term", "variants", "explanation_markdown"]
        field_classes = {"variants": NameListField}

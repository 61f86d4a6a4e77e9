"""Parsed content -> the models' own rules. Each leaflet's front matter, members and sections
and each glossary term go through the ModelForms of medications.publishing.forms; every broken
rule comes back as "file, regel N: what to change", and nothing is written until all of them
pass.

The front matter's keys are the form's fields; a group such as `source:` holds the fields
named `source_<key>`. Two keys are not fields: `members` (a list, one MemberForm each) and
`published` (true or false: whether the page is online).
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import UniqueConstraint

from medications.content.errors import ContentError, ContentErrors
from medications.content.parse import text_value
from medications.models import GlossaryTerm, Medication, Member
from medications.publishing.forms import (
    GlossaryTermForm,
    LeafletForm,
    MemberForm,
    NameListField,
    SectionForm,
    StructuredField,
)
from medications.publishing.rendering import removed_markup
from medications.shape_checks import overlong, table_warnings, word_count

# Front matter `source: {title: ...}` holds the fields source_title, ...
GROUPS = ("source",)
MEMBERS_KEY = "members"
PUBLISHED_KEY = "published"


@dataclass
class ValidLeaflet:
    source: object  # parse.LeafletSource
    form: LeafletForm
    members: list
    sections: list
    published: bool

    @property
    def slug(self):
        return self.form.cleaned_data["slug"]


@dataclass
class ValidTerm:
    source: object  # parse.TermSource
    form: GlossaryTermForm


def sanitising_warnings(content):
    """HTML in the Markdown that sanitising takes out (a script, an event attribute): the
    load goes on, but the editor hears of it, with file and line."""
    warnings = []
    for leaflet in content.leaflets:
        for section in leaflet.sections:
            for item in removed_markup(section.body):
                line = section.line + 1 + line_offset(section.body, item)
                warnings.append(ContentError(leaflet.path, line, removed_message(item)))
    for term in content.terms:
        for item in removed_markup(term.explanation):
            warnings.append(ContentError(content.glossary_path, term.line, removed_message(item)))
    return warnings + shape_warnings(content)


def shape_warnings(content):
    """Broken tables and very long sections: the admin's warnings, with file and line."""
    warnings = []
    for leaflet in content.leaflets:
        long = overlong({s.line: word_count(s.body) for s in leaflet.sections})
        for section in leaflet.sections:
            for warning in table_warnings(section.body):
                # The body starts two lines under the heading (parse strips the blank line).
                line = section.line + 1 + warning.line
                warnings.append(ContentError(leaflet.path, line, warning.message))
            if section.line in long:
                warnings.append(ContentError(leaflet.path, section.line, long[section.line]))
    return warnings


def removed_message(item):
    return f"{item} wordt weggehaald: zulke HTML komt nooit op de pagina."


def line_offset(body, item):
    """Lines from the section's heading to the first line that holds `item`'s tag or name."""
    needle = item.split()[0].strip("<>'\"") if item.startswith("<") else item.split()[0]
    lines = body.split("\n")
    # The heading line is followed by the body after one blank line (parse strips the body).
    return next((number + 1 for number, line in enumerate(lines) if needle in line), 0)


def validate_content(content, leaflets_by_slug=None, terms_by_slug=None):
    """Check parsed content (parse.ContentSource) against the models. Forms are bound to the
    working copies they will update (found by slug), so unique checks pass for the row
    itself. Returns
    (ValidLeaflet list, ValidTerm list) or raises ContentErrors."""
    if leaflets_by_slug is None:
        slugs = [leaflet.slug for leaflet in content.leaflets]
        leaflets_by_slug = {m.slug: m for m in Medication.working_copies.filter(slug__in=slugs)}
    if terms_by_slug is None:
        terms_by_slug = GlossaryTerm.objects.in_bulk(field_name="slug")
    errors = []
    leaflets = [
        validate_leaflet(leaflet, leaflets_by_slug.get(leaflet.slug), errors)
        for leaflet in content.leaflets
    ]
    terms = [
        validate_term(content.glossary_path, term, terms_by_slug.get(term.slug), errors)
        for term in content.terms
    ]
    if errors:
        raise ContentErrors(errors)
    return leaflets, terms


# --- Leaflets -----------------------------------------------------------------------------


def front_matter_keys(form_class):
    """Field name -> the key a content file writes for it ('source_title' -> 'source.title')."""
    keys = {}
    for name in form_class._meta.fields:
        group = next((g for g in GROUPS if name.startswith(f"{g}_")), None)
        keys[name] = f"{group}.{name.removeprefix(f'{group}_')}" if group else name
    return keys


def form_data(values, form_class, report):
    """Values as written -> form data: names lists stay lists, yes/no stays a boolean, any
    other value becomes one line of text. `report(key, message)` gets shape problems."""
    data = {}
    for name, field in form_class.base_fields.items():
        value = values.get(name)
        if value is None:
            data[name] = None
        elif isinstance(field, StructuredField):
            data[name] = value  # lists and mappings: the field checks their shape
        elif isinstance(field, NameListField):
            if not isinstance(value, list):
                report(name, "moet een lijst met namen zijn, zoals [A, B].")
            data[name] = value if isinstance(value, list) else None
        elif isinstance(field, forms.BooleanField):
            if not isinstance(value, bool):
                report(name, "moet true of false zijn.")
            data[name] = value is True
        elif isinstance(value, list | dict):
            report(name, "moet tekst zijn.")
        else:
            data[name] = text_value(value)
    return data


def validate_leaflet(leaflet, existing, errors):
    def error(key, message):
        errors.append(ContentError(leaflet.path, leaflet.line_of(key.split(".")[0]), message))

    keys = front_matter_keys(LeafletForm)
    values = flatten_groups(leaflet.front, error)
    known = {key.split(".")[0] for key in keys.values()} | {MEMBERS_KEY, PUBLISHED_KEY}
    for key in leaflet.front:
        if key not in known:
            error(key, f"onbekend veld '{key}'. Bekende velden: {', '.join(sorted(known))}.")
    data = form_data(
        values,
        LeafletForm,
        lambda name, message: error(keys[name], field_message(keys[name], message)),
    )
    form = LeafletForm(data, instance=existing)
    report_form_errors(form, keys, error)

    published = leaflet.front.get(PUBLISHED_KEY, True)
    if not isinstance(published, bool):
        error(PUBLISHED_KEY, f"het veld '{PUBLISHED_KEY}' moet true of false zijn.")
    members = validate_members(leaflet.front.get(MEMBERS_KEY, []), error)
    sections = validate_sections(leaflet, errors)
    return ValidLeaflet(leaflet, form, members, sections, published is True)


def flatten_groups(front, error):
    """`source: {title: x}` -> {'source_title': x}; other keys as they are."""
    values = {}
    for key, value in front.items():
        if key not in GROUPS:
            values[key] = value
            continue
        if value is None:
            continue
        if not isinstance(value, dict):
            error(key, f"het veld '{key}' moet velden bevatten, zoals {key}: {{title: ...}}.")
            continue
        group_fields = {
            name.removeprefix(f"{key}_")
            for name in LeafletForm._meta.fields
            if name.startswith(f"{key}_")
        }
        unknown = set(value) - group_fields
        if unknown:
            error(key, f"onbekend veld in '{key}': {', '.join(sorted(map(str, unknown)))}.")
        values.update({f"{key}_{sub}": item for sub, item in value.items() if sub in group_fields})
    return values


def validate_members(items, error):
    if not isinstance(items, list):
        error(MEMBERS_KEY, f"het veld '{MEMBERS_KEY}' moet een lijst zijn.")
        return []
    keys = {name: f"{MEMBERS_KEY}.{name}" for name in MemberForm._meta.fields}
    members = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            error(
                MEMBERS_KEY,
                f"lid {number} in '{MEMBERS_KEY}' moet velden hebben, zoals substance: ...",
            )
            continue
        unknown = set(item) - set(MemberForm._meta.fields)
        if unknown:
            error(
                MEMBERS_KEY,
                f"onbekend veld in '{MEMBERS_KEY}': {', '.join(sorted(map(str, unknown)))}.",
            )

        def member_error(key, message, number=number):
            error(MEMBERS_KEY, f"lid {number}: {message}")

        data = form_data(
            item,
            MemberForm,
            lambda name, message: member_error(name, field_message(keys[name], message)),
        )
        form = MemberForm(data)
        report_form_errors(form, keys, member_error)
        members.append(form)
    for number in repeated(members, Member):
        error(MEMBERS_KEY, f"lid {number}: " + unique_message(Member))
    return members


def validate_sections(leaflet, errors):
    sections = []
    for section in leaflet.sections:

        def error(key, message, line=section.line):
            errors.append(ContentError(leaflet.path, line, message))

        form = SectionForm(
            {
                "kind": section.kind,
                "heading": section.heading,
                "body_markdown": section.body,
                "source_silent": section.source_silent,
            }
        )
        report_form_errors(form, {name: name for name in SectionForm._meta.fields}, error)
        sections.append(form)
    return sections


# --- Glossary -----------------------------------------------------------------------------


def validate_term(path, term, existing, errors):
    def error(key, message):
        errors.append(ContentError(path, term.line, message))

    form = GlossaryTermForm(
        {
            "term": term.term,
            "slug": term.slug,
            "variants": term.variants,
            "explanation_markdown": term.explanation,
        },
        instance=existing,
    )
    report_form_errors(form, {name: name for name in GlossaryTermForm._meta.fields}, error)
    return ValidTerm(term, form)


# --- Messages -----------------------------------------------------------------------------


def field_message(key, message):
    return f"het veld '{key}' {message}"


def report_form_errors(form, keys, error):
    """The first problem of each field, as a sentence for the person editing the file."""
    for name, problems in form.errors.as_data().items():
        key = keys.get(name, name)
        error(key, describe(form, name, key, problems[0]))


def describe(form, name, key, problem):
    field = form.fields.get(name)
    params = problem.params or {}
    if name == NON_FIELD_ERRORS or field is None:
        return " ".join(problem.messages)
    if problem.code == "required":
        return field_message(key, "ontbreekt of is leeg.")
    if problem.code == "invalid_choice":
        choices = ", ".join(str(value) for value, _ in field.choices if value)
        return f"'{form.data.get(name)}' is geen geldige {key}. Kies uit: {choices}."
    if problem.code == "invalid" and isinstance(field, forms.DateField):
        return f"'{key}' moet een datum zijn, zoals 2026-11-23."
    if problem.code == "max_length":
        return field_message(
            key,
            f"is te lang: {params['show_value']} tekens, er mogen er {params['limit_value']} zijn.",
        )
    return field_message(key, " ".join(problem.messages).rstrip(".") + ".")


def unique_constraints(model):
    return [c for c in model._meta.constraints if isinstance(c, UniqueConstraint) and c.fields]


def repeated(forms_of_siblings, model):
    """Numbers (from 1) of forms whose values repeat an earlier sibling's for one of the
    model's unique constraints (siblings share the parent, which the forms leave out)."""
    numbers = []
    for constraint in unique_constraints(model):
        own = (
            [name for name in constraint.fields if name in forms_of_siblings[0].fields]
            if forms_of_siblings
            else []
        )
        seen = set()
        for number, form in enumerate(forms_of_siblings, start=1):
            key = tuple(form.cleaned_data.get(name) for name in own) if form.is_valid() else None
            if key is not None and key in seen:
                numbers.append(number)
            seen.add(key)
    return numbers


def unique_message(model):
    return " ".join(str(c.get_violation_error_message()) for c in unique_constraints(model)[:1])

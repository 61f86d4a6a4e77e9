"""Translation files -> checked translations, beside the Dutch content they translate.

`content/leaflets/<slug>.<language>.md` has the Dutch file's front matter keys and sections;
its words are the language's, its codes and facts the Dutch file's. The text goes through the
same ModelForm rules as Dutch (forms.LeafletTranslationForm and friends, under the language,
so modeltranslation puts it into the `_<language>` columns), and a translation is refused,
with file and line, when it changes what a patient must be able to trust: a section code,
a phone number with its purpose and owner, an urgency, a number of signs, or any number
(doses, intervals, weeks, ml, mg: medications.numbers). `woordenlijst.<language>.md` has the
Dutch glossary's entries, each under the slug of its Dutch term. A missing file is no error:
that leaflet or glossary has no translation yet.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

from medications.content.errors import ContentError, ContentErrors
from medications.content.parse import text_value
from medications.content.validate import (
    MEMBERS_KEY,
    flatten_groups,
    form_data,
    front_matter_keys,
    report_form_errors,
    validate_content,
)
from medications.models import GlossaryTerm, Medication, Member, Section
from medications.numbers import describe_differences, number_differences
from medications.publishing.forms import (
    GlossaryTermTranslationForm,
    LeafletForm,
    LeafletTranslationForm,
    MemberForm,
    MemberTranslationForm,
    SectionTranslationForm,
)

# Front matter a translation repeats exactly: codes, names and facts.
SAME_AS_SOURCE = (
    "slug",
    "kind",
    "route",
    "brand_names",
    "source_publisher",
    "source_title",
    "source_date",
    "last_reviewed",
)


@dataclass
class ValidTranslation:
    language: str
    source: object  # parse.LeafletSource of the translation file
    original: object  # validate.ValidLeaflet it translates
    form: LeafletTranslationForm
    members: list  # MemberTranslationForm per Dutch member, in order
    sections: dict  # kind -> SectionTranslationForm

    @property
    def slug(self):
        return self.original.slug


@dataclass
class ValidTermTranslation:
    language: str
    path: object
    source: object  # parse.TermSource of the translated entry
    form: GlossaryTermTranslationForm


def validate_translations(content, leaflets, terms):
    """Check each translation file against its Dutch leaflet or term (ValidLeaflet and
    ValidTerm from content.validate). Returns (ValidTranslation list, ValidTermTranslation
    list); appends problems to a list returned third."""
    errors = []
    by_slug = {valid.slug: valid for valid in leaflets}
    translated = []
    for language, sources in content.translations.items():
        with translation.override(language):
            for source in sources:
                original = by_slug.get(source.slug)
                if original is None:
                    errors.append(
                        ContentError(
                            source.path,
                            source.line_of("slug"),
                            f"er is geen Nederlandse folder met slug '{source.slug}'; een "
                            "vertaling staat naast haar Nederlandse bestand.",
                        )
                    )
                    continue
                translated.append(validate_leaflet_translation(language, source, original, errors))
    term_translations = []
    for language, glossary in content.glossary_translations.items():
        with translation.override(language):
            term_translations += validate_glossary_translation(language, glossary, terms, errors)
    return translated, term_translations, errors


def validate_all(content):
    """The Dutch content, then each translation against it; every problem at once."""
    with translation.override(settings.LANGUAGE_CODE):
        leaflets, terms = validate_content(content)
    translations, term_translations, translation_errors = validate_translations(
        content, leaflets, terms
    )
    if translation_errors:
        raise ContentErrors(translation_errors)
    return leaflets, terms, translations, term_translations


# --- Leaflets -------------------------------------------------------------------------------


def validate_leaflet_translation(language, source, original, errors):
    def error(key, message):
        errors.append(ContentError(source.path, source.line_of(key.split(".")[0]), message))

    keys = front_matter_keys(LeafletForm)
    values = flatten_groups(source.front, error)
    unknown = set(source.front) - set(original.source.front) - {MEMBERS_KEY}
    for key in sorted(map(str, unknown)):
        error(key, f"het veld '{key}' staat niet in het Nederlandse bestand.")
    dutch = original.form.cleaned_data
    if original.form.is_valid():
        same_facts(values, dutch, keys, error)
    data = form_data(values, LeafletTranslationForm, lambda name, msg: error(keys[name], msg))
    form = LeafletTranslationForm(data, instance=Medication())
    report_form_errors(form, keys, error)
    if form.is_valid() and original.form.is_valid():
        same_safety_data(form.cleaned_data, dutch, language, error)
        same_numbers_in_front(form.cleaned_data, dutch, language, keys, error)
    members = validate_member_translations(
        source.front.get(MEMBERS_KEY, []), original.members, language, error
    )
    sections = validate_section_translations(source, original, language, errors)
    return ValidTranslation(language, source, original, form, members, sections)


def same_facts(values, dutch, keys, error):
    """Codes, names and dates are the Dutch file's, written the same way."""
    data = form_data(
        {name: values.get(name) for name in SAME_AS_SOURCE}, LeafletForm, lambda *args: None
    )
    form = LeafletForm(data)
    form.is_valid()  # the cleaned value of each fact, as for the Dutch file
    for name in SAME_AS_SOURCE:
        if form.cleaned_data.get(name, data.get(name)) != dutch.get(name):
            error(
                keys[name],
                f"'{keys[name]}' moet hetzelfde zijn als in het Nederlandse bestand "
                f"({display(dutch.get(name))}).",
            )


def display(value):
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "leeg")


def same_safety_data(english, dutch, language, error):
    """The alarm groups, numbers and answered questions of the Dutch leaflet, one for one."""
    alarm, dutch_alarm = english["alarm"], dutch["alarm"]
    if len(alarm) != len(dutch_alarm):
        error("alarm", f"'alarm' moet {len(dutch_alarm)} situaties hebben, net als het Nederlands.")
    for number, (group, original) in enumerate(zip(alarm, dutch_alarm, strict=False), start=1):
        where = f"alarm, situatie {number}"
        for key in ("urgency", "signs_are_examples"):
            if group[key] != original[key]:
                error(
                    "alarm", f"{where}: '{key}' moet '{original[key]}' zijn, als in het Nederlands."
                )
        if len(group["signs"]) != len(original["signs"]):
            error(
                "alarm",
                f"{where}: {len(original['signs'])} klachten in het Nederlands, "
                f"{len(group['signs'])} in de vertaling: vertaal elke klacht.",
            )
        numbers_match(group_text(original), group_text(group), language, "alarm", where, error)
    contacts, dutch_contacts = english["contacts"], dutch["contacts"]
    if len(contacts) != len(dutch_contacts):
        error(
            "contacts",
            f"'contacts' moet {len(dutch_contacts)} nummers hebben, net als het Nederlands.",
        )
    for number, (contact, original) in enumerate(
        zip(contacts, dutch_contacts, strict=False), start=1
    ):
        for key in ("purpose", "owner", "phone"):
            if contact[key] != original[key]:
                error(
                    "contacts",
                    f"contacts, nummer {number}: '{key}' moet '{original[key]}' zijn, als in "
                    "het Nederlands.",
                )
        numbers_match(
            f"{original['name']} {original['note']}",
            f"{contact['name']} {contact['note']}",
            language,
            "contacts",
            f"contacts, nummer {number}",
            error,
        )
    if set(english["questions"]) != set(dutch["questions"]):
        error(
            "questions",
            "'questions' moet dezelfde vragen beantwoorden als het Nederlands: "
            f"{', '.join(dutch['questions']) or 'geen'}.",
        )


def group_text(group):
    return " ".join([group["title"], group["applies_to"], *group["signs"], group["action"]])


def same_numbers_in_front(english, dutch, language, keys, error):
    for name in ("name", "summary", "source_note", "key_points", "adaptations"):
        numbers_match(dutch[name], english[name], language, keys[name], keys[name], error)
    for code, answer in english["questions"].items():
        original = dutch["questions"].get(code, "")
        numbers_match(original, answer, language, "questions", f"questions, {code}", error)


def numbers_match(dutch_text, translated_text, language, key, where, error):
    missing, added = number_differences(
        dutch_text, settings.LANGUAGE_CODE, translated_text, language
    )
    if missing or added:
        differences = describe_differences(missing, added)
        error(key, f"{where}: andere getallen dan in het Nederlands ({differences}).")


def validate_member_translations(items, dutch_members, language, error):
    if not isinstance(items, list):
        error(MEMBERS_KEY, f"het veld '{MEMBERS_KEY}' moet een lijst zijn.")
        return []
    if len(items) != len(dutch_members):
        error(
            MEMBERS_KEY,
            f"'{MEMBERS_KEY}' moet {len(dutch_members)} leden hebben, als in het Nederlands.",
        )
    forms = []
    for number, (item, dutch) in enumerate(zip(items, dutch_members, strict=False), start=1):
        where = f"lid {number}"
        if not isinstance(item, dict):
            error(MEMBERS_KEY, f"{where} moet velden hebben, zoals substance: ...")
            continue
        facts = MemberForm(form_data(item, MemberForm, lambda *args: None))
        facts.is_valid()
        for name in ("substance", "brand_names"):
            if dutch.is_valid() and facts.cleaned_data.get(name) != dutch.cleaned_data[name]:
                error(MEMBERS_KEY, f"{where}: '{name}' moet hetzelfde zijn als in het Nederlands.")
        form = MemberTranslationForm({"note": text_value(item.get("note"))}, instance=Member())
        report_form_errors(
            form,
            {"note": f"{MEMBERS_KEY}.note"},
            lambda key, message, where=where: error(MEMBERS_KEY, f"{where}: {message}"),
        )
        if form.is_valid() and dutch.is_valid():
            numbers_match(
                dutch.cleaned_data["note"],
                form.cleaned_data["note"],
                language,
                MEMBERS_KEY,
                where,
                error,
            )
        forms.append(form)
    return forms


def validate_section_translations(source, original, language, errors):
    def error(line, message):
        errors.append(ContentError(source.path, line, message))

    dutch = [(s.kind, s.source_silent) for s in original.source.sections]
    translated = [(s.kind, s.source_silent) for s in source.sections]
    if translated != dutch:
        first = next(
            (
                s.line
                for s, expected in zip(source.sections, dutch, strict=False)
                if (s.kind, s.source_silent) != expected
            ),
            source.sections[-1].line if source.sections else 1,
        )
        error(
            first,
            "de onderdelen moeten dezelfde codes hebben, in dezelfde volgorde, als in het "
            "Nederlandse bestand: " + ", ".join(code_of(*item) for item in dutch) + ".",
        )
    sections = {}
    by_kind = {s.kind: s for s in original.source.sections}
    for section in source.sections:
        form = SectionTranslationForm(
            {"heading": section.heading, "body_markdown": section.body}, instance=Section()
        )
        report_form_errors(form, {}, lambda key, message, line=section.line: error(line, message))
        dutch_section = by_kind.get(section.kind)
        if dutch_section is not None:
            missing, added = number_differences(
                f"{dutch_section.heading}\n{dutch_section.body}",
                settings.LANGUAGE_CODE,
                f"{section.heading}\n{section.body}",
                language,
            )
            if missing or added:
                error(
                    section.line,
                    f"onderdeel '{section.kind}': andere getallen dan in het Nederlands "
                    f"({describe_differences(missing, added)}).",
                )
        sections[section.kind] = form
    return sections


def code_of(kind, source_silent):
    return f"{kind} geen-informatie" if source_silent else kind


# --- Glossary -------------------------------------------------------------------------------


def validate_glossary_translation(language, glossary, terms, errors):
    def error(line, message):
        errors.append(ContentError(glossary.path, line, message))

    dutch = {valid.source.slug: valid for valid in terms}
    seen = set()
    translated = []
    for entry in glossary.terms:
        original = dutch.get(entry.slug)
        if original is None:
            if entry.slug:
                error(entry.line, f"'{entry.slug}' is geen term uit de Nederlandse woordenlijst.")
            continue
        seen.add(entry.slug)
        form = GlossaryTermTranslationForm(
            {
                "term": entry.term,
                "variants": entry.variants,
                "explanation_markdown": entry.explanation,
            },
            instance=GlossaryTerm(),
        )
        report_form_errors(form, {}, lambda key, message, line=entry.line: error(line, message))
        missing, added = number_differences(
            original.source.explanation, settings.LANGUAGE_CODE, entry.explanation, language
        )
        if missing or added:
            error(
                entry.line,
                f"term '{entry.term}': andere getallen dan in het Nederlands "
                f"({describe_differences(missing, added)}).",
            )
        translated.append(ValidTermTranslation(language, glossary.path, entry, form))
    absent = [valid.source.term for slug, valid in dutch.items() if slug not in seen]
    if absent:
        error(1, f"deze termen uit de Nederlandse woordenlijst ontbreken: {', '.join(absent)}.")
    return translated

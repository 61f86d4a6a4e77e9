"""'Wat is er veranderd?' in a patient's words, for a publication nobody wrote a summary for.

A file load publishes at once; its summary used to be "Geladen uit content/leaflets/x.md",
a file path on the patient's page. Instead, the working copy about to be published is
compared with the live copy patients see now (the batch writes the live copy only when it
ends, so at publish time it still holds the old text), and the parts whose text differs are
named as the page names them: 'Nieuwe of aangepaste tekst in: Bijwerkingen; In het kort.'

Only what a patient reads counts: bookkeeping (status, fingerprints, the file's name) and
HTML made from the Markdown (not yet rendered for the working copy) are left out. A field this
module does not know (a new one) is named by its verbose name, so a change is never silent.
"""

from django.conf import settings
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from medications.choices import stored_label
from medications.models import Medication, Member, Section, SectionKind

FIRST_VERSION = "Eerste versie op deze website."
NOTHING_TO_READ = "De tekst is niet veranderd."
REVIEWED = "Opnieuw gecontroleerd."
TOO_MANY = "Nieuwe of aangepaste tekst in veel delen van de pagina."
# Publication.summary holds at most this many characters.
MAX_LENGTH = 200

# Medication fields by the part of the page a patient sees them in: those above the sections
# in page order, then those below them.
ABOVE_SECTIONS = {
    "name": "Naam en merknamen",
    "brand_names": "Naam en merknamen",
    "other_names": "Naam en merknamen",
    "kind": "Soort medicijn",
    "route": "Soort medicijn",
    "alarm": "Wanneer u contact opneemt (bovenaan de pagina)",
    "contacts": "Telefoonnummers",
    "summary": "Samenvatting",
    "key_points": "In het kort",
}
BELOW_SECTIONS = {
    "questions": "Vragen die patiënten vaak stellen",
    "adaptations": "Aangepast voor Nederland",
    "source_publisher": "Bron van deze informatie",
    "source_title": "Bron van deze informatie",
    "source_date": "Bron van deze informatie",
    "source_note": "Bron van deze informatie",
    "slug": "Webadres van de pagina",
}
PAGE_PARTS = {**ABOVE_SECTIONS, **BELOW_SECTIONS}
# A new review date is no new text: said in a sentence of its own.
REVIEW_FIELDS = {"last_reviewed", "reviewed_by", "next_review"}
MEMBERS_PART = "Welke medicijnen horen bij deze groep?"
# What no patient reads, or what the live copy has of its own.
NOT_SHOWN = {
    "id", "is_live", "working_copy", "is_published", "status", "content_file",
    "imported_fingerprints", "updated_at",
    # The editors' bookkeeping and document control: no new text for patients.
    "edit_version", "version_number", "approved_by", "approved_at", "owner_department",
    "reference_number", "submitted_by", "submitted_at", "returned_comment", "returned_by",
    "returned_at", "withdrawn_reason", "withdrawn_at",
    # Codes for other systems (the API, FHIR): never on the page.
    "substance", "atc",
}  # fmt: skip
NOT_SHOWN_IN_SECTIONS = {"id", "medication", "kind", "position"}


def change_summary(working):
    """One line for 'Wat is er veranderd?' about publishing `working` now."""
    live = Medication.all_copies.filter(working_copy=working).first()
    if live is None:
        return FIRST_VERSION
    changed, removed = changed_parts(working, live)
    sentences = []
    if changed:
        sentences.append(listed("Nieuwe of aangepaste tekst in: ", changed))
    if removed:
        sentences.append(listed("Weggehaald: ", removed))
    if reviewed_again(working, live):
        sentences.append(REVIEWED)
    return fitted(sentences) if sentences else NOTHING_TO_READ


def reviewed_again(working, live):
    return any(getattr(working, name) != getattr(live, name) for name in REVIEW_FIELDS)


def changed_parts(working, live):
    """(changed, removed): labels of the parts whose text differs, in page order."""
    front = changed_page_parts(working, live)
    below = set(BELOW_SECTIONS.values())
    parts = {label: None for label in front if label not in below}
    old = sections_by_kind(live)
    new = sections_by_kind(working)
    section_fields = shown_fields(Section, NOT_SHOWN_IN_SECTIONS)
    removed = []
    for kind in SectionKind.values:
        before, after = old.get(kind), new.get(kind)
        if after is None and before is not None:
            removed.append(stored_label(SectionKind(kind)))
        elif after is not None and (
            before is None or values(before, section_fields) != values(after, section_fields)
        ):
            parts[stored_label(SectionKind(kind))] = None
    parts.update((label, None) for label in front if label in below)
    return list(parts), removed


def changed_page_parts(working, live):
    """Labels of the front matter (and group members) that differ, in page order."""
    labels = []
    for name, fields in by_original_field(Medication, NOT_SHOWN | REVIEW_FIELDS).items():
        if values(working, fields) != values(live, fields):
            labels.append(PAGE_PARTS.get(name) or verbose_name(Medication, name))
    if member_values(working) != member_values(live):
        labels.append(MEMBERS_PART)
    order = list(dict.fromkeys(PAGE_PARTS.values()))
    known = [label for label in order if label in labels]
    return known + [label for label in dict.fromkeys(labels) if label not in order]


def sections_by_kind(medication):
    return {section.kind: section for section in Section.all_copies.filter(medication=medication)}


def member_values(medication):
    fields = shown_fields(Member, {"id", "medication", "atc"})
    return [values(member, fields) for member in Member.all_copies.filter(medication=medication)]


def by_original_field(model, left_out):
    """The model's patient-visible concrete fields grouped by the field they translate
    ('summary' -> summary, summary_nl, summary_en), HTML left out."""
    try:
        translated = translator.get_options_for_model(model).fields
    except NotRegistered:
        translated = ()
    originals = {
        build_localized_fieldname(name, language): name
        for name in translated
        for language, _ in settings.LANGUAGES
    }
    groups = {}
    for field in model._meta.concrete_fields:
        original = originals.get(field.name, field.name)
        if original in left_out or original.endswith("_html"):
            continue
        groups.setdefault(original, []).append(field.attname)
    return groups


def shown_fields(model, left_out):
    groups = by_original_field(model, left_out).values()
    return [attname for attnames in groups for attname in attnames]


def values(instance, attnames):
    return [getattr(instance, attname) for attname in attnames]


def verbose_name(model, name):
    text = str(model._meta.get_field(name).verbose_name)
    return text[:1].upper() + text[1:]


def listed(opening, labels):
    return opening + "; ".join(labels)


def fitted(sentences):
    """The sentences with their stops; when too long for a summary, one general sentence."""
    text = " ".join(end_with_stop(sentence) for sentence in sentences)
    return text if len(text) <= MAX_LENGTH else TOO_MANY


def end_with_stop(sentence):
    return sentence if sentence[-1:] in ".?!" else f"{sentence}."

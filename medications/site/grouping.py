"""Grouping for the lists on the home page and the woordenlijst: medications by kind (with a
plain name and one line of explanation), every name and brand name A-Z, and glossary terms
(with their other forms) by first letter."""

from dataclasses import dataclass
from itertools import groupby

from django.utils.translation import gettext_lazy as _

from medications.models import MedicationKind
from medications.text import sort_key

# Plain names and one line each for the kinds of medicine, in words from the woordenlijst and
# the leaflets themselves (the codes and their short labels stay in medications.choices).
KIND_DESCRIPTIONS = {
    MedicationKind.REUMAREMMER: (
        _("Reumaremmers"),
        _("Medicijnen die de ziekte minder actief maken. Ze heten ook wel DMARD's."),
    ),
    MedicationKind.BIOLOGICAL: (
        _("Biologische medicijnen (biologicals)"),
        _(
            "Medicijnen gemaakt van bouwstenen die ook in het lichaam voorkomen. Ze remmen de "
            "afweerreactie van uw lichaam tegen delen van uw eigen lichaam."
        ),
    ),
    MedicationKind.JAK_REMMER: (
        _("JAK-remmers"),
        _("Een vrij nieuwe groep reumaremmers. U neemt ze elke dag in via de mond."),
    ),
    MedicationKind.IMMUNOGLOBULINE: (
        _("Immunoglobulinen (afweerstoffen)"),
        _(
            "Afweerstoffen uit het bloedplasma van donoren. U krijgt ze via een infuus of onder "
            "de huid."
        ),
    ),
}
# A member's substance longer than this is a description ('SCIg met een pomp'), not a name.
MAX_NAME_WORDS = 2


@dataclass
class Group:
    key: str
    label: str
    items: list
    description: str = ""


@dataclass(frozen=True)
class NameEntry:
    """One line of the A-Z list: a medication's own name, or another name that leads to it
    (a brand name, a medicine within a group)."""

    name: str
    medication: object
    note: str = ""  # 'merknaam', 'werkzame stof'; empty for the medication's own name

    @property
    def is_own_name(self):
        return not self.note


def group_medications_by_kind(medications):
    """Kinds in their fixed order, medications A-Z within each kind; empty kinds left out."""
    by_kind = {kind: [] for kind in MedicationKind.values}
    for medication in sorted(medications, key=lambda m: sort_key(m.name)):
        by_kind[medication.kind].append(medication)
    groups = []
    for kind, items in by_kind.items():
        if items:
            label, description = KIND_DESCRIPTIONS.get(kind, (MedicationKind(kind).label, ""))
            groups.append(Group(key=kind, label=label, items=items, description=description))
    return groups


def names_a_to_z(medications):
    """Every name a patient may know a medicine by, A-Z: the medications' names, their brand
    names and the medicines within a group (fetched with their members)."""
    entries = {}
    for medication in medications:
        names = [(medication.name, "")]
        names += [(brand, _("merknaam")) for brand in medication.brand_name_list]
        for member in medication.members.all():
            names += [(brand, _("merknaam")) for brand in member.brand_name_list]
            if "(" not in member.substance and len(member.substance.split()) <= MAX_NAME_WORDS:
                names.append((member.substance, _("werkzame stof")))
        for name, note in names:
            entries.setdefault(sort_key(name), NameEntry(name, medication, note))
    return [entries[key] for key in sorted(entries)]


def group_glossary_by_letter(terms):
    """Terms by first letter; each of a term's other forms is listed too, as a pointer to the
    term ('immuunsysteem: zie Afweersysteem'), so a patient finds the word as they read it."""
    terms = list(terms)
    entries = [(sort_key(term.term), term, None) for term in terms]
    for term in terms:
        entries += [(sort_key(variant), term, variant) for variant in term.variant_list]
    entries.sort(key=lambda entry: entry[0])
    return [
        Group(key=letter, label=letter, items=[GlossaryEntry(t, v) for _, t, v in items])
        for letter, items in groupby(entries, key=lambda entry: first_letter(entry[0]))
    ]


@dataclass(frozen=True)
class GlossaryEntry:
    term: object
    variant: str | None = None  # set: a pointer from this other form to the term

    @property
    def is_pointer(self):
        return self.variant is not None


def first_letter(key):
    """As GlossaryTerm.first_letter, for any form of a term."""
    return key[:1].upper() or "#"

"""Grouping for the A-Z lists: medications by kind, glossary terms by first letter."""

from dataclasses import dataclass
from itertools import groupby

from medications.models import MedicationKind
from medications.text import sort_key


@dataclass
class Group:
    key: str
    label: str
    items: list


def group_medications_by_kind(medications):
    """Kinds in their fixed order, medications A-Z within each kind; empty kinds left out."""
    by_kind = {kind: [] for kind in MedicationKind.values}
    for medication in sorted(medications, key=lambda m: sort_key(m.name)):
        by_kind[medication.kind].append(medication)
    return [
        Group(key=kind, label=MedicationKind(kind).label, items=items)
        for kind, items in by_kind.items()
        if items
    ]


def group_glossary_by_letter(terms):
    ordered = sorted(terms, key=lambda term: sort_key(term.term))
    return [
        Group(key=letter, label=letter, items=list(items))
        for letter, items in groupby(ordered, key=lambda term: term.first_letter)
    ]

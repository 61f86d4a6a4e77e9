"""Fixtures for the API's tests: an English translation of every leaflet and term, written
straight into the live rows (the English content files are another issue's work)."""

import pytest
from django.db.models import F, Value
from django.db.models.functions import Concat

from medications.models import GlossaryTerm, Medication, Member, Section


def english(field):
    return Concat(Value("[English] "), F(f"{field}_nl"))


@pytest.fixture
def in_english():
    """Every live leaflet, member, section and glossary term gets English text (marked
    '[English]', so a test can tell it from the Dutch)."""
    Medication.objects.update(
        name_en=english("name"), summary_en=english("summary"), key_points_en=english("key_points")
    )
    Member.objects.exclude(note_nl="").update(note_en=english("note"))
    Section.objects.update(
        heading_en=english("heading"),
        body_markdown_en=english("body_markdown"),
        body_html_en=Concat(Value("<p>[English]</p>"), F("body_html_nl")),
    )
    GlossaryTerm.objects.update(
        term_en=english("term"),
        explanation_markdown_en=english("explanation_markdown"),
        explanation_html_en=Concat(Value("<p>[English]</p>"), F("explanation_html_nl")),
    )

"""Fixtures for the API's tests: English text marked '[English]' over every live row (so a
test can tell the texts apart; the repository's own English files are loaded as well), and a
leaflet whose English is taken away through the write path."""

import pytest
from django.db.models import F, Value
from django.db.models.functions import Concat

from medications import publishing
from medications.models import GlossaryTerm, Medication, Member, Section, Translation


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


@pytest.fixture
def anakinra_without_english():
    """Anakinra with no English translation (its translation state removed, through the write
    path): the pages and the API have it in Dutch only. Returns its working copy."""
    working = Medication.working_copies.get(slug="anakinra")
    with publishing.changes() as batch:
        Translation.objects.filter(medication=working, language="en").delete()
        batch.live_changed(Medication.objects.get(slug="anakinra").pk)
    return working


@pytest.fixture
def term_without_english():
    """One glossary term with its English text emptied, through the write path."""
    term = GlossaryTerm.objects.order_by("slug").first()
    with publishing.changes() as batch:
        for field in ("term", "explanation_markdown", "explanation_html"):
            setattr(term, f"{field}_en", "")
        term.save()
        batch.term_changed(term)
    return term

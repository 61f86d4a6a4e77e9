"""The editors' warnings while editing (medications.editing.warnings): each names its section,
none blocks a save."""

import pytest

from medications.content import load_content
from medications.editing.warnings import editing_warnings
from medications.models import Medication
from tests.conftest import CORE_SECTIONS, leaflet_text
from tests.helpers import write

pytestmark = pytest.mark.django_db


@pytest.fixture
def working(content_dir):
    load_content(content_dir({"testmiddel.md": leaflet_text()}))
    return Medication.working_copies.get(slug="testmiddel")


def warnings_after(working, kind, markdown):
    section = working.sections.get(kind=kind)
    section.body_markdown = markdown
    write(section)
    live = Medication.objects.get(slug="testmiddel")
    return [str(w) for w in editing_warnings(working, live.sections.all())]


def test_a_clean_leaflet_has_no_warnings(working):
    live = Medication.objects.get(slug="testmiddel")
    assert editing_warnings(working, live.sections.all()) == []


def test_a_sentence_longer_than_b1_allows_is_named_with_its_start(working):
    sentence = " ".join(["woord"] * 24) + "."
    found = warnings_after(working, "dosering", f"Neem 2 tabletten. {sentence}")
    assert found == [
        "Onderdeel 'Hoe gebruikt u testmiddel?': een zin van 24 woorden (B1: hoogstens 20): "
        "'woord woord woord woord woord woord woord woord …'."
    ]


def test_a_glossary_word_only_in_a_link_is_not_explained(working):
    found = warnings_after(
        working, "operaties", "U hoeft niet te stoppen. Zie [antistof](https://example.org)."
    )
    assert any("'Antistof' staat in de woordenlijst" in w for w in found), found


def test_a_new_phone_number_and_an_odd_one_are_warned_about(working):
    found = warnings_after(
        working, "operaties", "Bel 088 123 45 67 voor uw afspraak, of 020 123 456."
    )
    assert any("nieuw telefoonnummer '088 123 45 67'" in w for w in found), found
    assert any("ongewoon formaat" in w for w in found), found


def test_a_number_already_published_is_not_new(content_dir):
    sections = CORE_SECTIONS.replace("U hoeft niet te stoppen.", "Bel 088 123 45 67.")
    load_content(content_dir({"testmiddel.md": leaflet_text(sections=sections)}))
    working = Medication.working_copies.get(slug="testmiddel")
    live = Medication.objects.get(slug="testmiddel")
    assert not any(
        "telefoonnummer" in str(w) for w in editing_warnings(working, live.sections.all())
    )


def test_removed_html_is_named(working):
    found = warnings_after(
        working, "operaties", "U hoeft niet te stoppen.<script>alert(1)</script>"
    )
    assert any("is weggehaald" in w and "script" in w for w in found), found


def test_a_core_topic_without_a_section_is_named(working):
    write(working.sections.get(kind="controles"), delete=True)
    found = [str(w) for w in editing_warnings(working)]
    assert any("dit kernonderwerp heeft geen onderdeel" in w for w in found), found

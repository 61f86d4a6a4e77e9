"""For every section of every leaflet, the numbers on the English page are the same as on
the Dutch page: the rendered sections compared with the loader's own check
(medications.numbers), over the repository's content and over a small English fixture."""

import pytest

from medications.content import load_content
from medications.html import plain_text
from medications.models import Medication
from medications.numbers import number_differences, numbers_in
from tests.medications.content.test_translations import with_english

pytestmark = pytest.mark.django_db


def differing_sections(medications):
    """(slug, kind, missing, added) for each translated section whose numbers differ."""
    found = []
    for medication in medications:
        for section in medication.sections.all():
            if not section.body_html_en:
                continue
            missing, added = number_differences(
                plain_text(f"<h2>{section.heading_nl}</h2>{section.body_html_nl}"),
                "nl",
                plain_text(f"<h2>{section.heading_en}</h2>{section.body_html_en}"),
                "en",
            )
            if missing or added:
                found.append((medication.slug, section.kind, missing, added))
    return found


def test_every_english_section_of_the_repository_keeps_the_dutch_numbers():
    translated = [m for m in Medication.objects.prefetch_related("sections") if m.name_en]
    assert differing_sections(translated) == []


def test_the_fixture_keeps_its_numbers_and_a_changed_number_is_found(content_dir):
    load_content(with_english(content_dir))
    leaflet = Medication.objects.prefetch_related("sections").get(slug="testmiddel")
    assert differing_sections([leaflet]) == []
    dosing = next(s for s in leaflet.sections.all() if s.kind == "dosering")
    assert numbers_in(plain_text(dosing.body_html_en), "en") == numbers_in(
        plain_text(dosing.body_html_nl), "nl"
    )

    dosing.body_html_en = dosing.body_html_en.replace("50 mg", "5 mg")
    assert differing_sections([leaflet]) == [("testmiddel", "dosering", ["50"], ["5"])]


def test_numbers_are_read_the_same_in_both_languages():
    assert numbers_in("0,5 ml om 8.00 uur, bel 020-5662500", "nl") == numbers_in(
        "0.5 ml at 8:00, call 020-5662500", "en"
    )
    assert numbers_in("twee keer per week", "nl") == numbers_in("two times a week", "en")
    assert numbers_in("vijfentwintig jaar, tweeënveertig, de jaren negentig", "nl") == numbers_in(
        "twenty-five years, forty-two, the nineties", "en"
    )
    assert numbers_in("[zie](/medicijnen/x/#y-2) 3 weken", "nl") == numbers_in("3 weeks", "en")
    assert number_differences("elke 2 weken", "nl", "every week", "en") == (["2"], [])
    assert numbers_in("1 keer per dag, één keer per 6 weken, twee keer", "nl") == numbers_in(
        "once a day, once every 6 weeks, twice", "en"
    )
    # "Once" as "as soon as" is no number.
    assert numbers_in("Once it works, call us", "en") == numbers_in("Als het werkt", "nl")

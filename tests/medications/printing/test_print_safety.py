"""What is always on paper: when to call and whom, whatever a nurse ticks; links that make sense
on paper; the glossary appendix with the words as the text uses them."""

import re

import pytest
from django.core.cache import cache

from medications.content import load_content
from medications.models import HospitalContact, Medication
from tests.conftest import leaflet_text
from tests.helpers import write
from tests.medications.printing.test_print import (
    BASE_URL,
    SECTIONS,
    pdf_pages,
    section_headings,
    visible_text,
)

pytestmark = pytest.mark.django_db

CROSS_REFERENCES = SECTIONS.replace(
    "Bel bij koorts boven 38,5 graden.",
    "Bel bij koorts boven 38,5 graden. Lees ook [Welke controles heeft u nodig?](#controles).",
)


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def testmiddel(content_dir, settings):
    settings.SITE_BASE_URL = BASE_URL
    write(HospitalContact(purpose="spoed", name="Spoedeisende Hulp", phone="012 345 67 89"))
    load_content(content_dir({"testmiddel.md": leaflet_text(sections=CROSS_REFERENCES)}))
    return Medication.objects.get(slug="testmiddel")


def test_a_pdf_of_one_section_still_has_the_alarm_section_and_a_phone_number(testmiddel, client):
    response = client.get("/medicijnen/testmiddel.pdf?onderdeel=dosering")
    _, pages = pdf_pages(response.content)
    text = " ".join(pages)

    assert "Hoe gebruikt u testmiddel?" in text
    assert "Wanneer belt u uw arts?" in text
    assert "Bel bij koorts boven 38,5 graden." in text
    assert "Welke bijwerkingen kan testmiddel geven?" not in text
    for page in pages:  # every page: the address, the urgent number and 112
        assert f"{BASE_URL}/medicijnen/testmiddel/" in "".join(page.split())
        assert "Bel Spoedeisende Hulp: 012 345 67 89." in page
        assert "bel 112" in page


def test_real_leaflets_print_their_alarm_section_and_the_leaflets_numbers(client):
    page = client.get("/medicijnen/anakinra/print/?onderdeel=bewaren").content.decode()

    assert section_headings(page) == [
        "Wanneer neemt u contact op met uw arts?",
        "Hoe bewaart u anakinra?",
    ]
    alarm = visible_text(re.search(r'<section id="wanneer-contact".*?</section>', page, re.S)[0])
    # The question line goes with the alarm section when the questions are not printed.
    assert "088 75 574 28 nummer uit de folder van UMC Utrecht" in alarm
    assert "Bij levensbedreigende klachten: bel 112." in alarm


def test_the_print_form_always_includes_the_alarm_section_and_says_so(testmiddel, client):
    page = client.get("/medicijnen/testmiddel/print/?onderdeel=dosering").content.decode()

    alarm = re.search(r'<li><input type="checkbox"[^>]*value="wanneer-contact"[^>]*>.*?</li>', page)
    assert " disabled" in alarm.group() and " checked" in alarm.group()
    assert "(altijd op de uitdraai)" in alarm.group()
    assert "staan altijd op de uitdraai, ook als u ze niet kiest" in page
    assert 'class="print-button" data-print-button hidden>Printen</button>' in page
    assert "printknop van uw browser (Ctrl+P of Cmd+P)" in page


def test_a_link_to_a_section_not_printed_points_to_the_website(testmiddel, client):
    page = client.get("/medicijnen/testmiddel/print/?onderdeel=dosering").content.decode()
    alarm = re.search(r'<section id="wanneer-contact".*?</section>', page, re.S).group()

    assert 'href="#controles"' not in alarm
    assert (
        "Lees ook Welke controles heeft u nodig? (zie de website: "
        f"{BASE_URL}/medicijnen/testmiddel/#controles)."
    ) in visible_text(alarm)

    whole = client.get("/medicijnen/testmiddel/print/").content.decode()
    assert '<a href="#controles"' in whole  # on the paper: the link stays


def test_the_appendix_names_the_words_as_the_printed_text_uses_them(testmiddel, client):
    page = client.get("/medicijnen/testmiddel/print/").content.decode()
    appendix = page[page.index('id="woorden-kop"') : page.index('class="leaflet-source"')]

    entry = re.search(r"<dt>Afweersysteem</dt>\s*<dd>(.*?)</dd>", appendix, re.S).group(1)
    assert '<p class="forms-used">In de tekst: immuunsysteem</p>' in entry
    antistof = re.search(r"<dt>Antistof</dt>\s*<dd>(.*?)</dd>", appendix, re.S).group(1)
    assert "In de tekst: antistoffen" in antistof


def test_print_and_pdf_text_is_at_least_12_point():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[3] / "static/css/print.css").read_text()
    sizes = [float(size) for size in re.findall(r"font-size:\s*([\d.]+)pt", css)]
    assert min(sizes) >= 10  # page headers and footers, the web address box
    body = re.search(r"body \{[^}]*font-size:\s*([\d.]+)pt", css.split("@media print")[1])
    assert float(body.group(1)) >= 12

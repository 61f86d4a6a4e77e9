"""A leaflet page as a patient reads it: when to call at once first, In het kort, the contents
in two taps, whom to call, print and PDF at the end; the home page's A-Z; the woordenlijst's
other forms; and what search engines read (JSON-LD, sitemap, robots, descriptions, icon)."""

import json
import re
from html import unescape
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static

from medications.models import Medication

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def published():
    medications = list(Medication.objects.published())
    assert len(medications) >= 5
    return medications


# --- Safety first ---------------------------------------------------------------------------


def test_every_leaflet_says_when_to_call_right_after_its_title(client):
    """What the box holds: tests/medications/test_safety_box.py."""
    for medication in published():
        page = get(client, medication.get_absolute_url())
        box = re.search(r'<section class="urgent".*?</section>', page, re.S).group()
        assert 'href="#wanneer-contact"' in box
        assert "Bij levensbedreigende klachten: bel 112." in text_of(box)
        # Safety first: right after the title, before the summary (on a phone: on the first
        # screen, tests/browser/test_patient_pages.py).
        title = page.index("<h1>")
        box = page.index('<section class="urgent"')
        assert (
            title < box < page.index('<p class="summary">') < page.index('class="leaflet-section')
        )


def test_without_any_phone_number_the_alarm_section_says_whom_to_ask(client):
    page = get(client, "/medicijnen/azathioprine/")  # the leaflet names no number
    alarm = re.search(r'<section id="wanneer-contact".*?</section>', page, re.S).group()

    assert "tel:" not in alarm
    assert "welk nummer u belt als het dringend is" in text_of(alarm)
    questions = re.search(r'<section id="vragen".*?</section>', page, re.S).group()
    assert django_settings.SITE_CONTACT_TEXT.split(",")[0] in questions


def test_in_het_kort_and_the_contents_come_before_the_sections(client):
    for medication in published():
        page = get(client, medication.get_absolute_url())
        first_section = page.index('class="leaflet-section')
        points = page.index('<h2 id="kort-kop">In het kort</h2>')
        contents = page.index('<nav class="toc" aria-label="Naar een onderdeel">')
        assert contents < first_section and points < first_section
        for point in medication.key_point_list:
            assert f"<li>{point}</li>" in page
        toc = page[contents : page.index("</nav>", contents)]
        links = re.findall(r'<a href="#([\w-]+)">', toc)
        assert [s.anchor for s in medication.ordered_sections] == [
            link for link in links if link not in ("leden", "veelgestelde-vragen")
        ]
        assert links[-1] == "veelgestelde-vragen"
        alarm = re.search(r'<li class="toc-alarm">.*?</li>', toc, re.S).group()
        assert "(belangrijk)" in alarm and 'href="#wanneer-contact"' in alarm


def test_print_and_pdf_are_offered_after_the_text_not_first(client):
    page = get(client, "/medicijnen/azathioprine/")
    tools = page.index('<aside class="page-tools"')

    assert 'href="/medicijnen/azathioprine/print/"' in page[tools:]
    assert 'href="/medicijnen/azathioprine.pdf"' in page[tools:]
    assert "/print/" not in page[: page.index('class="leaflet-source"')]
    assert tools > page.rindex('class="leaflet-section')


def test_explained_words_are_announced_once_on_the_page(client):
    page = get(client, "/medicijnen/azathioprine/")

    assert "kunt u aanklikken voor uitleg" in page
    assert page.index("kunt u aanklikken voor uitleg") < page.index('class="leaflet-section')


# --- The home page and the woordenlijst ----------------------------------------------------------


def test_home_lists_every_name_and_brand_a_to_z_with_the_medicine_it_leads_to(client):
    page = get(client, "/")
    start = page.index('<ul class="az-list">')
    names = page[start : page.index("</ul>", start)]
    entries = re.findall(r'<li><a href="([^"]+)">([^<]+)</a>(.*?)</li>', names, re.S)

    shown = [name for _, name, _ in entries]
    assert shown == sorted(shown, key=str.casefold)
    by_name = {name: (url, text_of(rest)) for url, name, rest in entries}
    assert by_name["Imuran"][0] == "/medicijnen/azathioprine/"
    assert by_name["Imuran"][1].startswith("→ (merknaam van Azathioprine")
    assert by_name["Xeljanz"][0] == "/medicijnen/jak-remmers/"
    assert by_name["tofacitinib"][0] == "/medicijnen/jak-remmers/"
    for medication in published():
        assert by_name[medication.name] == (medication.get_absolute_url(), "")


def test_home_groups_by_kind_in_plain_words_with_whole_sentences(client):
    page = get(client, "/")

    assert '<h3 id="soort-biological">Biologische medicijnen (biologicals)</h3>' in page
    assert re.search(r'<h3 id="soort-biological">[^<]+</h3>\s*<p class="kind-description">', page)
    snippets = re.findall(r'<ul class="medication-list">.*?</ul>', page, re.S)
    for snippet in re.findall(r"<p>([^<]+)</p>", "".join(snippets)):
        assert snippet.rstrip().endswith((".", "?", "!")), snippet
        assert "…" not in snippet


def test_the_woordenlijst_lists_every_other_form_as_a_pointer(client):
    from medications.models import GlossaryTerm

    page = get(client, "/woordenlijst/")
    pointers = re.findall(
        r'<div class="glossary-see">\s*<dt>([^<]+):</dt>\s*<dd>zie <a href="#([\w-]+)">([^<]+)</a>',
        page,
    )
    found = {(unescape(variant), slug, unescape(name)) for variant, slug, name in pointers}

    assert ("immuunsysteem", "afweersysteem", "Afweersysteem") in found
    for term in GlossaryTerm.objects.all():
        for variant in term.variant_list:
            assert (variant, term.slug, term.term) in found, variant


# --- Findable ------------------------------------------------------------------------------------


def test_each_leaflet_has_json_ld_about_the_medication(client):
    for medication in published():
        page = get(client, medication.get_absolute_url())
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        data = json.loads(block.group(1))

        assert data["@type"] == "MedicalWebPage"
        assert data["name"] == medication.name
        drugs = data["about"] if isinstance(data["about"], list) else [data["about"]]
        assert all(drug["@type"] == "Drug" for drug in drugs)
        members = list(medication.members.all())
        assert [drug["name"] for drug in drugs] == (
            [member.substance for member in members] or [medication.name]
        )
        assert data["medicalAudience"] == {"@type": "Patient"}
        assert data["lastReviewed"] == medication.last_reviewed.isoformat()
        assert data["url"].endswith(medication.get_absolute_url())


def test_every_page_has_a_description_that_ends_a_sentence(client):
    for url in ["/", "/woordenlijst/", "/zoeken/?q=bijwerkingen"] + [
        m.get_absolute_url() for m in published()
    ]:
        page = get(client, url)
        description = re.findall(r'<meta name="description" content="([^"]+)">', page)
        assert len(description) == 1, url
        assert description[0].endswith("."), (url, description)
        assert len(description[0]) <= 200 or description[0].count(". ") == 0, url


def test_the_sitemap_lists_every_published_leaflet(client, settings):
    settings.SITE_BASE_URL = "https://medicijnen.example.nl"
    Medication.objects.filter(slug="anakinra").update(is_published=False)
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    for medication in Medication.objects.published():
        assert f"https://medicijnen.example.nl{medication.get_absolute_url()}" in locations
    assert "https://medicijnen.example.nl/medicijnen/anakinra/" not in locations
    assert "https://medicijnen.example.nl/woordenlijst/" in locations


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()

    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /beheer/" in lines
    assert any(line.startswith("Sitemap: http") and line.endswith("/sitemap.xml") for line in lines)


def test_there_is_a_favicon_and_the_browsers_default_address_finds_it(client):
    page = get(client, "/")
    for name in ["favicon.svg", "favicon.ico", "apple-touch-icon.png"]:
        assert finders.find(name), name
    assert f'rel="icon" href="{static("favicon.svg")}"' in page
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == static("favicon.ico")

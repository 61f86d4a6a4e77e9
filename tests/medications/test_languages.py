"""The languages of the site: Dutch at `/`, English under /en/ with English path words; the
switch, the hreflang alternates, lang and inLanguage of each page; the sitemap; and the page
cache and rate limits, which keep languages apart (the cache) or together (the limits)."""

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.urls import reverse
from django.utils import translation

from medications import languages
from medications.content import load_content
from medications.models import Medication, Translation
from serving import cache as page_cache
from tests.conftest import leaflet_text
from tests.english import DUTCH_GLOSSARY, SLUG, english_site

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def alternates(page):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))


def test_english_addresses_have_english_path_words():
    with translation.override("en"):
        assert reverse("medications:home") == "/en/"
        assert reverse("medications:detail", args=["azathioprine"]) == "/en/medicines/azathioprine/"
        assert reverse("medications:print", args=["x"]) == "/en/medicines/x/print/"
        assert reverse("medications:pdf", args=["x"]) == "/en/medicines/x.pdf"
        assert reverse("medications:glossary") == "/en/glossary/"
        assert reverse("search:search") == "/en/search/"
        assert reverse("medications:feedback") == "/en/feedback/"
    assert reverse("medications:detail", args=["x"]) == "/medicijnen/x/"
    assert reverse("sitemap") == "/sitemap.xml"


def test_the_address_alone_says_the_language(client):
    """A browser that prefers English still gets the Dutch page at a Dutch address, and the
    admin stays Dutch: only /en/ is English."""
    english = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}
    page = client.get("/", **english).content.decode()
    assert '<html lang="nl">' in page and "Uitleg over uw medicijnen" in page
    login = client.get("/beheer/login/", **english).content.decode()
    assert "Gebruikersnaam" in login
    assert client.get("/medicines/azathioprine/").status_code == 404  # English words, no /en/
    assert client.get("/en/medicijnen/azathioprine/").status_code == 404  # Dutch words in /en/


def dutch_only_site(content_dir):
    """The same small site with no English files: its leaflet and term exist in Dutch only
    (every leaflet of the repository has English now)."""
    load_content(
        content_dir(
            {f"{SLUG}.md": leaflet_text(slug=SLUG, name="Testmedicine")}, glossary=DUTCH_GLOSSARY
        )
    )


def test_a_leaflet_without_english_says_so_on_both_sides(client, content_dir):
    dutch_only_site(content_dir)
    dutch = client.get(f"/medicijnen/{SLUG}/").content.decode()
    assert "This page has not been translated into English yet." in dutch
    assert alternates(dutch) == {}  # a page in one language has no alternates
    english = client.get(f"/en/medicines/{SLUG}/")
    assert english.status_code == 404
    text = english.content.decode()
    assert "This leaflet has not been translated yet" in text
    assert f'href="/medicijnen/{SLUG}/" hreflang="nl" lang="nl"' in text
    assert client.get(f"/en/medicines/{SLUG}/print/").status_code == 404
    assert client.get(f"/en/medicines/{SLUG}.pdf").status_code == 404
    assert f"/en/medicines/{SLUG}/" not in client.get("/en/").content.decode()


def test_a_translated_leaflet_links_both_ways_and_says_what_it_is(client, content_dir, settings):
    settings.SITE_BASE_URL = "https://medicijnen.example.nl"
    english_site(content_dir)
    dutch = client.get(f"/medicijnen/{SLUG}/").content.decode()
    english = client.get(f"/en/medicines/{SLUG}/").content.decode()
    expected = {
        "nl": f"https://medicijnen.example.nl/medicijnen/{SLUG}/",
        "en": f"https://medicijnen.example.nl/en/medicines/{SLUG}/",
        "x-default": f"https://medicijnen.example.nl/medicijnen/{SLUG}/",
    }
    assert alternates(dutch) == alternates(english) == expected
    assert f'<a href="/en/medicines/{SLUG}/" hreflang="en" lang="en">English</a>' in dutch
    assert f'<a href="/medicijnen/{SLUG}/" hreflang="nl" lang="nl">Nederlands</a>' in english
    assert '<html lang="en">' in english
    note = re.search(r'<p class="translation-note" role="note">(.*?)</p>', english).group(1)
    assert "Translated from the" in note and "If in doubt, the Dutch text applies." in note
    assert f'href="https://medicijnen.example.nl/medicijnen/{SLUG}/"' in note
    assert "(version 1, " in note
    assert "translation-note" not in dutch


def test_structured_data_names_the_language_of_the_page(client, content_dir):
    english_site(content_dir)
    for path, language in ((f"/medicijnen/{SLUG}/", "nl"), (f"/en/medicines/{SLUG}/", "en")):
        page = client.get(path).content.decode()
        data = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        structured = json.loads(data.group(1))
        assert structured["inLanguage"] == language
        assert structured["url"].endswith(path)


def test_the_switch_keeps_the_query_of_a_print_choice(client, content_dir):
    english_site(content_dir)
    page = client.get(f"/medicijnen/{SLUG}/print/?onderdeel=dosering").content.decode()
    assert f'href="/en/medicines/{SLUG}/print/?onderdeel=dosering"' in page
    assert '<html lang="nl">' in page


def test_the_sitemap_lists_each_page_in_each_of_its_languages(client, content_dir):
    english_site(content_dir)
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    entries = {}
    for url in root.iter(f"{SITEMAP}url"):
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        entries[url.find(f"{SITEMAP}loc").text.split("//", 1)[1].split("/", 1)[1]] = links
    assert set(entries) == {"", "en/", f"medicijnen/{SLUG}/", f"en/medicines/{SLUG}/",
                            "woordenlijst/", "en/glossary/"}  # fmt: skip
    leaflet = entries[f"en/medicines/{SLUG}/"]
    assert set(leaflet) == {"nl", "en", "x-default"}
    assert leaflet["en"].endswith(f"/en/medicines/{SLUG}/")
    assert entries[f"medicijnen/{SLUG}/"] == leaflet  # both ways


def test_the_sitemap_leaves_out_pages_with_no_translation(client, content_dir):
    dutch_only_site(content_dir)
    text = client.get("/sitemap.xml").content.decode()
    assert f"/en/medicines/{SLUG}/" not in text
    assert f"/medicijnen/{SLUG}/" in text
    assert '<xhtml:link rel="alternate" hreflang="en" href="https://127.0.0.1/en/"/>' in text


def test_the_page_cache_keeps_languages_apart(client, content_dir):
    english_site(content_dir)
    dutch = client.get(f"/medicijnen/{SLUG}/")
    english = client.get(f"/en/medicines/{SLUG}/")
    assert dutch["ETag"] != english["ETag"]
    assert dutch["Content-Language"] == "nl" and english["Content-Language"] == "en"
    again = client.get(f"/en/medicines/{SLUG}/", HTTP_IF_NONE_MATCH=english["ETag"])
    assert again.status_code == 304
    assert client.get(f"/medicijnen/{SLUG}/", HTTP_IF_NONE_MATCH=english["ETag"]).status_code == 200
    # The key itself holds the language, whatever the path: one path, two languages, two keys.
    keys = set()
    for language in ("nl", "en"):
        with translation.override(language):
            keys.add(page_cache.page_key(1, "/same/", "host", ()))
    assert len(keys) == 2


def test_a_client_has_one_limit_over_all_languages(client, content_dir, settings):
    """Switching language gives no second allowance; the refusal is in the address's language."""
    english_site(content_dir)
    settings.RATE_LIMIT_PRINT = "2/h"
    assert client.get(f"/medicijnen/{SLUG}/print/").status_code == 200
    assert client.get(f"/en/medicines/{SLUG}/print/").status_code == 200
    refused = client.get(f"/en/medicines/{SLUG}/print/?onderdeel=dosering")
    assert refused.status_code == 429
    assert "Please wait a moment" in refused.content.decode()
    assert "Even geduld" in client.get(f"/medicijnen/{SLUG}/print/").content.decode()


def test_error_pages_are_in_the_language_of_the_address(client):
    english = client.get("/en/no-such-page/").content.decode()
    dutch = client.get("/bestaat-niet/").content.decode()
    assert "This page does not exist" in english and '<html lang="en">' in english
    assert "Deze pagina bestaat niet" in dutch and '<html lang="nl">' in dutch
    assert 'href="/en/glossary/"' in english


def test_which_languages_a_page_exists_in_is_decided_in_one_place(client, content_dir):
    english_site(content_dir)
    medication = Medication.objects.with_page_content().get(slug=SLUG)
    assert languages.available_languages(medication) == ["nl", "en"]
    # A translation that was never reviewed and published: not in English (its own state).
    Translation.objects.filter(medication__slug=SLUG, language="en").update(version_number=0)
    medication = Medication.objects.with_page_content().get(slug=SLUG)
    assert languages.available_languages(medication) == ["nl"]
    assert client.get(f"/en/medicines/{SLUG}/").status_code == 404
    assert "/en/medicines/" not in client.get("/sitemap.xml").content.decode()


def test_stored_text_takes_the_dutch_labels_whatever_the_page_language():
    """A publication summary is content: written while an English page is served, it stays
    Dutch (the labels are translated for the pages only)."""
    from medications.choices import SectionKind, stored_label

    with translation.override("en"):
        assert str(SectionKind.DOSERING.label) == "How do you use it?"
        assert stored_label(SectionKind.DOSERING) == "Hoe gebruikt u het?"

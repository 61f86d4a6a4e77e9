"""The next language is configuration: with a third language in LANGUAGES and its .po file
(tests/third_language.py: Arabic, right to left), its addresses, pages, switch, sitemap,
page cache and rate limits work with no code changed."""

import pytest
from django.urls import reverse
from django.utils import translation

from medications import languages
from serving import middleware
from tests.third_language import CODE, NAME, add_third_language

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def third_language(settings, tmp_path):
    add_third_language(settings, tmp_path)
    middleware.view_at.cache_clear()
    yield
    middleware.view_at.cache_clear()


def test_its_addresses_have_its_own_path_words(client):
    with translation.override(CODE):
        assert reverse("medications:detail", args=["x"]) == "/ar/adwiya/x/"
        assert reverse("medications:glossary") == "/ar/mustalahat/"
        assert reverse("search:search") == "/ar/bahth/"
    assert languages.site_languages() == ["nl", "en", CODE]


def test_its_pages_are_right_to_left_and_in_its_words(client):
    response = client.get("/ar/")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert "<h1>شرح أدويتك</h1>" in page
    assert response["Content-Language"] == CODE
    dutch = client.get("/").content.decode()
    assert f'<a href="/ar/" hreflang="ar" lang="ar">{NAME}</a>' in dutch
    assert '<html lang="nl">' in dutch


def test_a_leaflet_not_translated_into_it_says_so_in_it(client):
    dutch = client.get("/medicijnen/azathioprine/").content.decode()
    assert '<li lang="ar">العربية: هذه الصفحة غير مترجمة بعد.' in dutch
    assert client.get("/ar/adwiya/azathioprine/").status_code == 404


def test_the_sitemap_names_it_where_a_page_exists_in_it(client):
    text = client.get("/sitemap.xml").content.decode()
    assert '<xhtml:link rel="alternate" hreflang="ar" href="https://127.0.0.1/ar/"/>' in text
    assert "/ar/adwiya/" not in text


def test_the_page_cache_and_the_rate_limits_know_it(client, settings):
    dutch, arabic = client.get("/"), client.get("/ar/")
    assert dutch["ETag"] != arabic["ETag"]
    assert client.get("/ar/", HTTP_IF_NONE_MATCH=arabic["ETag"]).status_code == 304
    settings.RATE_LIMIT_SEARCH = "1/h"
    assert client.get("/bahth/").status_code == 404  # its words only under its prefix
    assert client.get("/ar/bahth/?q=koorts").status_code == 200
    refused = client.get("/zoeken/?q=koorts")  # one limit per client, over all languages
    assert refused.status_code == 429
    again = client.get("/ar/bahth/?q=koorts")
    assert again.status_code == 429 and "يرجى الانتظار قليلاً" in again.content.decode()

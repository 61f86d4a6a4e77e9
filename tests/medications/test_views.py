"""Pages as a patient sees them: home, glossary, 404, headers and constant query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from medications.content import load_content
from medications.models import Medication
from tests.conftest import leaflet_text

pytestmark = pytest.mark.django_db


def test_home_lists_every_published_medication_grouped_by_kind(client):
    page = client.get("/").content.decode()
    for medication in Medication.objects.published():
        assert medication.get_absolute_url() in page
        for brand in medication.brand_name_list:
            assert brand in page
    kinds = re.findall(r'<h3 id="soort-([a-z-]+)"', page)
    assert kinds == sorted(
        kinds, key=["reumaremmer", "biological", "jak-remmer", "immunoglobuline"].index
    )
    assert 'role="search"' in page


def test_every_page_is_dutch_with_one_h1_and_a_skip_link(client):
    urls = ["/", "/woordenlijst/", "/zoeken/?q=bijwerkingen"]
    urls += [m.get_absolute_url() for m in Medication.objects.published()]
    for url in urls:
        page = client.get(url).content.decode()
        assert '<html lang="nl">' in page, url
        assert page.count("<h1") == 1, url
        assert 'href="#inhoud"' in page, url


def test_headings_never_skip_a_level(client):
    for medication in Medication.objects.published():
        page = client.get(medication.get_absolute_url()).content.decode()
        levels = [int(level) for level in re.findall(r"<h([1-6])", page)]
        for previous, current in zip(levels, levels[1:], strict=False):
            assert current <= previous + 1, (medication.slug, levels)


def test_glossary_page_lists_every_term_with_its_anchor(client):
    from medications.models import GlossaryTerm

    page = client.get("/woordenlijst/").content.decode()
    terms = list(GlossaryTerm.objects.all())
    assert len(terms) >= 40
    for term in terms:
        assert f'id="{term.slug}"' in page
        assert f'href="#letter-{term.first_letter}"' in page


def test_unknown_page_is_a_dutch_404(client):
    response = client.get("/medicijnen/bestaat-niet/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Deze pagina bestaat niet" in page
    assert '<html lang="nl">' in page


def test_unpublished_medication_is_not_shown(client):
    Medication.objects.filter(slug="azathioprine").update(is_published=False)
    assert client.get("/medicijnen/azathioprine/").status_code == 404
    assert "/medicijnen/azathioprine/" not in client.get("/").content.decode()


def test_security_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


# Scripts come from static files. The one inline block allowed is JSON-LD (leaflet pages): data
# for search engines that a browser never runs.
INLINE_SCRIPT = re.compile(r'<script(?![^>]*\bsrc=)(?![^>]*type="application/ld\+json")')


def test_pages_have_no_inline_styles_or_scripts(client):
    for url in ["/", "/woordenlijst/", "/medicijnen/jak-remmers/", "/zoeken/?q=prik"]:
        page = client.get(url).content.decode()
        assert "style=" not in page, url
        assert "<style" not in page, url
        assert not INLINE_SCRIPT.search(page), url


def test_site_name_and_contact_come_from_settings(client, settings):
    settings.SITE_NAME = "Medicijninfo Testziekenhuis"
    settings.SITE_CONTACT_PHONE = "012 345 67 89"
    page = client.get("/").content.decode()
    assert "Medicijninfo Testziekenhuis" in page
    assert 'href="tel:0123456789"' in page


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/", "/medicijnen/testmiddel-1/", "/woordenlijst/"])
def test_queries_per_page_do_not_grow_with_the_number_of_leaflets(content_dir, client, url):
    files = {
        f"t{i}.md": leaflet_text(slug=f"testmiddel-{i}", name=f"Testmiddel {i}") for i in range(2)
    }
    load_content(content_dir(files))
    few = count_queries(client, url)

    files = {
        f"t{i}.md": leaflet_text(slug=f"testmiddel-{i}", name=f"Testmiddel {i}") for i in range(12)
    }
    load_content(content_dir(files))
    many = count_queries(client, url)

    assert many == few

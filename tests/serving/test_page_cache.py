"""Whole pages from the cache: as cheap as static files, compressed, revalidated with 304,
and never stale: a published change shows on the very next request."""

import gzip

import brotli
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from medications import publishing
from medications.models import Medication, Section
from serving.models import ContentVersion

pytestmark = pytest.mark.django_db

PAGES = ["/", "/woordenlijst/", "/medicijnen/azathioprine/", "/medicijnen/azathioprine/print/"]


@pytest.mark.parametrize("url", PAGES)
def test_a_cached_page_costs_one_small_query(client, url):
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    assert len(queries) == 1 and "pages_contentversion" in queries[0]["sql"]


def test_cached_pages_keep_their_security_headers(client):
    client.get("/")
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cache-Control"] == "public, no-cache"
    assert response["Vary"] == "Accept-Encoding"


def test_html_is_compressed_with_brotli_or_gzip(client):
    plain = client.get("/medicijnen/azathioprine/").content
    br = client.get("/medicijnen/azathioprine/", headers={"accept-encoding": "gzip, br"})
    assert br["Content-Encoding"] == "br"
    assert brotli.decompress(br.content) == plain
    assert int(br["Content-Length"]) < len(plain) / 3
    gz = client.get("/medicijnen/azathioprine/", headers={"accept-encoding": "gzip"})
    assert gz["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.content) == plain
    refused = client.get("/medicijnen/azathioprine/", headers={"accept-encoding": "br;q=0"})
    assert "Content-Encoding" not in refused and refused.content == plain


def test_a_browser_that_has_the_page_gets_304(client):
    response = client.get("/medicijnen/anakinra/")
    again = client.get("/medicijnen/anakinra/", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304 and again.content == b""
    since = client.get(
        "/medicijnen/anakinra/", headers={"if-modified-since": response["Last-Modified"]}
    )
    assert since.status_code == 304


def test_head_sends_the_headers_only(client):
    client.get("/")
    response = client.head("/")
    assert response.status_code == 200 and response.content == b""
    assert int(response["Content-Length"]) > 1000


def test_a_published_change_shows_on_the_next_request_of_every_worker():
    """Two clients are two workers: each has its own middleware, both share the version."""
    worker_a, worker_b = Client(), Client()
    assert "sokkenla" not in worker_a.get("/medicijnen/azathioprine/").content.decode()
    assert "sokkenla" not in worker_b.get("/medicijnen/azathioprine/").content.decode()
    working = Medication.working_copies.get(slug="azathioprine")
    section = working.sections.get(kind="operaties")
    with publishing.changes() as batch:
        section.body_markdown = "Bewaar de tabletten in de sokkenla."
        section.save()
        batch.working_copy_changed(working.pk, sections=[section])
        publishing.publish(working, None, "Bewaren")

    assert "sokkenla" in worker_a.get("/medicijnen/azathioprine/").content.decode()
    assert "sokkenla" in worker_b.get("/medicijnen/azathioprine/").content.decode()


def test_a_glossary_change_is_a_new_version_too(client):
    before = ContentVersion.current()[0]
    from medications.models import GlossaryTerm

    term = GlossaryTerm.objects.first()
    with publishing.changes() as batch:
        term.explanation_markdown += " Meer uitleg."
        term.save()
        batch.term_changed(term)
    assert ContentVersion.current()[0] != before


def test_made_up_query_parameters_do_not_fill_the_cache(client):
    with CaptureQueriesContext(connection) as fresh:
        client.get("/medicijnen/infliximab/print/?onderdeel=dosering&onderdeel=bijwerkingen")
    with CaptureQueriesContext(connection) as queries:
        same = client.get(
            "/medicijnen/infliximab/print/?onderdeel=bijwerkingen&onderdeel=dosering"
            "&onderdeel=dosering&onderdeel=bestaat-niet&utm_source=x"
        )
    assert len(fresh) > 1 and len(queries) == 1  # the same canonical page, from the cache
    assert same.status_code == 200


def test_pages_that_differ_per_visitor_are_never_cached(admin_client):
    admin_client.get("/beheer/")
    with CaptureQueriesContext(connection) as queries:
        admin_client.get("/beheer/")
    assert len(queries) > 1
    section = Section.objects.first()
    assert admin_client.get("/zoeken/?q=koorts").status_code == 200
    assert section is not None

"""Pages made before anyone asks (medications.printing.warming): the first request after a
publish, or after a server starts, is a cache hit (one small query: the content version)."""

import threading

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from medications import publishing
from medications.models import Medication
from medications.printing import locks, prerender, warming
from serving.models import ContentVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def keep_test_connection():
    """As Django's test client does: the start and end of a request keep the test's own
    connection (on PostgreSQL it holds the test's transaction); a server's warmer, in a
    thread of its own, closes its own."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def warmer(settings, monkeypatch, keep_test_connection):
    """This process's warmer, over the site's real WSGI application (the whole middleware
    stack), run in the test's thread (the test's transaction) when the test says."""
    settings.SITE_BASE_URL = "http://testserver"  # the site's own address: its pages' key
    settings.PDF_PRERENDER = False  # PDFs: test_pdfs_missing_from_the_cache_are_made
    this_process = warming.Warmer(WSGIHandler())
    monkeypatch.setattr(warming, "warmer", this_process)
    this_process.warm_if_new()  # as the server started
    return this_process


def hit_costs_one_query(url):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200
    assert len(queries) == 1 and "pages_contentversion" in queries[0]["sql"], url
    return response


def test_the_first_request_after_a_publish_is_a_cache_hit(
    warmer, django_capture_on_commit_callbacks
):
    working = Medication.working_copies.get(slug="anakinra")
    with django_capture_on_commit_callbacks(execute=True), publishing.changes() as batch:
        section = working.sections.get(kind="bewaren")
        section.body_markdown += "\n\nNieuw: bewaar de spuiten in de doos."
        section.save()
        batch.working_copy_changed(working.pk, sections=[section])
        publishing.publish(working, None, "Bewaren in de doos")
    assert warmer.woken.is_set(), "the publish woke this process's warmer"
    assert warmer.warm_if_new()  # what its thread does when woken
    page = hit_costs_one_query("/medicijnen/anakinra/")
    assert "bewaar de spuiten in de doos" in page.content.decode()
    printed = hit_costs_one_query("/medicijnen/anakinra/print/")
    assert "bewaar de spuiten in de doos" in printed.content.decode()
    for url in ("/", "/woordenlijst/", "/medicijnen/azathioprine/", "/sitemap.xml"):
        hit_costs_one_query(url)


def test_a_server_that_starts_has_its_pages_ready(warmer):
    paths = warming.public_paths()
    # Every language's pages: the English leaflet, print view and home page too.
    assert {"/en/", "/en/medicines/azathioprine/", "/en/medicines/azathioprine/print/"} <= set(
        paths
    )
    assert "/en/medicines/azathioprine.pdf" in warming.pdf_paths()
    for url in paths:
        hit_costs_one_query(url)


def test_a_version_published_elsewhere_is_warmed_once(warmer):
    assert not warmer.warm_if_new()  # nothing new since the start
    ContentVersion.bump()  # another worker, server or a management command published
    assert warmer.warm_if_new()
    assert not warmer.warm_if_new()
    hit_costs_one_query("/medicijnen/azathioprine/")


def test_warming_counts_against_no_clients_rate_limit(warmer, settings):
    settings.RATE_LIMIT_PRINT = "1/m"
    settings.RATE_LIMIT_PAUSE = 0
    ContentVersion.bump()
    warmer.warm_if_new()  # 17 print views from 127.0.0.1
    client = Client(REMOTE_ADDR="127.0.0.1")
    assert client.get("/medicijnen/azathioprine/print/").status_code == 200  # counted: 1
    made = client.get("/medicijnen/azathioprine/print/", {"onderdeel": "dosering"})
    assert made.status_code == 429  # the limit is live: the 17 warmed counted for no one


def test_pdfs_missing_from_the_cache_are_made_by_one_worker_at_a_time(
    monkeypatch, tmp_path, settings
):
    settings.LOCK_DIR = str(tmp_path)
    asked = []
    monkeypatch.setattr(prerender, "render_leaflets", lambda ids, glossary: asked.append(ids))
    published = warming.published_ids()
    with locks.held(locks.lock_path("pdf-warming.lock")):  # another worker is at it
        waiting = threading.Thread(target=warming.warm_pdfs, args=(published,))
        waiting.start()
        waiting.join(0.5)
        assert waiting.is_alive() and asked == []
    waiting.join(10)
    assert asked == [published]
    assert set(published) == set(Medication.objects.published().values_list("pk", flat=True))


def test_a_warmed_pdf_is_sent_from_the_page_cache(settings, monkeypatch, keep_test_connection):
    """The full PDF made into the PDF cache, then sent once through the site: the first
    nurse's download is a cache hit."""
    settings.SITE_BASE_URL = "http://testserver"
    this_process = warming.Warmer(WSGIHandler())
    monkeypatch.setattr(warming, "published_slugs", lambda: ["anakinra"])
    assert this_process.warm_if_new()
    assert this_process.pdfs_wanted.is_set()  # what its PDF thread waits for
    this_process.warm_pdfs()
    response = hit_costs_one_query("/medicijnen/anakinra.pdf")
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="anakinra.pdf"'

"""PDFs as served: render slots by the cores there are, a render that takes too long is
stopped (a 503, not a worker held), no lock file left per PDF, and a publish has the full
PDFs made in the background so a nurse's download is already cached."""

import os
import time

import pytest

from medications import publishing
from medications.models import Medication
from medications.printing import pdf as pdf_module
from medications.printing import prerender

pytestmark = pytest.mark.django_db


def test_render_slots_follow_the_cores_there_are(settings):
    if "PORTAL_PDF_RENDER_SLOTS" not in os.environ:
        assert len(os.sched_getaffinity(0)) == settings.PDF_RENDER_SLOTS


def hanging_render(html, base_url):
    """A WeasyPrint that hangs (run in a process of the render pool, found there by name)."""
    time.sleep(30)


def test_a_render_that_takes_too_long_is_stopped(client, settings, monkeypatch):
    """On the old code a hanging WeasyPrint held the worker until gunicorn killed it."""
    settings.PDF_RENDER_TIMEOUT = 0.5
    monkeypatch.setattr(pdf_module, "write_pdf", hanging_render)
    pool = pdf_module.render_pool()
    started = time.monotonic()
    response = client.get("/medicijnen/anakinra.pdf")
    assert response.status_code == 503 and response["Retry-After"]
    assert "De site is tijdelijk niet beschikbaar" in response.content.decode()
    assert time.monotonic() - started < 5
    assert all(not process.is_alive() for process in pool._pool)  # the hanging one stopped
    monkeypatch.undo()
    settings.PDF_RENDER_TIMEOUT = 20
    assert client.get("/medicijnen/anakinra.pdf").content.startswith(b"%PDF")  # a new pool


def test_pdfs_are_made_by_processes_a_forkserver_started(client):
    """Never a fork of the (threaded) worker: the pool's processes come from a forkserver."""
    assert client.get("/medicijnen/anakinra.pdf").content.startswith(b"%PDF")
    pool = pdf_module.render_pool()
    assert pool._ctx.get_start_method() == "forkserver"
    assert all(process.pid != os.getpid() for process in pool._pool)


def test_no_lock_file_is_left_per_pdf(client, settings, tmp_path):
    """On the old code each PDF ever asked for left its lock file behind."""
    settings.LOCK_DIR = str(tmp_path)
    for query in ("", "?onderdeel=dosering", "?onderdeel=bijwerkingen"):
        assert client.get(f"/medicijnen/anakinra.pdf{query}").status_code == 200
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("pdf-slot-")) == []


def test_a_publish_has_the_full_pdf_made_in_the_background(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    """On the old code the first nurse after a publish waited for WeasyPrint."""
    made = []

    def at_once(ids, glossary_changed):  # in this thread, in the test's transaction
        made.extend(ids)
        prerender.render_leaflets(ids, glossary_changed)

    monkeypatch.setattr(prerender, "enabled", True)
    monkeypatch.setattr(prerender, "start", at_once)
    working = Medication.working_copies.get(slug="anakinra")
    with django_capture_on_commit_callbacks(execute=True), publishing.changes() as batch:
        section = working.sections.get(kind="bewaren")
        section.body_markdown += "\n\nNieuw: bewaar de spuiten in de doos."
        section.save()
        batch.working_copy_changed(working.pk, sections=[section])
        publishing.publish(working, None, "Bewaren in de doos")
    assert made

    def no_render(html, base_url):
        raise AssertionError("made again: the background PDF was not used")

    monkeypatch.setattr(pdf_module, "render_pdf", no_render)
    response = client.get("/medicijnen/anakinra.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_background_pdfs_are_made_in_each_language_of_the_leaflet(
    client, monkeypatch, content_dir
):
    from tests.english import SLUG, english_site

    medication = english_site(content_dir)
    prerender.render_leaflets([medication.pk], glossary_changed=False)

    def no_render(html, base_url):
        raise AssertionError("made again: the background PDF was not used")

    monkeypatch.setattr(pdf_module, "render_pdf", no_render)
    for path in (f"/medicijnen/{SLUG}.pdf", f"/en/medicines/{SLUG}.pdf"):
        response = client.get(path)
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), path

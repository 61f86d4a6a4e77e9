"""PDFs hold under abuse: one canonical PDF per choice of sections, one render per PDF at a
time, a cap on renders per server (a Dutch 503 past it), and a cache that is bounded and may
be down without stopping a PDF."""

import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.test import override_settings

from medications.printing import locks
from medications.printing import pdf as pdf_module
from portal.caches import local_caches

pytestmark = pytest.mark.django_db


def test_the_cache_key_is_canonical(client, pdf_renders):
    first = client.get("/medicijnen/infliximab.pdf?onderdeel=dosering&onderdeel=bijwerkingen")
    for query in [
        "onderdeel=bijwerkingen&onderdeel=dosering",
        "onderdeel=dosering&onderdeel=dosering&onderdeel=bijwerkingen&onderdeel=nergens",
        "onderdeel=bijwerkingen&onderdeel=dosering&utm=1",
    ]:
        again = client.get(f"/medicijnen/infliximab.pdf?{query}", headers={"host": "localhost:1"})
        assert again.content == first.content
    assert len(pdf_renders) == 1


def test_one_render_per_pdf_at_a_time(monkeypatch):
    calls = []

    def slow(html, base_url):
        calls.append(html)
        time.sleep(0.3)
        return b"%PDF-1.7 traag"

    monkeypatch.setattr(pdf_module, "render_pdf", slow)
    leaflet = SimpleNamespace(pk=424242)
    results = []
    threads = [
        threading.Thread(
            target=lambda: results.append(pdf_module.leaflet_pdf(leaflet, "<p>x", "/"))
        )
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [b"%PDF-1.7 traag"] * 4
    assert len(calls) == 1


def test_past_the_render_cap_a_dutch_503_with_retry_after(client, settings):
    settings.PDF_RENDER_SLOTS = 2
    cached = client.get("/medicijnen/anakinra.pdf").content
    with (
        locks.held(locks.lock_path("pdf-slot-0.lock")),
        locks.held(locks.lock_path("pdf-slot-1.lock")),
    ):
        busy = client.get("/medicijnen/anakinra.pdf?onderdeel=dosering")
        still_cached = client.get("/medicijnen/anakinra.pdf")
    assert busy.status_code == 503
    assert busy["Retry-After"] == "10"
    assert "tijdelijk niet beschikbaar" in busy.content.decode()
    assert still_cached.content == cached  # what is cached is never refused
    assert client.get("/medicijnen/anakinra.pdf?onderdeel=dosering").status_code == 200


def test_a_broken_pdf_cache_never_stops_a_pdf(client, tmp_path):
    not_a_folder = tmp_path / "een-bestand"
    not_a_folder.write_text("geen map")
    with override_settings(
        CACHES=local_caches(str(not_a_folder / "pdfs"), 10, str(not_a_folder / "n.sqlite3"))
    ):
        response = client.get("/medicijnen/azathioprine.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_pdf_cache_is_bounded(tmp_path):
    folder = tmp_path / "pdfs"
    with override_settings(CACHES=local_caches(str(folder), 10, str(tmp_path / "n.sqlite3"))):
        for number in range(40):
            caches["pdfs"].set(f"pdf:{number}", b"%PDF" + bytes(1000))
        assert len(list(Path(folder).glob("*.djcache"))) <= 10

"""Faults give normal pages: a database that is away is a Dutch 503 (cached pages still
served, the search box still answered in JSON) and the site recovers by itself; a Redis
that is down or full is a cache miss, never an error."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.test import Client, override_settings

from portal.caches import redis_caches

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def database_away(monkeypatch):
    """Every new query fails as when the database server is gone; undo() brings it back."""

    def gone(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1, port 5432 failed")

    class Switch:
        def away(self):
            monkeypatch.setattr(connection, "cursor", gone)
            monkeypatch.setattr(connection, "chunked_cursor", gone)

        def back(self):
            monkeypatch.undo()

    return Switch()


def test_a_database_that_is_away_is_a_dutch_503_and_the_site_recovers(database_away, caplog):
    visitor = Client()
    assert visitor.get("/").status_code == 200  # cached from here on

    database_away.away()
    cached = visitor.get("/")
    page = visitor.get("/woordenlijst/")
    suggestions = visitor.get("/zoeken/suggesties/?q=aza")
    for _ in range(20):
        visitor.get("/medicijnen/anakinra/")
    database_away.back()

    assert cached.status_code == 200  # what was cached is still served
    assert page.status_code == 503
    assert "tijdelijk niet beschikbaar" in page.content.decode()
    assert page["Retry-After"] == "30"
    assert '<html lang="nl">' in page.content.decode()
    assert suggestions.status_code == 503
    assert suggestions["Content-Type"] == "application/json"
    assert json.loads(suggestions.content)["suggestions"] == []
    warnings = [r for r in caplog.records if r.name == "portal.faults"]
    assert len(warnings) == 1 and not warnings[0].exc_info  # one line, no traceback storm
    assert visitor.get("/woordenlijst/").status_code == 200  # back by itself


def test_an_unreachable_postgresql_is_a_503_not_a_traceback():
    """The real thing: a fresh process whose database server does not answer."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    script = (
        "import django, os; django.setup()\n"
        "from django.test import Client\n"
        "client = Client()\n"
        "for url in ['/', '/medicijnen/x/', '/zoeken/?q=koorts', '/zoeken/suggesties/?q=a']:\n"
        "    response = client.get(url)\n"
        "    print(url, response.status_code, response['Content-Type'])\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_HTTPS="0",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{closed_port}/nergens",
        DJANGO_ALLOWED_HOSTS="testserver",
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("/ 503 text/html")
    assert all(" 503 " in line for line in lines)
    assert lines[-1].endswith("application/json")
    assert "Traceback" not in result.stderr


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_redis_that_is_down_serves_pages_and_pdfs(caplog):
    with override_settings(CACHES=redis_caches(f"redis://127.0.0.1:{free_port()}/0")):
        visitor = Client()
        for url in ["/", "/medicijnen/infliximab/", "/woordenlijst/", "/zoeken/?q=koorts"]:
            assert visitor.get(url).status_code == 200, url
        pdf = visitor.get("/medicijnen/infliximab.pdf?onderdeel=dosering")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert any(record.name == "portal.cache" for record in caplog.records)


@pytest.fixture
def full_redis(tmp_path):
    """A Redis of its own with 2 MB that refuses to store more (noeviction): full."""
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--maxmemory", "2mb", "--maxmemory-policy", "noeviction",
         "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    import redis

    client = redis.Redis(port=port)
    for _ in range(50):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.1)
    try:
        for number in range(10_000):
            client.set(f"fill:{number}", "x" * 1000)
    except redis.ResponseError as error:
        assert "maxmemory" in str(error)  # full: what the test is for
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(10)


def test_a_full_redis_serves_pages_and_pdfs(full_redis):
    with override_settings(CACHES=redis_caches(full_redis)):
        visitor = Client()
        assert visitor.get("/medicijnen/anakinra/").status_code == 200
        assert visitor.get("/medicijnen/anakinra/").status_code == 200
        pdf = visitor.get("/medicijnen/anakinra.pdf?onderdeel=bewaren")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

"""A database that accepts connections and never answers (portal.watchdog): the first Dutch
503 comes within seconds, static files and cached pages keep being served, and the site
recovers by itself. Served by gunicorn, through a proxy that can be made to hang."""

import time

import pytest
from django.db import connection

from tests import served
from tests.hanging import HangingProxy
from tests.medications.content.test_concurrent_loads import database_url

STYLESHEET_PREFIX = "/static/css/site."


def stylesheet(base):
    _, home, _ = served.get(base + "/woordenlijst/")
    start = home.index(STYLESHEET_PREFIX)
    return home[start : home.index('"', start)]


def timed(url, **kwargs):
    started = time.monotonic()
    status, body, _ = served.get(url, **kwargs)
    return status, body, time.monotonic() - started


def test_a_database_that_never_answers_is_a_dutch_503_within_seconds(tmp_path):
    """On the old code this request hung (gunicorn killed the worker after 30 s)."""
    proxy = HangingProxy()  # accepts, never answers
    env = served.environment(tmp_path, proxy.url("portal"))
    served.manage(env, ["collectstatic", "--noinput"])
    server, base = served.start(env, workers=1)
    try:
        status, body, seconds = timed(base + "/medicijnen/anakinra/")
        assert status == 503 and seconds < 5
        assert "De site is tijdelijk niet beschikbaar" in body
        # Asked again at once: the worker does not wait again while the database is down.
        status, _, seconds = timed(base + "/zoeken/?q=koorts")
        assert status == 503 and seconds < 1.5
        status, _, seconds = timed(base + "/static/css/print.css")
        assert status == 200 and seconds < 1
    finally:
        served.stop(server)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL that hangs")
def test_a_hanging_postgresql_serves_cached_pages_and_recovers(tmp_path):
    name = f"hanging_{connection.settings_dict['NAME']}"
    real = database_url(tmp_path, name)
    params = connection.settings_dict
    proxy = HangingProxy((params["HOST"] or "127.0.0.1", int(params["PORT"] or 5432)))
    env = served.environment(tmp_path, proxy.url(name))
    served.manage(
        {**env, "DATABASE_URL": real},
        ["migrate", "--noinput"], ["load_content"], ["collectstatic", "--noinput"],
    )  # fmt: skip
    server, base = served.start(env, workers=1)
    try:
        for _ in range(3):  # the worker's kept connection and cached page
            assert served.get(base + "/woordenlijst/")[0] == 200
        css = stylesheet(base)
        proxy.hang()
        status, body, seconds = timed(base + "/zoeken/?q=koorts")
        assert status == 503 and seconds < 5, seconds
        assert "De site is tijdelijk niet beschikbaar" in body
        status, _, seconds = timed(base + "/woordenlijst/")
        assert status == 200 and seconds < 1.5, seconds  # the cached page
        assert served.get(base + css)[0] == 200
        proxy.recover()
        deadline = time.monotonic() + 15
        while served.get(base + "/zoeken/?q=koorts")[0] != 200:
            assert time.monotonic() < deadline, "the site did not recover by itself"
            time.sleep(0.5)
    finally:
        served.stop(server)

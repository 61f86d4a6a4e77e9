"""Rate-limit counters without Redis (serving.counters): atomic in one SQLite file that every
worker shares, so parallel requests lose no count."""

import multiprocessing
import sqlite3
import time

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from django_ratelimit.core import get_usage

from serving.counters import CounterCache, retrying


def counter(path):
    return CounterCache(str(path), {})


def count_requests(path, times):
    """One worker: counts `times` requests from one client as django-ratelimit does."""
    cache = counter(path)
    allowed = 0
    for _ in range(times):
        value = 1 if cache.add("client", 1, 60) else cache.incr("client")
        allowed += value <= 120
    return allowed


def test_parallel_workers_lose_no_count(tmp_path):
    """On the old code (Django's file cache, read then write) 400 of 400 got through."""
    path = tmp_path / "counters.sqlite3"
    with multiprocessing.get_context("fork").Pool(4) as pool:
        allowed = sum(pool.starmap(count_requests, [(path, 100)] * 4))
    assert counter(path).get("client") == 400
    assert allowed == 120


def test_a_busy_file_is_tried_again_and_other_errors_go_up_at_once():
    """CI once saw "database is locked" from four workers opening a new file at once."""
    answers = iter([sqlite3.OperationalError("database is locked")] * 2 + [7])

    def statement():
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert retrying(statement) == 7
    tries = []

    def broken():
        tries.append(1)
        raise sqlite3.OperationalError("no such table: counters")

    with pytest.raises(sqlite3.OperationalError):
        retrying(broken)
    assert len(tries) == 1


def test_a_window_ends_and_a_new_one_starts(tmp_path):
    cache = counter(tmp_path / "c.sqlite3")
    assert cache.add("k", 1, 0.2) is True
    assert cache.add("k", 1, 60) is False
    assert cache.incr("k") == 2
    time.sleep(0.3)
    assert cache.get("k") is None
    assert cache.add("k", 1, 60) is True
    assert cache.incr("k", 5) == 6
    cache.delete("k")
    assert cache.get("k", "weg") == "weg"


def test_the_site_counts_in_it_without_redis(settings):
    if settings.CACHES["ratelimit"]["BACKEND"] != "serving.counters.CounterCache":
        return  # with REDIS_URL the counters are in Redis
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.9")
    for expected in (1, 2, 3):
        usage = get_usage(request, group="t", key="ip", rate="2/m", increment=True)
        assert usage["count"] == expected
    assert isinstance(caches["ratelimit"], CounterCache)

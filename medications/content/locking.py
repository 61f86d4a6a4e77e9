"""One load_content at a time: a second one waits for the first to finish, then loads its
own files on top, so the database always holds exactly one input, never a mix, and two
loads never deadlock. PostgreSQL: a session advisory lock; SQLite: a lock file beside the
database file (fcntl)."""

import fcntl
import time
import zlib
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

ADVISORY_KEY = zlib.crc32(b"portal load_content")  # any fixed number; this one is ours
POLL_SECONDS = 0.2


class LoadInProgress(Exception):
    """Another load_content kept the lock for longer than this one would wait."""


@contextmanager
def exclusive_load(wait_seconds=300, on_wait=None):
    """Hold the loading lock; `on_wait()` is called once if another load holds it."""
    if connection.vendor == "postgresql":
        with advisory_lock(wait_seconds, on_wait):
            yield
    else:
        with file_lock(wait_seconds, on_wait):
            yield


def wait_for(try_once, wait_seconds, on_wait):
    deadline = time.monotonic() + wait_seconds
    told = False
    while not try_once():
        if not told and on_wait is not None:
            on_wait()
            told = True
        if time.monotonic() >= deadline:
            raise LoadInProgress(
                f"Een andere load_content is al {wait_seconds:.0f} seconden bezig; er is niets "
                "veranderd. Probeer het opnieuw als die klaar is."
            )
        time.sleep(POLL_SECONDS)


@contextmanager
def advisory_lock(wait_seconds, on_wait):
    def try_once():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_KEY])
            return cursor.fetchone()[0]

    wait_for(try_once, wait_seconds, on_wait)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])


def lock_file_path():
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):  # a test database of one process
        return None
    return Path(name).with_suffix(Path(name).suffix + ".load-lock")


@contextmanager
def file_lock(wait_seconds, on_wait):
    path = lock_file_path()
    if path is None:
        yield
        return
    with open(path, "a") as file:

        def try_once():
            try:
                fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False
            return True

        wait_for(try_once, wait_seconds, on_wait)
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)

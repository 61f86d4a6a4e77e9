"""Locks shared by all workers of one server, as files in settings.LOCK_DIR (fcntl): one
render per PDF at a time, and at most settings.PDF_RENDER_SLOTS renders at once.

A PDF's own lock file is removed when its render is done (one file per PDF ever asked for
filled the folder). Removing a lock file another process has open is safe here: whoever
takes a lock checks that its file is still the one at the path, and else tries again.
"""

import fcntl
import hashlib
import os
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from serving.errors import NoRenderSlot  # the middleware answers it with a Dutch 503


def lock_path(name):
    folder = Path(settings.LOCK_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def still_at(path, file):
    try:
        return os.stat(path).st_ino == os.fstat(file.fileno()).st_ino
    except FileNotFoundError:
        return False


@contextmanager
def held(path, blocking=True, remove=False):
    """An exclusive lock on `path` (the lock ends with the process, should it die).
    `remove`: the file is removed before the lock is let go."""
    while True:
        file = open(path, "a")  # noqa: SIM115 (closed below, after the lock is let go)
        try:
            fcntl.flock(file, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BaseException:
            file.close()
            raise
        if still_at(path, file):
            break
        fcntl.flock(file, fcntl.LOCK_UN)  # removed by the holder before us: take the new one
        file.close()
    try:
        yield
    finally:
        if remove:
            path.unlink(missing_ok=True)
        fcntl.flock(file, fcntl.LOCK_UN)
        file.close()


@contextmanager
def single_flight(key, wait_seconds=15.0):
    """While one request makes the PDF for `key`, a second one for the same key waits for
    it (at most `wait_seconds`, then NoRenderSlot: a worker is not kept waiting for long)."""
    name = "pdf-" + hashlib.sha256(key.encode()).hexdigest()[:32] + ".lock"
    path = lock_path(name)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            with held(path, blocking=False, remove=True):
                yield
                return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise NoRenderSlot from None
            time.sleep(0.05)


@contextmanager
def render_slot(wait_seconds=0.0):
    """One of the server's render slots, or NoRenderSlot (by default at once: a request
    waiting for a slot would keep a worker from the pages)."""
    deadline = time.monotonic() + wait_seconds
    while True:
        for number in range(max(1, settings.PDF_RENDER_SLOTS)):
            try:
                with held(lock_path(f"pdf-slot-{number}.lock"), blocking=False):
                    yield
                    return
            except BlockingIOError:
                continue
        if time.monotonic() >= deadline:
            raise NoRenderSlot
        time.sleep(0.05)

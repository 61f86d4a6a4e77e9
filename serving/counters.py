"""Rate-limit counters without Redis: one SQLite file that every worker of this server
shares, with atomic increments (a Django cache backend, CACHES["ratelimit"]).

django-ratelimit counts with `add` (a new window starts at 1) and `incr`. Django's file and
database caches do `incr` as a read and a write: under parallel requests increments were
lost (400 of 400 requests allowed against a limit of 120), and listing the file cache's
directory cost 19 ms a request at 10,000 files. Here `add` is one upsert that only replaces
an expired row, and `incr` one UPDATE ... RETURNING: SQLite runs each whole, so no count is
lost, whatever the number of workers. Only integers are kept: counters, nothing else.
SQLite answers "database is locked" without waiting in a few cases (several workers
opening a new file at once, WAL recovery): each statement is tried again for a while
before the error goes up (and then the limit lets the request through, serving.policy).

With Redis (production with more than one server) the counters live in Redis instead, so
the limits hold across servers (portal.caches).
"""

import sqlite3
import threading
import time
from itertools import count
from pathlib import Path

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS counters "
    "(key TEXT PRIMARY KEY, value INTEGER NOT NULL, expires REAL NOT NULL)"
)
PURGE_EVERY = 1000  # adds per process between removals of expired rows
FOREVER = 10**12
RETRY_SECONDS = 2.0  # how long a statement is tried again while SQLite says it is busy


class CounterCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        self.path = Path(location)
        self.local = threading.local()
        self.adds = count()

    def connection(self):
        connection = getattr(self.local, "connection", None)
        if connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit: each statement is its own transaction, and SQLite runs it whole.
            connection = sqlite3.connect(self.path, timeout=5, isolation_level=None)
            retrying(lambda: connection.execute("PRAGMA journal_mode=WAL"))
            # A counter lost in a crash is fine.
            retrying(lambda: connection.execute("PRAGMA synchronous=OFF"))
            retrying(lambda: connection.execute(SCHEMA))
            self.local.connection = connection
        return connection

    def run(self, sql, params=()):
        """The cursor of one statement, stepped to its first row."""
        return retrying(lambda: self.connection().execute(sql, params))

    def first_row(self, sql, params=()):
        return retrying(lambda: self.connection().execute(sql, params).fetchone())

    def expiry(self, timeout):
        timeout = self.get_backend_timeout(timeout)
        return FOREVER if timeout is None else timeout

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        now = time.time()
        if next(self.adds) % PURGE_EVERY == 0:
            self.run("DELETE FROM counters WHERE expires <= ?", (now,))
        cursor = self.run(
            "INSERT INTO counters (key, value, expires) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires "
            "WHERE counters.expires <= ?",
            (key, int(value), self.expiry(timeout), now),
        )
        return cursor.rowcount == 1

    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = self.first_row(
            "UPDATE counters SET value = value + ? WHERE key = ? AND expires > ? RETURNING value",
            (int(delta), key, time.time()),
        )
        if row is None:
            raise ValueError(f"Key '{key}' not found")
        return row[0]

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = self.first_row(
            "SELECT value FROM counters WHERE key = ? AND expires > ?", (key, time.time())
        )
        return default if row is None else row[0]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        self.run(
            "INSERT INTO counters (key, value, expires) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value, expires = excluded.expires",
            (key, int(value), self.expiry(timeout)),
        )

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        cursor = self.run(
            "UPDATE counters SET expires = ? WHERE key = ?", (self.expiry(timeout), key)
        )
        return cursor.rowcount == 1

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self.run("DELETE FROM counters WHERE key = ?", (key,)).rowcount == 1

    def has_key(self, key, version=None):
        return self.get(key, version=version) is not None

    def clear(self):
        self.run("DELETE FROM counters")

    def close(self, **kwargs):
        pass  # one connection per thread, kept for the life of the process


def retrying(statement):
    """statement() again, with growing pauses, while SQLite says the file is busy."""
    deadline = time.monotonic() + RETRY_SECONDS
    pause = 0.001
    while True:
        try:
            return statement()
        except sqlite3.OperationalError as error:
            busy = "locked" in str(error) or "busy" in str(error)
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.05)

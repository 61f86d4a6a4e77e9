"""A database that accepts connections and never answers must not hang the site.

PostgreSQL's own timeouts do not cover it: `connect_timeout` bounds a new connection, and
`statement_timeout` is counted by the server, which is the part that hangs. So a served
process (portal/wsgi.py turns this on) watches every round trip to the database: one that
takes longer than DATABASE_ANSWER_TIMEOUT seconds has its socket shut down by a watchdog
thread; the driver then raises OperationalError, which the site answers with the Dutch 503
(serving.middleware), and Django drops the connection.

After such a failure (or a connection that could not be made) the database is taken as
down for DATABASE_RETRY_SECONDS: requests in that time get their 503 (or their cached page)
at once instead of each waiting for the timeout; then the next request tries again, so the
site recovers by itself. Management commands are never watched: a long migration is fine.
"""

import os
import socket
import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import OperationalError

TICK_SECONDS = 0.25


class Watchdog:
    def __init__(self):
        self.enabled = False
        self.lock = threading.Lock()
        self.watched = {}  # token -> (deadline, socket file descriptor)
        self.down_until = 0.0
        self.thread_pid = None

    def enable(self):
        self.enabled = True

    def is_down(self):
        return self.enabled and time.monotonic() < self.down_until

    def went_down(self):
        self.down_until = time.monotonic() + settings.DATABASE_RETRY_SECONDS

    def refuse_while_down(self):
        if self.is_down():
            raise OperationalError("the database did not answer a moment ago; not asked again yet")

    @contextmanager
    def watching(self, fileno):
        """Around one round trip on the socket `fileno`: shut down if it takes too long."""
        if not self.enabled or fileno is None:
            yield
            return
        self.refuse_while_down()
        self.start_thread()
        token = object()
        deadline = time.monotonic() + settings.DATABASE_ANSWER_TIMEOUT
        with self.lock:
            self.watched[token] = (deadline, fileno)
        try:
            yield
        finally:
            with self.lock:  # after this the watchdog can no longer touch this socket
                self.watched.pop(token, None)

    def start_thread(self):
        # Per process: gunicorn forks its workers after loading the site, threads and all.
        if self.thread_pid != os.getpid():
            self.thread_pid = os.getpid()
            threading.Thread(target=self.run, name="database-watchdog", daemon=True).start()

    def run(self):
        while True:
            time.sleep(TICK_SECONDS)
            now = time.monotonic()
            with self.lock:
                for token, (deadline, fileno) in list(self.watched.items()):
                    if now >= deadline:
                        del self.watched[token]
                        shut_down(fileno)
                        self.went_down()


def shut_down(fileno):
    """Ends the connection on `fileno` for both sides: the waiting driver sees it closed."""
    try:
        duplicate = socket.fromfd(fileno, socket.AF_INET, socket.SOCK_STREAM)
    except OSError:
        return
    try:
        duplicate.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        duplicate.close()


watchdog = Watchdog()

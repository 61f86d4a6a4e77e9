"""The scenarios of bench/abuse.py about who the client is and a database that hangs
(see there). Each prints its figures and the target."""

import http.client
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from served import gunicorn, prepared  # noqa: E402

from tests.hanging import HangingProxy  # noqa: E402

SEEN_ADDRESS = "203.0.113.50"  # the attacker's address, as the proxy sees it
LIMIT = 120


def get(url, headers=None, data=None):
    request = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def reverse_proxy(upstream):
    """A reverse proxy on a free port, appending the address it saw to X-Forwarded-For."""
    target = urlsplit(upstream)

    class Forward(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
            given = self.headers.get("X-Forwarded-For")
            headers["X-Forwarded-For"] = f"{given}, {SEEN_ADDRESS}" if given else SEEN_ADDRESS
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
            connection.request("GET", self.path, headers={**headers, "Host": "127.0.0.1"})
            answer = connection.getresponse()
            body = answer.read()
            self.send_response(answer.status)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            connection.close()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Forward)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def proxy(args):
    settings = {
        "PORTAL_TRUSTED_PROXIES": "127.0.0.1",
        "PORTAL_RATE_LIMIT_SEARCH": f"{LIMIT}/m",
        "PORTAL_RATE_LIMIT_PAUSE": "0",
    }
    with prepared(args.database, settings) as (work, env):
        env["PORTAL_COUNTER_FILE"] = str(work / "counters.sqlite3")
        with gunicorn(env, args.workers) as base:
            server, front = reverse_proxy(base)
            statuses = {}
            for number in range(400):
                forged = f"10.{number // 250}.{number % 250}.7"
                status, _ = get(front + "/zoeken/?q=koorts", {"X-Forwarded-For": forged})
                statuses[status] = statuses.get(status, 0) + 1
            server.shutdown()
    past = max(0, statuses.get(200, 0) - LIMIT)
    print(f"400 searches, each with another X-Forwarded-For, limit {LIMIT}/min: {statuses}")
    print(f"requests past the limit: {past} (target 0)")


def database_size(work):
    return sum(p.stat().st_size for p in work.glob("db*"))


def usernames(args):
    with prepared("sqlite") as (work, env), gunicorn(env, args.workers) as base:
        jar = urllib.request.HTTPCookieProcessor()
        opener = urllib.request.build_opener(jar)
        page = opener.open(base + "/beheer/login/").read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        before = database_size(work)
        statuses = {}
        for _ in range(100):
            data = urllib.parse.urlencode(
                {"csrfmiddlewaretoken": token, "username": "u" * 1_000_000, "password": "x"}
            ).encode()
            request = urllib.request.Request(
                base + "/beheer/login/", data=data, headers={"Referer": base + "/"}
            )
            try:
                status = opener.open(request, timeout=60).status
            except urllib.error.HTTPError as error:
                status = error.code
            statuses[status] = statuses.get(status, 0) + 1
        grown = database_size(work) - before
    print(f"100 logins with 1 MB usernames: {statuses}")
    print(f"database grew by {grown / 1e6:.3f} MB (target < 1 MB)")


def hanging(args):
    with prepared("postgresql") as (work, env):
        target = urlsplit(env["DATABASE_URL"])
        proxy = HangingProxy((target.hostname, target.port or 5432))
        env["DATABASE_URL"] = proxy.url(target.path.lstrip("/"))
        with gunicorn(env, args.workers) as base:
            for _ in range(2 * args.workers):
                get(base + "/woordenlijst/")
            proxy.hang()
            started = time.monotonic()
            status, body = get(base + "/zoeken/?q=koorts")
            first = time.monotonic() - started
            dutch = "De site is tijdelijk niet beschikbaar" in body
            started = time.monotonic()
            cached, _ = get(base + "/woordenlijst/")
            cached_seconds = time.monotonic() - started
            proxy.recover()
            started = time.monotonic()
            while get(base + "/zoeken/?q=koorts")[0] != 200:
                time.sleep(0.2)
            back = time.monotonic() - started
    print(f"PostgreSQL hangs: first answer {status} after {first:.2f} s, Dutch: {dutch}")
    print("target: the first Dutch 503 within 5 s")
    print(f"a cached page meanwhile: {cached} in {cached_seconds:.2f} s")
    print(f"after the database answers again: back to 200 in {back:.2f} s")


SCENARIOS = {"proxy": proxy, "usernames": usernames, "hanging": hanging}

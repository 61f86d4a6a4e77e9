"""The deployed-smoke stage: the portal as a hospital runs it, walked like a visitor.

    .venv/bin/python .ci/smoke.py [--database-url URL] [--project DIR]

In a temporary directory: migrate, load the content, collectstatic with the production
storage; then gunicorn with the production settings (DEBUG off, HTTPS on behind a proxy that
says so, a real secret key) on a free loopback port. From the home page it follows every
link on the site, plus each leaflet's print view and PDF, and every stylesheet, script and
image a page uses. It fails on any 5xx, a broken link, a PDF that is not a PDF naming its
medication, or a missing security header. `--project` walks another checkout (an older
commit, say) with this same walk.
"""

import argparse
import io
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
REQUIRED_HEADERS = (
    "Content-Security-Policy",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Permissions-Policy",
)
MAX_PAGES = 500
# The public address printed on paper (PORTAL_BASE_URL) and the hospital's urgent number: the
# foot of every PDF page must carry both.
BASE_URL = "https://medicijnen.smoke.example"
URGENT_NUMBER = "088 999 11 22"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.pages, self.assets, self.h1 = [], [], []
        self.in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.pages.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") in ("stylesheet", "icon") and attrs.get("href"):
            self.assets.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src") and not attrs["src"].startswith("data:"):
            self.assets.append(attrs["src"])
        elif tag == "form" and attrs.get("action") and (attrs.get("method") or "get") == "get":
            self.pages.append(attrs["action"])
        self.in_h1 = self.in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data):
        if self.in_h1:
            self.h1.append(data)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def fetch(url, method="GET", headers=None):
    request = urllib.request.Request(url, method=method, headers={
        "X-Forwarded-Proto": "https", "User-Agent": "portal-smoke", **(headers or {}),
    })  # fmt: skip
    try:
        with OPENER.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(work, database_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_HTTPS="1",
        PORTAL_TRUSTED_PROXIES="127.0.0.1",
        # The site's own address too: the warming asks for its pages under it, as deployed.
        DJANGO_ALLOWED_HOSTS=f"127.0.0.1,localhost,{urlsplit(BASE_URL).hostname}",
        DJANGO_STATIC_ROOT=str(work / "static"),
        PORTAL_LOCK_DIR=str(work / "locks"),
        PORTAL_PDF_CACHE_DIR=str(work / "pdfs"),
        PORTAL_CONTACT_PHONE="088 123 45 67",
        PORTAL_BASE_URL=BASE_URL,
        DATABASE_URL=database_url or f"sqlite:///{work / 'smoke.sqlite3'}",
        REDIS_URL=env.get("SMOKE_REDIS_URL", ""),
    )
    return env


def empty_postgres_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def prepare(project, env):
    python = sys.executable
    if env["DATABASE_URL"].startswith("postgres"):
        empty_postgres_database(env["DATABASE_URL"])
    hospital_route = (
        "from medications.models import HospitalContact; "
        "HospitalContact.objects.create(purpose='spoed', name='Spoedeisende Hulp', "
        f"hours='24 uur per dag', phone='{URGENT_NUMBER}')"
    )
    for command in (
        ["compile_translations"],
        ["migrate", "--noinput"],
        ["load_content"],
        ["shell", "-c", hospital_route],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run(
            [python, "manage.py", *command], cwd=project, env=env, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip


def start_server(project, env, port, log_path):
    """gunicorn with its log in a file: a pipe nobody reads while the walk runs fills up,
    and then every thread that logs waits for it."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    config = project / "portal" / "gunicorn.conf.py"
    command = [str(gunicorn), "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    if config.exists():
        command[1:1] = ["-c", str(config)]
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=log
        )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            if fetch(base + "/")[0] < 500:
                return server, base
        except OSError:
            time.sleep(0.2)
    server.kill()
    server.wait()
    raise SystemExit("gunicorn did not start:\n" + server_log(log_path)[-3000:])


def server_log(log_path):
    return Path(log_path).read_text(errors="replace")


def pdf_names_medication(body, name):
    from pypdf import PdfReader

    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(body)).pages)
    return body.startswith(b"%PDF") and name.lower() in " ".join(text.split()).lower()


def pdf_pages_without_footer(body, page_address):
    """Numbers of the PDF's pages (from 1) that lack the web address or the urgent route,
    read per page with poppler's pdftotext, as a nurse's printer would show them."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
        pdf.write(body)
        pdf.flush()
        text = subprocess.run(
            ["pdftotext", "-layout", pdf.name, "-"], capture_output=True, check=True, text=True
        ).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    address = "".join(page_address.split())
    return [
        number
        for number, page in enumerate(pages, start=1)
        if address not in "".join(page.split())
        or not any(call in " ".join(page.split()) for call in ("bel 112", "call 112"))
        or URGENT_NUMBER not in " ".join(page.split())
    ]


def walk(base):
    problems, seen, counts = [], set(), {"pages": 0, "pdfs": 0, "assets": 0}
    queue = deque(["/"])
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        status, headers, body = fetch(base + path)
        kind = "pdfs" if path.endswith(".pdf") else "pages"
        counts[kind] += 1
        if status >= 500 or status not in (200, 301, 302):
            problems.append(f"{status} {path}")
            continue
        if status in (301, 302):
            target = urlsplit(urljoin(base + path, headers.get("Location", "")))
            if target.netloc == urlsplit(base).netloc:
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
            continue
        missing = [name for name in REQUIRED_HEADERS if name not in headers]
        if missing:
            problems.append(f"{path}: no {', '.join(missing)}")
        if kind == "pdfs":
            continue
        links = Links()
        links.feed(body.decode("utf-8", "replace"))
        name = " ".join("".join(links.h1).split())
        if re.fullmatch(r"/medicijnen/[\w-]+/|/en/medicines/[\w-]+/", path):
            queue.extend([path + "print/", path + "print/?onderdeel=dosering"])
            pdf = path.rstrip("/") + ".pdf"
            status, headers, body = fetch(base + pdf)
            counts["pdfs"] += 1
            seen.add(pdf)
            if status != 200 or not pdf_names_medication(body, name):
                problems.append(f"{status} {pdf}: not a PDF naming {name!r}")
            elif missing := pdf_pages_without_footer(body, BASE_URL + path):
                problems.append(f"{pdf}: no address or urgent route on pages {missing}")
        for href in links.pages:
            target = urlsplit(urljoin(base + path, href))
            if target.netloc != urlsplit(base).netloc or target.path.startswith("/beheer/"):
                continue
            queue.append(target.path + (f"?{target.query}" if target.query else ""))
        for src in links.assets:
            target = urlsplit(urljoin(base + path, src))
            if target.path in seen:
                continue
            seen.add(target.path)
            counts["assets"] += 1
            if fetch(base + target.path)[0] != 200:
                problems.append(f"asset {target.path} on {path}")
    return problems, counts


def checks(base):
    """What a deployment must do beyond links: errors, methods, compression, revalidation."""
    problems = []
    status, _, body = fetch(base + "/bestaat-niet/")
    if status != 404 or b"Deze pagina bestaat niet" not in body:
        problems.append(f"unknown page: {status}, not the Dutch 404")
    status, headers, _ = fetch(base + "/", method="POST")
    if status != 405:
        problems.append(f"POST / answered {status}, not 405")
    status, headers, _ = fetch(base + "/", headers={"Accept-Encoding": "br, gzip"})
    if headers.get("Content-Encoding") != "br":
        problems.append("the home page is not sent with brotli")
    etag = headers.get("ETag")
    if not etag or fetch(base + "/", headers={"If-None-Match": etag})[0] != 304:
        problems.append("the home page does not revalidate to 304")
    status, _, _ = fetch(base + "/beheer/login/")
    if status != 200:
        problems.append(f"admin login page: {status}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a new SQLite file")
    parser.add_argument("--project", type=Path, default=ROOT, help="checkout to serve")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = environment(work, args.database_url)
        prepare(args.project, env)
        log_path = work / "gunicorn.log"
        server, base = start_server(args.project, env, free_port(), log_path)
        try:
            started = time.perf_counter()
            problems, counts = walk(base)
            problems += checks(base)
            seconds = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
            log = server_log(log_path)
    print(
        f"smoke: {counts['pages']} pages, {counts['pdfs']} PDFs, {counts['assets']} static "
        f"files in {seconds:.1f} s, {len(problems)} problem(s)"
    )
    for problem in problems:
        print(f"  FAIL {problem}")
    if problems:
        print("server log (end):\n" + log[-4000:])
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The portal served as deployed (gunicorn, two workers, DEBUG off, collected static files):
a published change shows on the very next request in every worker, and a database restart
costs no request. On the suite's database kind: an SQLite file or a PostgreSQL database."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.medications.content.test_concurrent_loads import database_url

ROOT = Path(__file__).resolve().parents[2]
CHANGE = (
    "from medications import publishing\n"
    "from medications.models import Medication\n"
    "working = Medication.working_copies.get(slug='anakinra')\n"
    "section = working.sections.get(kind='bewaren')\n"
    "with publishing.changes() as batch:\n"
    "    section.body_markdown += '\\n\\nNieuw: bewaar de spuiten in de doos.'\n"
    "    section.save()\n"
    "    batch.working_copy_changed(working.pk, sections=[section])\n"
    "    publishing.publish(working, None, 'Bewaren in de doos')\n"
)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    work = tmp_path_factory.mktemp("served")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    env.update(
        DATABASE_URL=database_url(work, "served"),
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(40),
        DJANGO_STATIC_ROOT=str(work / "static"),
        PORTAL_LOCK_DIR=str(work / "locks"),
        PORTAL_PDF_CACHE_DIR=str(work / "pdfs"),
    )
    for command in (["migrate", "--noinput"], ["load_content"], ["collectstatic", "--noinput"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
            capture_output=True,
        )  # fmt: skip
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "-c", "portal/gunicorn.conf.py", "portal.wsgi",
         "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=5)
            break
        except OSError:
            time.sleep(0.2)
    yield base, env
    server.terminate()
    server.wait(30)


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers


def workers_seen(base, times=30):
    """(statuses, bodies, worker pids): the access log is not needed, each response is."""
    return [get(base + "/medicijnen/anakinra/") for _ in range(times)]


def test_a_published_change_shows_at_once_in_every_worker(served):
    base, env = served
    before = workers_seen(base)
    assert all(status == 200 and "in de doos" not in body for status, body, _ in before)

    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", CHANGE], cwd=ROOT, env=env, check=True,
        capture_output=True,
    )  # fmt: skip

    after = workers_seen(base)
    assert all(status == 200 and "in de doos" in body for status, body, _ in after)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL restart")
def test_a_database_restart_costs_no_request(served):
    import psycopg

    base, env = served
    assert all(status == 200 for status, _, _ in workers_seen(base, 10))
    with psycopg.connect(
        env["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres", autocommit=True
    ) as admin:
        ended = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = 'served' AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    assert ended >= 1  # the workers' kept connections are gone, as after a restart
    statuses = [get(base + url)[0] for url in ["/woordenlijst/", "/zoeken/?q=koorts"] * 10]
    assert statuses == [200] * 20


def get_with(url, headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_a_script_name_header_steers_no_cached_page(served):
    """On the old code gunicorn took SCRIPT_NAME from a header sent from 127.0.0.1 (its
    default forwarded_allow_ips) and the cache keyed by request.path: this one request made
    the anakinra address serve the home page to every later visitor, for a day."""
    base, _ = served
    leaflet = base + "/medicijnen/anakinra/"
    get_with(leaflet, {"SCRIPT_NAME": "/medicijnen/anakinra"})
    for _ in range(6):  # every worker
        status, body = get(leaflet)[:2]
        assert status == 200
        assert "<h1>Anakinra</h1>" in body


def test_error_pages_keep_no_prefix_a_request_brought(served):
    """On the old code a 404 made with a SCRIPT_NAME header of /x was kept per worker, and
    every later visitor's 404 linked to /x/..."""
    base, _ = served
    for _ in range(6):
        get_with(base + "/x/bestaat-niet/", {"SCRIPT_NAME": "/x"})
    for _ in range(6):  # every worker
        status, body = get_with(base + "/bestaat-niet/", {})
        assert status == 404
        assert 'href="/x/' not in body and 'action="/x/' not in body


def test_a_cached_page_has_the_same_headers_from_every_layer(served):
    """Through gunicorn and the production stack: the first request of each worker for a
    page goes down the whole stack, the next ones are sent by pages.early; all carry the
    same headers (only the date and the request id differ) and the same bytes."""
    base, _ = served
    for encoding in ("identity", "br", "gzip"):
        request = urllib.request.Request(
            base + "/medicijnen/infliximab/", headers={"Accept-Encoding": encoding}
        )
        seen = []
        for _ in range(8):
            with urllib.request.urlopen(request, timeout=30) as response:
                headers = sorted(
                    (name.lower(), value)
                    for name, value in response.headers.items()
                    if name.lower() not in {"date", "x-request-id"}
                )
                seen.append((response.status, headers, response.read()))
        assert all(answer == seen[0] for answer in seen), encoding
        assert ("x-frame-options", "DENY") in seen[0][1]
        assert any(name == "content-security-policy" for name, _ in seen[0][1])


MARKER = "Zwaluwstaartvlinder"
# An editor's draft save through the admin itself (Django's test client in the served
# database, signed in with a second factor), then the version patients would get.
DRAFT_SAVE = f"""
from django.test.utils import setup_test_environment
setup_test_environment()
from django.contrib.auth.models import Group, User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice
from medications.models import Medication
from medications.roles import CHIEF_EDITOR
from tests.helpers import admin_form_data
user = User.objects.create_user("eind-served", password="x" * 16, is_staff=True)
user.groups.add(Group.objects.get(name=CHIEF_EDITOR))
client = Client()
client.force_login(user)
device = StaticDevice.objects.create(user=user, name="test")
session = client.session
session[DEVICE_ID_SESSION_KEY] = device.persistent_id
session.save()
working = Medication.working_copies.get(slug="azathioprine")
url = f"/beheer/medications/medication/{{working.pk}}/change/"
data = admin_form_data(client.get(url))
data["summary_nl"] += " {MARKER}."
assert client.post(url, data).status_code == 302
"""
PUBLISH = (
    "from django.contrib.auth.models import Group, User\n"
    "from medications import publishing\n"
    "from medications.models import Medication\n"
    "from medications.roles import CHIEF_EDITOR\n"
    "other = User.objects.create_user('eind-twee', password='x' * 16, is_staff=True)\n"
    "other.groups.add(Group.objects.get(name=CHIEF_EDITOR))\n"
    "working = Medication.working_copies.get(slug='azathioprine')\n"
    "publishing.publish(working, other, 'Nieuwe zin')\n"
)
VERSION = "from serving.models import ContentVersion; print(ContentVersion.current_token())"


def shell(env, code):
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout.strip()


def etags(base, path, times=20):
    """The ETag of each of `times` requests, spread over both workers (statuses checked)."""
    found = []
    for _ in range(times):
        status, body, headers = get(base + path)
        assert status == 200 and MARKER not in body, path
        found.append(headers["ETag"])
    return found


def test_a_draft_save_in_the_admin_leaves_public_pages_and_their_etags_alone(served):
    base, env = served
    paths = ["/", "/medicijnen/azathioprine/", "/woordenlijst/", "/zoeken/?q=azathioprine"]
    before = {path: etags(base, path) for path in paths}
    assert all(len(set(tags)) == 1 for tags in before.values())
    version = shell(env, VERSION)

    shell(env, DRAFT_SAVE)

    assert shell(env, VERSION) == version  # no new content version: every cache entry stays
    assert {path: etags(base, path) for path in paths} == before

    shell(env, PUBLISH)  # another Eindredacteur publishes it (four eyes)
    assert shell(env, VERSION) != version
    for status, body, _ in [get(base + "/medicijnen/azathioprine/") for _ in range(10)]:
        assert status == 200 and MARKER in body  # on the next request, in every worker

"""The portal as deployed, for benchmarks: a prepared database and static files in a
temporary folder, gunicorn with production settings on a free loopback port, and wrk."""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/serve_bench"
)


def require_wrk():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")


def environment(work, database):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    if database == "postgresql":
        recreate_postgres(POSTGRES_URL)
    env.update(
        DATABASE_URL=POSTGRES_URL if database == "postgresql" else f"sqlite:///{work / 'db'}",
        DJANGO_DEBUG="0",
        DJANGO_HTTPS="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(40),
        DJANGO_STATIC_ROOT=str(work / "static"),
        PORTAL_LOCK_DIR=str(work / "locks"),
        PORTAL_PDF_CACHE_DIR=str(work / "pdfs"),
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", ""),
    )
    return env


def recreate_postgres(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


@contextmanager
def prepared(database="sqlite", settings=None):
    """A work folder with the database migrated and loaded and the static files collected;
    `settings`: environment variables of the portal's own (PORTAL_...) for this run."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = environment(work, database) | (settings or {})
        for command in (["migrate"], ["load_content"], ["collectstatic", "--noinput"]):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                capture_output=True,
            )  # fmt: skip
        yield work, env


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(env, workers=2, access_log="/dev/null", port=None, options=(), error_log=None):
    """gunicorn with portal/gunicorn.conf.py; `workers` None: as that file says, and
    `options` more command-line settings (e.g. ("--worker-class", "sync"))."""
    port = port or free_port()
    command = [str(Path(sys.executable).with_name("gunicorn")), "-c", "portal/gunicorn.conf.py",
               "portal.wsgi", "--bind", f"127.0.0.1:{port}", "--access-logfile", str(access_log),
               *options]  # fmt: skip
    if workers is not None:
        command += ["--workers", str(workers)]
    errors = open(error_log, "ab") if error_log else subprocess.DEVNULL  # noqa: SIM115
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors
    )  # fmt: skip
    server.base = base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/", timeout=5)
            break
        except OSError:
            time.sleep(0.2)
    try:
        yield server if error_log else base
    finally:
        server.terminate()
        server.wait(30)
        if error_log:
            errors.close()


PERCENTILES = """
done = function(summary, latency, requests)
  io.write(string.format("p95 %d\\n", latency:percentile(95.0)))
end
"""


def wrk(url, seconds=8, connections=8, headers=(), script=None, threads=1):
    """(requests per second, latency p50 ms, p95 ms, p99 ms, non-2xx responses) from wrk."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        lua.write((Path(script).read_text() if script else "") + PERCENTILES)
        lua.flush()
        command = [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            lua.name,
        ]
        for header in headers:
            command[1:1] = ["-H", header]
        output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    non_2xx = int(errors.group(1)) if errors else 0
    p95 = int(re.search(r"^p95 (\d+)", output, re.M).group(1)) / 1000
    return rate, latency(output, "50%"), p95, latency(output, "99%"), non_2xx


def latency(output, percentile):
    match = re.search(rf"{re.escape(percentile)}\s+([\d.]+)(us|ms|s)", output)
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

"""Time and queries of `load_content`: a cold load into an empty database, then a second run.

    .venv/bin/python bench/load.py [--database sqlite|postgresql] [--repeat N]

Each repeat migrates a fresh database (a temporary SQLite file, or the PostgreSQL database
`load_bench` from BENCH_POSTGRES_URL, emptied first), loads content/ and loads it again. The
figures are medians over the repeats; the query count is the same every time.
"""

import argparse
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/load_bench")
DATABASES = ("sqlite", "postgresql")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=DATABASES, default="sqlite")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child()
    runs = []
    for _ in range(args.repeat):
        url = POSTGRES_URL if args.database == "postgresql" else sqlite_url()
        if args.database == "postgresql":
            recreate_postgres_database(url)
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_HTTPS": "0", "REDIS_URL": ""}
        output = subprocess.run(
            [sys.executable, __file__, "--child"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        runs.append([float(value) for value in output.split()])
    cold_ms, cold_queries, warm_ms, warm_queries = (
        list(column) for column in zip(*runs, strict=True)
    )
    print(f"load_content on {args.database}, median of {args.repeat} fresh databases")
    print(f"{'run':<8} {'wall':>9} {'queries':>8}")
    print(f"{'cold':<8} {statistics.median(cold_ms):>6.0f} ms {int(cold_queries[0]):>8}")
    print(f"{'second':<8} {statistics.median(warm_ms):>6.0f} ms {int(warm_queries[0]):>8}")


def sqlite_url():
    return f"sqlite:///{Path(tempfile.mkdtemp()) / 'load.sqlite3'}"


def recreate_postgres_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def child():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call_command("migrate", verbosity=0)
    figures = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            call_command("load_content", stdout=io.StringIO())
            elapsed = time.perf_counter() - start
        figures += [elapsed * 1000, len(queries)]
    print(" ".join(str(value) for value in figures))


if __name__ == "__main__":
    main()

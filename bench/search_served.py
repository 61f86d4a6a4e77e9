"""Search as deployed: latency under 16 concurrent clients, gunicorn with the production
settings on loopback, the gold set's questions in turn, on both databases.

    .venv/bin/python bench/search_served.py [--databases sqlite postgresql] [--seconds 15]

wrk with 16 connections asks /zoeken/?q=... for every question of tests/search/gold.py in
turn (the per-client rate limit is lifted: that is not what is measured). Prints requests
per second and the latency percentiles wrk saw.
"""

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from served import gunicorn, prepared, require_wrk, wrk  # noqa: E402

from tests.search.gold import GOLD  # noqa: E402

SCRIPT = """
local paths = {PATHS}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--databases", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"]
    )
    parser.add_argument("--seconds", type=int, default=15)
    args = parser.parse_args()
    require_wrk()
    paths = ", ".join(f'"/zoeken/?q={quote(gold.query)}"' for gold in GOLD)
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "search.lua"
        script.write_text(SCRIPT.replace("PATHS", paths))
        measure(args, script)


def measure(args, script):
    print(f"search through gunicorn (2 workers), 16 connections, {len(GOLD)} questions in turn")
    print(f"{'database':<12}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for database in args.databases:
        unlimited = {"PORTAL_RATE_LIMIT_SEARCH": "1000000/m"}
        with prepared(database, unlimited) as (_, env), gunicorn(env) as base:
            wrk(base + "/", seconds=2, connections=16, script=script)  # warm
            rate, p50, p95, p99, errors = wrk(
                base + "/", args.seconds, connections=16, script=script
            )
        print(f"{database:<12}{rate:>8.0f}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}{errors:>8}")


if __name__ == "__main__":
    main()

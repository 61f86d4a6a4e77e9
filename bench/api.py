"""The API against static files: the detail endpoint and the FHIR ePI Bundle next to the
same bytes saved as static files and served by the same gunicorn (through WhiteNoise).

    .venv/bin/python bench/api.py [--database sqlite|postgresql] [--seconds 8] [--rounds 3]

As bench/pages.py: production settings, 2 workers, wrk with one thread and 8 connections,
without compression and with `Accept-Encoding: br, gzip` (the static twin then gets .br and
.gz files). Target: a ratio of at least 0.75 for each. Medians of --rounds runs, each answer
and its twin back to back (in turn first).
"""

import argparse
import gzip
import statistics
import sys
import urllib.request
from pathlib import Path

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parent))
from served import gunicorn, prepared, require_wrk, wrk  # noqa: E402

ANSWERS = {
    # The leaflet's page as a reference: the API should cost what a page costs.
    "page": ("/medicijnen/azathioprine/", "html"),
    "detail": ("/api/v1/medicines/azathioprine/", "json"),
    "epi": ("/api/v1/medicines/azathioprine/epi", "json"),
    "epi-type2": ("/api/v1/medicines/jak-remmers/epi/type2", "json"),
}
ENCODINGS = {"identity": (), "br": ("Accept-Encoding: br, gzip",)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    require_wrk()
    with prepared(args.database) as (work, env):
        with gunicorn(env) as base:
            bodies = {
                name: urllib.request.urlopen(base + path).read()
                for name, (path, _) in ANSWERS.items()
            }
        twins = work / "static" / "bench"
        twins.mkdir()
        for name, body in bodies.items():
            twin = twins / f"{name}.{ANSWERS[name][1]}"
            twin.write_bytes(body)
            twin.with_name(twin.name + ".br").write_bytes(brotli.compress(body, quality=11))
            twin.with_name(twin.name + ".gz").write_bytes(gzip.compress(body, 9))
        with gunicorn(env) as base:  # WhiteNoise finds the twins when it starts
            rows = measure(base, args)
    print(f"API answers vs the same bytes as a static file, {args.database}, gunicorn 2 workers")
    print(f"{'answer':<12}{'bytes':>8}  {'encoding':<10}{'api req/s':>11}{'static req/s':>14}"
          f"{'ratio':>8}")  # fmt: skip
    for name, encoding, answer, static in rows:
        print(f"{name:<12}{len(bodies[name]):>8}  {encoding:<10}{answer:>11.0f}{static:>14.0f}"
              f"{answer / static:>8.2f}")  # fmt: skip
    worst = min(answer / static for _, _, answer, static in rows)
    print(f"lowest ratio: {worst:.2f} (target 0.75)")


def measure(base, args):
    rows = []
    for name, (path, suffix) in ANSWERS.items():
        static_url = f"{base}/static/bench/{name}.{suffix}"
        for encoding, headers in ENCODINGS.items():
            wrk(base + path, seconds=2, headers=headers)  # warm: cache filled, workers up
            answers, statics = [], []
            for round_number in range(args.rounds):
                pair = [base + path, static_url]
                if round_number % 2:
                    pair.reverse()
                rates = {url: wrk(url, args.seconds, headers=headers) for url in pair}
                answer, static = rates[base + path], rates[static_url]
                assert answer[4] == 0 and static[4] == 0, (name, answer, static)
                answers.append(answer[0])
                statics.append(static[0])
            rows.append((name, encoding, statistics.median(answers), statistics.median(statics)))
    return rows


if __name__ == "__main__":
    main()

"""Pages against static files: the throughput of each page next to the same HTML saved as a
static file and served by the same gunicorn (through WhiteNoise), measured side by side.

    .venv/bin/python bench/pages.py [--database sqlite|postgresql] [--seconds 8] [--rounds 2]

gunicorn runs with the production settings and 2 workers; wrk asks with one thread and 8
connections, once without compression and once with `Accept-Encoding: br, gzip` (the static
twin then gets its .br and .gz files, as collectstatic makes them). The target is a ratio of
at least 0.75 for every page. Figures are medians of --rounds runs, each page and its twin
run back to back (in turn first) so both see the same machine.
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

PAGES = {
    "home": "/",
    "medication": "/medicijnen/azathioprine/",
    "woordenlijst": "/woordenlijst/",
    "home_en": "/en/",  # English: the same cache, the language in its key
}
ENCODINGS = {"identity": (), "br": ("Accept-Encoding: br, gzip",)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    require_wrk()
    with prepared(args.database) as (work, env):
        with gunicorn(env) as base:
            html = {
                name: urllib.request.urlopen(base + path).read() for name, path in PAGES.items()
            }
        twins = work / "static" / "bench"
        twins.mkdir()
        for name, body in html.items():
            (twins / f"{name}.html").write_bytes(body)
            (twins / f"{name}.html.br").write_bytes(brotli.compress(body, quality=11))
            (twins / f"{name}.html.gz").write_bytes(gzip.compress(body, 9))
        with gunicorn(env) as base:  # WhiteNoise finds the twins when it starts
            rows = measure(base, args)
    print(f"pages vs the same HTML as a static file, {args.database}, gunicorn 2 workers")
    print(f"{'page':<14}{'encoding':<10}{'page req/s':>12}{'static req/s':>14}{'ratio':>8}")
    for name, encoding, page, static in rows:
        print(f"{name:<14}{encoding:<10}{page:>12.0f}{static:>14.0f}{page / static:>8.2f}")
    worst = min(page / static for _, _, page, static in rows)
    print(f"lowest ratio: {worst:.2f} (target 0.75)")


def measure(base, args):
    """Per page and encoding: each round runs the page and its twin back to back (in turn
    first), and the figures are the medians over the rounds: this machine is shared."""
    rows = []
    for name, path in PAGES.items():
        for encoding, headers in ENCODINGS.items():
            wrk(base + path, seconds=2, headers=headers)  # warm: cache filled, workers up
            pages, statics = [], []
            for round_number in range(args.rounds):
                pair = [base + path, f"{base}/static/bench/{name}.html"]
                if round_number % 2:
                    pair.reverse()
                rates = {url: wrk(url, args.seconds, headers=headers) for url in pair}
                page, static = rates[base + path], rates[f"{base}/static/bench/{name}.html"]
                assert page[4] == 0 and static[4] == 0, (name, page, static)
                pages.append(page[0])
                statics.append(static[0])
            rows.append((name, encoding, statistics.median(pages), statistics.median(statics)))
    return rows


if __name__ == "__main__":
    main()

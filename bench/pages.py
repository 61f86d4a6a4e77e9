"""Every public response as deployed, next to the same bytes served as a static file by the
same gunicorn (through WhiteNoise), measured side by side in one run.

    .venv/bin/python bench/pages.py [--database sqlite|postgresql] [--seconds 5] [--rounds 5]
        [--worker-class gthread|sync|gevent] [--workers N] [--no-mixed] [--only home,pdf,...]

By default gunicorn runs exactly as portal/gunicorn.conf.py says (workers, worker class,
threads); --worker-class and --workers override it to compare models. The per-client rate
limits are raised so that one benchmarking client is not refused (search and each render
are still counted; a response held ready is not, as a static file is not).

It prints, in order:
1. the first request after a publish (made by a management command, as an editor's publish
   from another server) next to a warm hit of the same page: the pages are warmed in the
   background (medications.printing.warming), so both are hits;
2. per response and encoding (identity; br where the client takes it), requests per second
   of the response and of its static twin, wrk with 2 threads and 16 connections, page and
   twin run back to back (in turn first) in each of --rounds rounds: medians and their
   ratio (target: at least 0.9 for every cached response);
3. p99 latency at 64 connections, response and twin side by side;
4. RSS per worker after 10,000 and 20,000 mixed requests (pages, search, PDFs) and what the
   workers' page caches held when they stopped (bounded by PORTAL_PAGE_CACHE_MB).
"""

import argparse
import gzip
import http.client
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import brotli

sys.path.insert(0, str(Path(__file__).resolve().parent))
from served import ROOT, free_port, gunicorn, prepared, require_wrk, wrk  # noqa: E402

# Every public response type served today, cached whole (target: 0.9x the static twin).
CACHED = {
    "home": "/",
    "medication": "/medicijnen/azathioprine/",
    "woordenlijst": "/woordenlijst/",
    "print": "/medicijnen/azathioprine/print/",
    "pdf": "/medicijnen/azathioprine.pdf",
    "sitemap": "/sitemap.xml",
    "home_en": "/en/",  # English: the same cache, the language in its key
    "medication_en": "/en/medicines/azathioprine/",  # an English leaflet page
    "api_detail": "/api/v1/medicines/azathioprine/",  # JSON
    "epi": "/api/v1/medicines/azathioprine/epi",  # FHIR ePI Bundle (Type 1)
    "epi_type2": "/api/v1/medicines/jak-remmers/epi/type2",
}
# Answered per request (not cached): measured and reported, no static target.
UNCACHED = {"search": "/zoeken/?q=misselijk"}
ENCODINGS = {"identity": (), "br": ("Accept-Encoding: br, gzip",)}
UNLIMITED = {f"PORTAL_RATE_LIMIT_{name}": "100000000/m" for name in ("PDF", "SEARCH", "PRINT")}
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
AFTER_PUBLISH = ["/medicijnen/anakinra/", "/medicijnen/anakinra/print/",
                 "/medicijnen/anakinra.pdf", "/woordenlijst/", "/"]  # fmt: skip
MIXED = """
local paths = {PATHS}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--worker-class", help="default: as portal/gunicorn.conf.py says")
    parser.add_argument("--workers", type=int, help="default: as portal/gunicorn.conf.py says")
    parser.add_argument("--no-mixed", action="store_true", help="skip the 20,000 requests")
    parser.add_argument("--only", help="measure only these responses (names, comma-separated)")
    args = parser.parse_args()
    args.responses = measured(args.only)
    require_wrk()
    port = free_port()
    options = ("--worker-class", args.worker_class) if args.worker_class else ()
    site = UNLIMITED | {"PORTAL_BASE_URL": f"http://127.0.0.1:{port}"}
    with prepared(args.database, site) as (work, env):
        with gunicorn(env, workers=1, port=port) as base:
            bodies = {name: fetch(base + path) for name, path in (CACHED | UNCACHED).items()}
        write_twins(work / "static" / "bench", bodies)
        log = work / "gunicorn.log"
        with gunicorn(env, None, port=port, options=options, error_log=log) as server:
            print(describe(server, args))
            wait_until_idle(server)  # the pages and PDFs warmed at the start
            report_first_after_publish(server, env)
            rows = measure(server.base, args)
            report_throughput(rows)
            report_p99(server.base, args)
            if not args.no_mixed:
                report_memory(server)
        report_page_caches(log)


def measured(only):
    everything = CACHED | UNCACHED
    if not only:
        return everything
    names = only.split(",")
    unknown = set(names) - set(everything)
    if unknown:
        raise SystemExit(f"unknown responses: {', '.join(sorted(unknown))}")
    return {name: everything[name] for name in names}


def fetch(url, patience=300):
    """The body; a 503 (a PDF still being made, by the warming too) is asked again."""
    deadline = time.monotonic() + patience
    while True:
        try:
            with urllib.request.urlopen(url, timeout=120) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            if error.code != 503 or time.monotonic() > deadline:
                raise
            time.sleep(2)


def write_twins(folder, bodies):
    """Each response's bytes as a static file, with the .br and .gz that collectstatic's
    compressed storage makes (WhiteNoise picks them by Accept-Encoding)."""
    folder.mkdir()
    for name, body in bodies.items():
        (folder / name).write_bytes(body)
        (folder / f"{name}.br").write_bytes(brotli.compress(body, quality=11))
        (folder / f"{name}.gz").write_bytes(gzip.compress(body, 9))


def describe(server, args):
    workers = worker_pids(server)
    model = args.worker_class or "as portal/gunicorn.conf.py (GUNICORN_WORKER_CLASS or gthread)"
    return (
        f"gunicorn: {len(workers)} workers, worker class {model}, database {args.database}; "
        f"wrk 2 threads, 16 connections, {args.seconds} s per run, {args.rounds} rounds"
    )


def worker_pids(server):
    return children(server.pid)


def children(pid):
    output = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
    ).stdout
    return [int(child) for child in output.split()]


def cpu_ticks(pids):
    """{pid: CPU ticks so far} of those still running."""
    ticks = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks[pid] = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks


def descendants(pid):
    found = []
    for child in children(pid):
        found += [child, *descendants(child)]
    return found


def wait_until_idle(server, limit=600):
    """Until the server and every process under it (the workers, their PDF pools) used under
    3% of a core for two seconds: the warming (pages and PDFs) is done. The PDF pools' processes
    stay alive when idle, so their CPU is what tells."""
    deadline = time.monotonic() + limit
    ticks_per_second = os.sysconf("SC_CLK_TCK")
    while time.monotonic() < deadline:
        pids = [server.pid, *descendants(server.pid)]
        before = cpu_ticks(pids)
        time.sleep(2)
        after = cpu_ticks([*pids, *descendants(server.pid)])
        if set(after) != set(before):  # a render process started or ended: not idle yet
            continue
        used = sum(after[pid] - before[pid] for pid in after)
        if used / ticks_per_second / 2 < 0.03:
            return
    print("(the server did not become idle; measuring anyway)")


def timed_get(base, path, headers=None):
    """Milliseconds for one GET on a new connection, the body read."""
    connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=60)
    started = time.perf_counter()
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    assert response.status == 200, (path, response.status)
    return elapsed


def report_first_after_publish(server, env):
    base = server.base
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", CHANGE], cwd=ROOT, env=env, check=True,
        capture_output=True,
    )  # fmt: skip
    published = time.monotonic()
    time.sleep(1.5)  # every worker sees the new version within a second and warms
    wait_until_idle(server)
    warmed = time.monotonic() - published
    print(f"\npages and PDFs warmed {warmed:.0f} s after the publish (to within 2 s)")
    print("first request after a publish (ms), next to a warm hit (median of 20)")
    print(f"{'page':<32}{'first':>8}{'warm':>8}")
    firsts = {path: timed_get(base, path) for path in AFTER_PUBLISH}
    for path in AFTER_PUBLISH:
        warm = statistics.median(timed_get(base, path) for _ in range(20))
        print(f"{path:<32}{firsts[path]:>8.1f}{warm:>8.1f}")


def measure(base, args):
    """Per response and encoding: each round runs the response and its twin back to back
    (in turn first); the figures are the medians over the rounds: this machine is shared."""
    rows = []
    for name, path in args.responses.items():
        twin = f"{base}/static/bench/{name}"
        for encoding, headers in ENCODINGS.items():
            wrk(base + path, seconds=1, headers=headers, threads=2, connections=16)  # warm
            pages, statics = [], []
            for round_number in range(args.rounds):
                pair = [base + path, twin]
                if round_number % 2:
                    pair.reverse()
                rates = {
                    url: wrk(url, args.seconds, connections=16, headers=headers, threads=2)
                    for url in pair
                }
                assert rates[base + path][4] == 0 and rates[twin][4] == 0, (name, rates)
                pages.append(rates[base + path][0])
                statics.append(rates[twin][0])
            rows.append((name, encoding, statistics.median(pages), statistics.median(statics)))
    return rows


def report_throughput(rows):
    print("\nresponses vs the same bytes as a static file (requests/s, medians)")
    print(f"{'response':<14}{'encoding':<10}{'response':>10}{'static':>10}{'ratio':>8}")
    for name, encoding, page, static in rows:
        print(f"{name:<14}{encoding:<10}{page:>10.0f}{static:>10.0f}{page / static:>8.2f}")
    cached = [page / static for name, _, page, static in rows if name in CACHED]
    if cached:
        print(f"lowest ratio of a cached response: {min(cached):.2f} (target 0.9)")


def report_p99(base, args):
    print("\nlatency at 64 connections (ms): response vs static twin")
    print(f"{'response':<14}{'encoding':<10}{'p50':>7}{'p99':>8}{'twin p50':>10}{'twin p99':>10}")
    for name, path in args.responses.items():
        for encoding, headers in ENCODINGS.items():
            page = wrk(base + path, args.seconds, connections=64, headers=headers, threads=2)
            twin = wrk(f"{base}/static/bench/{name}", args.seconds, connections=64,
                       headers=headers, threads=2)  # fmt: skip
            print(
                f"{name:<14}{encoding:<10}{page[1]:>7.1f}{page[3]:>8.1f}"
                f"{twin[1]:>10.1f}{twin[3]:>10.1f}"
            )


def rss_kib(pids):
    sizes = {}
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes[pid] = int(line.split()[1])
    return sizes


def mixed_requests(base, total):
    """At least `total` requests, in runs of two seconds; returns how many were made."""
    slugs = ["anakinra", "azathioprine", "immunoglobulinen", "infliximab", "jak-remmers"]
    paths = ["/", "/woordenlijst/", "/sitemap.xml", "/zoeken/?q=misselijk",
             "/zoeken/?q=zwanger", "/zoeken/?q=koorts+bij+infuus"]  # fmt: skip
    for slug in slugs:
        paths += [f"/medicijnen/{slug}/", f"/medicijnen/{slug}/print/", f"/medicijnen/{slug}.pdf"]
    script = MIXED.replace("{PATHS}", "{" + ", ".join(f'"{path}"' for path in paths) + "}")
    made = 0
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        lua.write(script)
        lua.flush()
        while made < total:
            output = subprocess.run(
                ["wrk", "-t2", "-c16", "-d2s", "-s", lua.name, base + "/"],
                check=True, capture_output=True, text=True,
            ).stdout  # fmt: skip
            made += int(re.search(r"(\d+) requests in", output).group(1))
    return made


def report_memory(server):
    workers = worker_pids(server)
    start = rss_kib(workers)
    first = mixed_requests(server.base, 10_000)
    at_10k = rss_kib(workers)
    second = first + mixed_requests(server.base, 10_000)
    at_20k = rss_kib(workers)
    print("\nRSS per worker (MiB) over mixed requests (pages, print views, PDFs, search):")
    print(f"after {first:,} and {second:,} requests")
    print(f"{'worker':<10}{'start':>8}{'10,000':>9}{'20,000':>9}{'growth 10k-20k':>16}")
    for pid in workers:
        if pid in at_20k:
            print(
                f"{pid:<10}{start[pid] / 1024:>8.1f}{at_10k[pid] / 1024:>9.1f}"
                f"{at_20k[pid] / 1024:>9.1f}{(at_20k[pid] - at_10k[pid]) / 1024:>+16.1f}"
            )
    if set(at_20k) != set(workers):
        print("(a worker was renewed during the run)")


def report_page_caches(log):
    lines = [line for line in log.read_text().splitlines() if "page cache of worker" in line]
    print("\npage caches when the workers stopped (bound: PORTAL_PAGE_CACHE_MB, default 24)")
    for line in lines:
        print("  " + line.split("] ", 3)[-1])


if __name__ == "__main__":
    main()

"""One client asks for uncached PDF variants as fast as it can; does a second client reading
medication pages still get through? And three attacks on what the portal knows of its
clients and its database (--scenario):

    .venv/bin/python bench/abuse.py [--database sqlite|postgresql] [--seconds 30]
    .venv/bin/python bench/abuse.py --scenario proxy       # X-Forwarded-For rotation
    .venv/bin/python bench/abuse.py --scenario usernames   # 100 logins with 1 MB usernames
    .venv/bin/python bench/abuse.py --scenario hanging     # PostgreSQL that stops answering

proxy: the portal behind a local reverse proxy (it appends the address it saw, as nginx
does); one client sends 400 searches, each with another made-up X-Forwarded-For, against a
limit of 120 per minute. Target: 0 requests past the limit.
usernames: 100 failed logins with a 1 MB username each, on SQLite. Target: the database
grows by less than 1 MB.
hanging: PostgreSQL behind a proxy that keeps accepting and stops answering. Target: the
first Dutch 503 within 5 s; cached pages still served; back by itself after it answers.

The pdf scenario (the default):

gunicorn with the production settings and 2 workers. First the reader alone (wrk, 8
connections, the five medication pages in turn) for a baseline; then the reader again while
the attacker (wrk, 8 connections) asks for random choices of sections of the longest
leaflet, each a PDF nobody asked for before. The attacker's answers are counted by status
(200 made or cached, 429 rate limit, 503 render cap). Target: the reader keeps at least 50 %
of its baseline throughput, with 0 errors.
"""

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from served import gunicorn, prepared, require_wrk, wrk  # noqa: E402

SECTIONS = [
    "werking", "aandoening", "voor-de-start", "niet-gebruiken", "dosering",
    "wanneer-werkt-het", "bijwerkingen", "wanneer-contact", "controles", "zwangerschap",
    "vaccinatie", "operaties", "andere-medicijnen", "bewaren", "reizen", "meer-weten", "vragen",
]  # fmt: skip
READER = """
local pages = {"/medicijnen/azathioprine/", "/medicijnen/anakinra/", "/medicijnen/infliximab/",
               "/medicijnen/jak-remmers/", "/medicijnen/immunoglobulinen/"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", pages[(n % #pages) + 1])
end
"""
ATTACKER = """
local kinds = {KINDS}
math.randomseed(os.time())
request = function()
  local parts = {}
  for _, kind in ipairs(kinds) do
    if math.random() < 0.5 then table.insert(parts, "onderdeel=" .. kind) end
  end
  return wrk.format("GET", "/medicijnen/immunoglobulinen.pdf?" .. table.concat(parts, "&"))
end
""".replace("KINDS", ", ".join(f'"{kind}"' for kind in SECTIONS))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--scenario", choices=["pdf", "proxy", "usernames", "hanging"], default="pdf"
    )
    args = parser.parse_args()
    if args.scenario != "pdf":
        from abuse_clients import SCENARIOS

        return SCENARIOS[args.scenario](args)
    require_wrk()
    scripts = Path(tempfile.mkdtemp())
    reader, attacker = scripts / "reader.lua", scripts / "attacker.lua"
    reader.write_text(READER)
    attacker.write_text(ATTACKER)
    log = scripts / "access.log"
    serving = gunicorn
    with prepared(args.database) as (_, env), serving(env, args.workers, log) as base:
        wrk(base + "/", seconds=3, script=reader)  # warm: the pages cached
        alone = wrk(base + "/", seconds=args.seconds // 2, script=reader)
        attack = subprocess.Popen(
            ["wrk", "-t1", "-c8", f"-d{args.seconds + 2}s", "-s", str(attacker), base + "/"],
            stdout=subprocess.PIPE,
            text=True,
        )
        loaded = wrk(base + "/", seconds=args.seconds, script=reader)
        attack.communicate()
    statuses = {}
    for line in log.read_text().splitlines():
        if ".pdf?" in line:  # '127.0.0.1 "GET /medicijnen/....pdf?... HTTP/1.1" 429 ...'
            status = line.split('"')[2].split()[0]
            statuses[status] = statuses.get(status, 0) + 1
    for label, (rate, _, p95, _, errors) in (("alone", alone), ("under attack", loaded)):
        print(f"reader {label + ':':<14}{rate:>7.0f} req/s, p95 {p95:.1f} ms, errors {errors}")
    print(f"kept: {loaded[0] / alone[0]:.0%} of its throughput (target 50 %), {loaded[4]} errors")
    print("attacker's answers: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))


if __name__ == "__main__":
    main()

"""gunicorn as the portal runs in production and with `make run`:
`gunicorn -c portal/gunicorn.conf.py portal.wsgi`. Every value can be set from the
environment (GUNICORN_BIND, GUNICORN_WORKERS, ...)."""

import ipaddress
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threaded workers (gthread), chosen by measurement (bench/pages.py --worker-class, issue
# 20, on 2 shared cores): with cached pages sent by serving/early.py, gthread served the
# pages at 0.85-1.2x their static twins, search and PDFs included in the same run; sync was
# no faster on pages and lets a client paused by a rate limit, or a PDF with sections made
# on request, hold a whole worker; gevent answered a 500 right after a publish (SQLite and
# the warming thread under monkey-patching) and was not taken further. A request that
# waits (a PDF made in a child process, the database, a client paused by a rate limit)
# keeps one thread, not a whole worker, from the pages (bench/abuse.py).
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))  # a PDF takes 2 s at most
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
keepalive = 5
# Workers are renewed now and then, not all at once. Rarely: a worker's memory is bounded
# (PORTAL_PAGE_CACHE_MB; bench/pages.py shows no growth from 10,000 to 20,000 requests), and
# a renewed worker starts with an empty page cache and warms it again. Every 2,000 requests
# was every second or two under load; every 100,000 still renewed each worker about every
# 100 s at 3,000 requests/s, and each renewal took CPU from the pages measured beside it.
# A million is hours at a busy hospital's traffic, and a net against a slow leak.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100000"))
# Load the site once, before the workers fork: a broken setting stops the start at once.
preload_app = True
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# With the request's id (portal.logs), as in the site's own log lines.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms id=%({x-request-id}o)s'

# Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are taken only from the proxies of
# PORTAL_TRUSTED_PROXIES, the same setting the site uses to find the client (serving.clients);
# empty (no proxy): from no one. gunicorn's own default trusts 127.0.0.1.
forwarded_allow_ips = ",".join(
    str(ipaddress.ip_network(entry.strip(), strict=False))  # as portal/settings.py reads it
    for entry in os.environ.get("PORTAL_TRUSTED_PROXIES", "").split(",")
    if entry.strip()
)
# A SCRIPT_NAME or PATH_INFO request header is dropped, whoever sends it: the site lives at
# the root of its host, and a prefix taken from a header let one request steer the page cache.
forwarder_headers = ""


def post_worker_init(worker):
    """Each worker makes the site's pages into the cache now (a deploy) and after every
    publish, in a thread of its own (medications.printing.warming)."""
    from medications.printing import warming

    warming.start(worker.wsgi)


def worker_exit(server, worker):
    """What the worker's page cache held, in the log (bench/pages.py reads it)."""
    from serving.early import held

    pages, size = held()
    server.log.info("page cache of worker %s: %d pages, %d bytes", worker.pid, pages, size)

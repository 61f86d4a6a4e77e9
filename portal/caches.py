"""The caches: "default" (whole pages), "pdfs" (bounded) and "ratelimit" (per-client
counters, shared by all workers so a limit holds for the whole server).

With Redis (production) both live there through django-redis with IGNORE_EXCEPTIONS: a Redis
that is down or full is a miss, logged, never an error page. Give the Redis server a
`maxmemory` with `maxmemory-policy allkeys-lru`, so a full Redis evicts the least used
entries; PDFs also expire after 36 hours. Without Redis: pages in each worker's memory, PDFs
as files in one directory that all workers share, at most `pdf_entries` of them, counters
in one SQLite file.
"""

PDF_TIMEOUT = 60 * 60 * 36  # the date printed is on the paper: a day and a half is plenty


def redis_caches(url):
    # Short timeouts: a Redis that hangs costs a request half a second at most, then a miss.
    options = {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5}
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal",
            "OPTIONS": options,
        },
        "pdfs": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal-pdf",
            "TIMEOUT": PDF_TIMEOUT,
            "OPTIONS": options,
        },
        "ratelimit": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "portal-limit",
            "OPTIONS": options,
        },
    }


def local_caches(pdf_directory, pdf_entries, counter_file):
    """Without Redis, the counters are rows of one SQLite file with atomic increments
    (serving.counters): counted exactly by every worker of this server."""
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        },
        "pdfs": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": pdf_directory,
            "TIMEOUT": PDF_TIMEOUT,
            "OPTIONS": {"MAX_ENTRIES": pdf_entries},
        },
        "ratelimit": {"BACKEND": "serving.counters.CounterCache", "LOCATION": counter_file},
    }

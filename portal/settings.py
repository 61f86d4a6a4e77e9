"""Settings for the portal: read from the environment, with safe defaults for local use.

Production sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL
(PostgreSQL) and REDIS_URL. A fresh clone runs on SQLite with no server at all.
"""

import hashlib
import ipaddress
import os
import tempfile
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from portal.caches import local_caches, redis_caches
from portal.mail import mail_settings

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def checkout_id():
    """Short and stable per checkout: two checkouts on one machine keep their files apart."""
    return hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8]


def trusted_proxies(value):
    """The networks of PORTAL_TRUSTED_PROXIES; a typo stops the start, it never trusts more."""
    try:
        return [str(ipaddress.ip_network(item.strip(), strict=False)) for item in value.split(",")
                if item.strip()]  # fmt: skip
    except ValueError as error:
        raise ImproperlyConfigured(f"PORTAL_TRUSTED_PROXIES: {error}") from None


DEBUG = env_bool("DJANGO_DEBUG", False)
# A content row saved outside the write path (medications.publishing.changes()) raises at
# once: with DEBUG and in the tests (tests/conftest.py); in production the save goes through.
WRITE_PATH_TRIPWIRE = DEBUG
# The fallback key is for management commands and tests only: the web server refuses to start
# with it (portal/wsgi.py), and `check --deploy` flags it. `make run` makes a key of its own.
INSECURE_LOCAL_KEY = "django-insecure-local-development-only"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", INSECURE_LOCAL_KEY)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    # The admin, with the portal's own site: staff sign in with a second factor.
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "reversion",
    # Second factor for staff: authenticator apps (TOTP) and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Admin login throttling: locks an account and address out after repeated failures.
    "axes",
    "medications",
    "search",
    "serving",
    # The open data API (api/): django-ninja's docs assets (Swagger UI) come from its own
    # static files, served by the site: no CDN, under the site's CSP.
    "ninja",
    "corsheaders",
    "api",
]

MIDDLEWARE = [
    # Every request gets an id, in its response and in every log line (portal.logs).
    "portal.logs.RequestIdMiddleware",
    # A page the stack below sent from the page cache before is sent from here the next
    # time, with the headers the stack added: no other middleware, no URL resolver
    # (serving/early.py).
    "serving.early.EarlyPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Outside everything that may refuse a request, so a 400, 429 or 503 has them too.
    "csp.middleware.CSPMiddleware",
    # CORS headers on the API's answers, cached ones included (CORS_URLS_REGEX).
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The language of the address (/en/...: English, else Dutch) for everything below,
    # the rate limits' refusals, the page cache's key and the error pages included.
    "serving.language.PathLanguageMiddleware",
    # A Host not in ALLOWED_HOSTS is a 400 before any limit or cached page.
    "serving.middleware.AllowedHostMiddleware",
    # A client past its rate limit is refused here, before anything that costs.
    "serving.middleware.RateLimitMiddleware",
    # A cached public page is sent from here: it skips everything below (serving/middleware.py).
    "serving.middleware.PageCacheMiddleware",
    "serving.middleware.ServiceUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before the check
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "medications.site.context_processors.site",
                "medications.site.context_processors.page_language",
            ],
            # Template tags of the public site and of the editors' side (not in an app's
            # templatetags folder: each lives with its side).
            "libraries": {
                "patient_pages": "medications.site.templatetags.patient_pages",
                "languages": "medications.site.templatetags.languages",
                "reviews": "medications.editing.templatetags.reviews",
            },
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        # A kept connection is checked before each request reuses it: after a database
        # restart the first request of each worker opens a new one instead of failing.
        conn_health_checks=True,
    )
}
# A database that hangs (accepts, never answers) gives a Dutch 503 within seconds, and the
# site tries again by itself (portal.watchdog): a round trip of a served request may take
# this long, and after one that did not answer the database is left alone this long.
DATABASE_ANSWER_TIMEOUT = float(os.environ.get("PORTAL_DB_ANSWER_TIMEOUT", "4"))
DATABASE_RETRY_SECONDS = float(os.environ.get("PORTAL_DB_RETRY_SECONDS", "5"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend with each round trip watched (portal/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "portal.postgresql"
    # The default random_page_cost (4) assumes spinning disks: the planner then picks a
    # sequential scan over the search index for common words, twice as slow as the GIN index
    # (bench/search.py --explain). 1.1 is the usual value for SSDs; the environment may change it.
    page_cost = os.environ.get("PORTAL_PG_RANDOM_PAGE_COST", "1.1")
    # The server ends a statement that runs longer than this (a runaway query, or one whose
    # client the watchdog gave up on).
    statement_timeout = os.environ.get("PORTAL_DB_STATEMENT_TIMEOUT", "30s")
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        options=f"-c random_page_cost={page_cost} -c statement_timeout={statement_timeout}",
        # A connection not made within this many seconds is an error (libpq's minimum is 2).
        connect_timeout=int(os.environ.get("PORTAL_DB_CONNECT_TIMEOUT", "3")),
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# PDFs get a cache of their own with a bound: in Redis a key prefix with a time limit (give
# the server a `maxmemory` with `allkeys-lru`, so a full Redis evicts the least used); by
# default files in one directory shared by all workers, at most PDF_CACHE_ENTRIES of them.
PDF_CACHE_ENTRIES = int(os.environ.get("PORTAL_PDF_CACHE_ENTRIES", "500"))
PDF_CACHE_DIR = os.environ.get(
    "PORTAL_PDF_CACHE_DIR", os.path.join(tempfile.gettempdir(), f"portal-pdfs-{checkout_id()}")
)
# Without Redis, rate-limit counters are kept in one SQLite file (serving.counters). Each of
# these files and folders is per checkout by default: two checkouts never share them.
COUNTER_FILE = os.environ.get(
    "PORTAL_COUNTER_FILE",
    os.path.join(tempfile.gettempdir(), f"portal-counters-{checkout_id()}.sqlite3"),
)
CACHES = (
    redis_caches(REDIS_URL)
    if REDIS_URL
    else local_caches(PDF_CACHE_DIR, PDF_CACHE_ENTRIES, COUNTER_FILE)
)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"

# Each worker keeps the pages it sent last in its memory, as ready-to-send bytes (identity,
# gzip and brotli): at most this many, and at most this many MB of them (least recently used
# go first). The bench (bench/pages.py) reports what they hold after its mixed run.
PAGE_CACHE_ENTRIES = int(os.environ.get("PORTAL_PAGE_CACHE_ENTRIES", "200"))
PAGE_CACHE_MAX_BYTES = int(os.environ.get("PORTAL_PAGE_CACHE_MB", "24")) * 1024 * 1024

# Per-client limits (django-ratelimit, counted in the default cache; a cache that is down
# lets requests through rather than locking patients out).
RATELIMIT_VIEW = "serving.errors.too_many_requests"
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_FAIL_OPEN = True
RATE_LIMIT_PDF = os.environ.get("PORTAL_RATE_LIMIT_PDF", "10/m")
RATE_LIMIT_SEARCH = os.environ.get("PORTAL_RATE_LIMIT_SEARCH", "120/m")
# The API's search, lookup, change feed and oEmbed share RATE_LIMIT_SEARCH (api/urls.py); its
# other answers are cached pages, served as the site's pages are.
RATE_LIMIT_PRINT = os.environ.get("PORTAL_RATE_LIMIT_PRINT", "30/m")
# A refused client waits this long for its 429, on at most this many threads per worker.
RATE_LIMIT_PAUSE = float(os.environ.get("PORTAL_RATE_LIMIT_PAUSE", "0.5"))
RATE_LIMIT_PAUSING_THREADS = int(os.environ.get("PORTAL_RATE_LIMIT_PAUSING_THREADS", "4"))
# PDFs made at the same time, per server: one per core this process may use; past it a 503
# with Retry-After. A PDF is made at a lower priority (PDF_NICENESS), so the pages still get
# the cores first. Locks live in LOCK_DIR.
PDF_RENDER_SLOTS = int(
    os.environ.get("PORTAL_PDF_RENDER_SLOTS", str(len(os.sched_getaffinity(0)) or 1))
)
# A PDF not made within this many seconds is stopped (a 503), long before gunicorn's timeout.
PDF_RENDER_TIMEOUT = float(os.environ.get("PORTAL_PDF_RENDER_TIMEOUT", "20"))
# After a publish, the full PDFs of the leaflets it changed are made in the background
# (medications.printing.prerender), so a nurse's first download is already in the cache.
PDF_PRERENDER = env_bool("PORTAL_PDF_PRERENDER", True)
# After a publish and when a server starts, each worker makes every public page and print view
# into the cache in the background, and one worker per server the missing full PDFs (with
# PDF_PRERENDER), so no visitor waits for a render (medications.printing.warming).
WARM_PAGES = env_bool("PORTAL_WARM_PAGES", True)
# How much less CPU priority a PDF gets than the pages (nice 0 to 19): pages stay fast.
PDF_NICENESS = int(os.environ.get("PORTAL_PDF_NICENESS", "10"))
LOCK_DIR = os.environ.get(
    "PORTAL_LOCK_DIR", os.path.join(tempfile.gettempdir(), f"portal-locks-{checkout_id()}")
)

# Admin login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# account from one client address (serving.clients), that pair is locked out for
# AXES_COOLOFF_TIME hours; the editor can still sign in from anywhere else. Over all
# usernames, one address has at most RATE_LIMIT_LOGIN tries (portal.login).
AXES_FAILURE_LIMIT = int(os.environ.get("PORTAL_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("PORTAL_LOGIN_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "portal.login.locked_out"
RATE_LIMIT_LOGIN = os.environ.get("PORTAL_RATE_LIMIT_LOGIN", "50/h")
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Staff need a second factor (portal.admin_site); PORTAL_REQUIRE_2FA=0 only for a test
# installation (check --deploy warns).
REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = os.environ.get("PORTAL_SITE_NAME", "Medicijninformatie")
# Only staff have sessions: a working day, then sign in again.
SESSION_COOKIE_AGE = int(os.environ.get("PORTAL_STAFF_SESSION_HOURS", "8")) * 60 * 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dutch is the source language, at `/`; each other language of LANGUAGES has its pages under
# its own prefix (/en/), its interface in locale/<code>/LC_MESSAGES/django.po and its content
# in modeltranslation's columns (README: "Adding a language"). The admin stays Dutch.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)
# The admin shows each translated field as tabs, one per language (TabbedTranslationAdmin),
# with jQuery UI's tabs served from this site: modeltranslation's default is a CDN, which the
# CSP forbids. Django's admin brings jQuery itself.
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.tabs.js"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CONTENT_DIR = Path(os.environ.get("PORTAL_CONTENT_DIR", BASE_DIR / "content"))

# The hospital that runs this portal: shown in the header, footer and printed leaflets.
SITE_NAME = os.environ.get("PORTAL_SITE_NAME", "Medicijninformatie")
SITE_LOGO_TEXT = os.environ.get("PORTAL_LOGO_TEXT", "Ziekenhuis Medicijninfo")
SITE_HOSPITAL_NAME = os.environ.get("PORTAL_HOSPITAL_NAME", "Uw ziekenhuis")
SITE_CONTACT_PHONE = os.environ.get("PORTAL_CONTACT_PHONE", "")
SITE_CONTACT_EMAIL = os.environ.get("PORTAL_CONTACT_EMAIL", "")
SITE_CONTACT_TEXT = os.environ.get(
    "PORTAL_CONTACT_TEXT",
    "Heeft u vragen over uw medicijnen? Neem contact op met uw behandelend arts, "
    "verpleegkundige of apotheker.",
)
# A leaflet's next review is due this many days after its last one, unless set by hand.
REVIEW_INTERVAL_DAYS = int(os.environ.get("PORTAL_REVIEW_INTERVAL_DAYS", "730"))
# Four eyes: the last editor of a leaflet may not publish it, unless a small hospital allows
# it here (each such publication says so in the admin's log).
ALLOW_SELF_PUBLISH = env_bool("PORTAL_ALLOW_SELF_PUBLISH", False)
# The editors' e-mails (review requested, sent back, the weekly digest): EMAIL_URL
# (portal/mail.py; empty: printed to the console), sent from PORTAL_MAIL_FROM.
globals().update(mail_settings(os.environ.get("EMAIL_URL", "")))
DEFAULT_FROM_EMAIL = os.environ.get("PORTAL_MAIL_FROM", "medicijninfo@localhost")
# Absolute address printed on paper leaflets; falls back to the request's host.
SITE_BASE_URL = os.environ.get("PORTAL_BASE_URL", "").rstrip("/")

# Security: strict by default, relaxed only where plain HTTP is used locally.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing on the site needs a camera, microphone, location or payment; speech synthesis
# ("Lees voor") needs no permission.
PERMISSIONS_POLICY = {
    "camera": [], "microphone": [], "geolocation": [], "payment": [], "usb": [],
    "interest-cohort": [], "browsing-topics": [],
}  # fmt: skip
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
HTTPS = env_bool("DJANGO_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
# The reverse proxies in front of the portal (addresses or networks, comma-separated; empty:
# no proxy, clients connect directly). The one setting that decides who the client is
# (serving.clients): rate limits, login throttling and feedback all ask it; gunicorn takes
# X-Forwarded-For and X-Forwarded-Proto only from these (portal/gunicorn.conf.py).
TRUSTED_PROXIES = trusted_proxies(os.environ.get("PORTAL_TRUSTED_PROXIES", ""))
RATELIMIT_IP_META_KEY = "serving.clients.client_address"
AXES_CLIENT_IP_CALLABLE = "serving.clients.client_address"
# The site lives at the root of its host: a SCRIPT_NAME a client sends is never a prefix.
FORCE_SCRIPT_NAME = os.environ.get("PORTAL_SCRIPT_NAME", "")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# The open data API: anyone may read it from a browser on another site (GET only, no
# credentials); nothing else on the site is shared that way.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "X-Request-ID"]
CORS_PREFLIGHT_MAX_AGE = 86400
# Origins that may frame the embeddable leaflet views (/embed/...), e.g. the hospital's
# patient portal: "https://mijn.ziekenhuis.nl". Empty: nobody may.
EMBED_ORIGINS = env_list("PORTAL_EMBED_ORIGINS", "")

# One JSON object per line, each with its request's id (portal.logs).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "portal.logs.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "filters": {
        "refusals": {"()": "serving.errors.QuietRefusals"},
        "request_id": {"()": "portal.logs.RequestIdFilter"},
    },
    "loggers": {"django.request": {"filters": ["refusals"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
# /health/ answers 503 when the folders of PDFs and locks have less room than this.
HEALTH_MIN_FREE_BYTES = int(os.environ.get("PORTAL_HEALTH_MIN_FREE_MB", "200")) * 1024 * 1024
# Load balancers often ask over plain HTTP, from inside.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
CSRF_FAILURE_VIEW = "serving.errors.csrf_failure"

"""Shared fixtures: test settings, the real content loaded once, and a builder for content dirs."""

import os
import shutil
import textwrap

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings


@pytest.fixture(autouse=True)
def _test_settings(settings):
    # Tests talk plain HTTP to the test client. Static files are served as in production:
    # collected, with the manifest storage (see _collected_static_files).
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(scope="session", autouse=True)
def _compiled_translations():
    """The .mo files, as `make test` and a deploy make them (compile_translations)."""
    call_command("compile_translations", verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _write_path_tripwire():
    """A content row saved outside medications.publishing.changes() raises in every test, as
    with DEBUG on (medications.publishing.guard). Served tests run the production setting."""
    production = django_settings.WRITE_PATH_TRIPWIRE
    django_settings.WRITE_PATH_TRIPWIRE = True
    yield
    django_settings.WRITE_PATH_TRIPWIRE = production


@pytest.fixture(scope="session", autouse=True)
def _collected_static_files():
    """The production static storage needs its manifest: collect once, as a deploy does."""
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def _force_login_with_a_second_factor(monkeypatch):
    """`client.force_login(staff)` skips the login form, password and all; here it also
    stands for the second factor, as a verified device in the session. The real sign-in
    with a code is tested in tests/portal/test_second_factor.py; PORTAL_REQUIRE_2FA stays on."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    force_login = Client.force_login

    def with_second_factor(self, user, backend=None):
        force_login(self, user, backend)
        if user.is_staff:
            device, _ = StaticDevice.objects.get_or_create(user=user, name="test")
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", with_second_factor)


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: pages, PDFs and rate-limit counters."""
    for cache in caches.all():
        cache.clear()


class ThroughTheSite:
    """A live server's "static handler" that hands static files to the site itself, so
    WhiteNoise serves the collected files as in production (hashed names included)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        return self.application(environ, start_response)


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, serving static files the way production does."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost", start=False)
    server.thread.static_handler = ThroughTheSite
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session", autouse=True)
def _plain_http_live_server():
    # A live server's middleware reads this once, when it starts: before any test's settings.
    with override_settings(SECURE_SSL_REDIRECT=False):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The repository's own content, loaded once; each test runs in a rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_content", str(django_settings.CONTENT_DIR), verbosity=0)


def leaflet_text(
    slug="testmiddel",
    name="Testmiddel",
    extra_front="",
    sections=None,
):
    """A valid leaflet file; tests change one thing at a time to make it invalid."""
    if sections is None:
        sections = CORE_SECTIONS
    front = textwrap.dedent(
        f"""\
        ---
        slug: {slug}
        name: {name}
        kind: reumaremmer
        route: tablet
        brand_names: [Testo, Testo mitis]
        summary: Testmiddel remt het afweersysteem.
        source:
          publisher: Testziekenhuis
          title: Folder over testmiddel
          date: "2020-05"
        last_reviewed: 2026-01-15
        """
    )
    return front + extra_front + "---\n\n" + sections


CORE_SECTIONS = textwrap.dedent(
    """\
    ## Hoe gebruikt u testmiddel? {#dosering}

    Neem 2 tabletten van 50 mg per dag.

    ## Welke bijwerkingen kan testmiddel geven? {#bijwerkingen}

    - misselijkheid
    - hoofdpijn

    ## Welke controles heeft u nodig? {#controles}

    De eerste 3 maanden elke 2 weken bloed prikken.

    ## Mag u testmiddel gebruiken als u zwanger bent? {#zwangerschap}

    Overleg met uw arts.

    ## Mag u zich laten vaccineren? {#vaccinatie geen-informatie}

    De folder zegt hier niets over. Vraag het uw arts.

    ## Wat als u een operatie krijgt? {#operaties}

    U hoeft niet te stoppen.
    """
)

GLOSSARY = textwrap.dedent(
    """\
    ## Afweersysteem
    Ook: immuunsysteem

    Alles in uw lichaam dat u beschermt tegen ziekteverwekkers.

    ## Antistof
    Ook: antistoffen, afweerstof

    Een eiwit dat een ziekteverwekker herkent.
    """
)


@pytest.fixture
def content_dir(tmp_path):
    """Build a content directory: content_dir({"a.md": text}, glossary=...) -> Path."""

    def build(leaflets=None, glossary=GLOSSARY):
        root = tmp_path / "content"
        (root / "leaflets").mkdir(parents=True, exist_ok=True)
        for old in (root / "leaflets").glob("*.md"):
            old.unlink()
        for name, text in (leaflets or {"testmiddel.md": leaflet_text()}).items():
            (root / "leaflets" / name).write_text(text, encoding="utf-8")
        if glossary is not None:
            (root / "woordenlijst.md").write_text(glossary, encoding="utf-8")
        return root

    return build


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Skips where either is missing, except when
    PORTAL_REQUIRE_BROWSER=1 (CI): there a missing browser is a failure."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None:
        reason = "Playwright for Python is not installed: pip install -e '.[dev]'"
    elif not shutil.which(CHROMIUM):
        reason = f"{CHROMIUM} is missing: apt-get install chromium"
    else:
        reason = None
    if reason:
        if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests must run here (PORTAL_REQUIRE_BROWSER=1): {reason}")
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; the ORM calls in tests are
    # still plain synchronous code.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()

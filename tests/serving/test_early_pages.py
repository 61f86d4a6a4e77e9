"""A cached page sent before the rest of the middleware stack (serving.early): the same
response as the full stack sends, byte for byte and header for header, and never to a
request the full stack would answer otherwise."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from serving import middleware

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/woordenlijst/",
    "/medicijnen/azathioprine/",
    "/medicijnen/azathioprine/print/",
    "/medicijnen/azathioprine/print/?onderdeel=dosering&onderdeel=bijwerkingen",
    "/sitemap.xml",
    "/robots.txt",
]
REQUESTS = {
    "identity": {},
    "gzip": {"accept-encoding": "gzip"},
    "br": {"accept-encoding": "gzip, deflate, br"},
}
PER_REQUEST = {"x-request-id"}


@pytest.fixture
def stack_runs(monkeypatch):
    """The paths of the requests that went down the stack past the early layer (each
    reaches RateLimitMiddleware, the first below it, which looks up the view)."""
    calls = []
    original = middleware.RateLimitMiddleware.__call__

    def counted(self, request):
        calls.append(request.path_info)
        return original(self, request)

    monkeypatch.setattr(middleware.RateLimitMiddleware, "__call__", counted)
    return calls


def headers(response):
    return sorted(
        (name.lower(), value) for name, value in response.items() if name.lower() not in PER_REQUEST
    )


def full_stack_then_early(url, secure=False, **request_headers):
    """The same request twice through a new server: first down the whole stack (the page
    taken from the shared page cache), then from the early layer."""
    client = Client()
    full = client.get(url, secure=secure, headers=request_headers)
    early = client.get(url, secure=secure, headers=request_headers)
    return full, early


@pytest.mark.parametrize("url", PAGES)
@pytest.mark.parametrize("encoding", REQUESTS)
def test_an_early_page_is_the_full_stacks_page(url, encoding, stack_runs):
    Client().get(url)  # rendered once, into the shared page cache
    stack_runs.clear()
    full, early = full_stack_then_early(url, **REQUESTS[encoding])
    assert len(stack_runs) == 1, "the first request went down the stack, the second did not"
    assert early.status_code == full.status_code == 200
    assert headers(early) == headers(full)
    assert early.content == full.content
    assert early["X-Request-ID"] != full["X-Request-ID"]
    assert "default-src 'self'" in early["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/", "/medicijnen/azathioprine/"])
def test_an_early_304_and_head_are_the_full_stacks(url, stack_runs):
    etag = Client().get(url)["ETag"]
    for request in (
        {"if-none-match": etag},
        {"if-none-match": f'"other", W/{etag}'},
        {"if-modified-since": "Fri, 01 Jan 2100 00:00:00 GMT"},
    ):
        full, early = full_stack_then_early(url, **request)
        assert early.status_code == full.status_code == 304
        assert headers(early) == headers(full) and early.content == b""
    client = Client()
    full, early = client.head(url), client.head(url)
    assert headers(early) == headers(full) and early.content == full.content == b""


def test_over_https_the_early_page_has_hsts_as_the_full_stack_has(settings, stack_runs):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    full, early = full_stack_then_early("/medicijnen/azathioprine/", secure=True)
    assert "max-age=31536000" in early["Strict-Transport-Security"]
    assert headers(early) == headers(full)
    stack_runs.clear()
    client = Client()
    client.get("/medicijnen/azathioprine/", secure=True)
    plain = client.get("/medicijnen/azathioprine/")  # plain HTTP: redirected, as before
    assert plain.status_code == 301 and plain["Location"].startswith("https://")


def test_other_methods_and_pages_go_down_the_stack(stack_runs):
    client = Client()
    client.get("/medicijnen/azathioprine/")
    stack_runs.clear()
    assert client.post("/medicijnen/azathioprine/").status_code == 405
    assert client.options("/medicijnen/azathioprine/").status_code == 405
    assert client.get("/beheer/").status_code == 302  # the admin: to its login
    assert client.get("/zoeken/?q=koorts").status_code == 200  # search is never cached
    assert client.get("/medicijnen/bestaat-niet/").status_code == 404
    assert len(stack_runs) == 5


def test_a_query_string_is_ignored_or_keyed_on_exactly_as_before(stack_runs):
    client = Client()
    page = client.get("/medicijnen/azathioprine/").content
    stack_runs.clear()
    assert client.get("/medicijnen/azathioprine/?utm_source=folder").content == page
    assert stack_runs == []  # an ignored parameter: the same page, early
    full_print = client.get("/medicijnen/azathioprine/print/").content
    chosen = client.get("/medicijnen/azathioprine/print/?onderdeel=dosering").content
    assert chosen != full_print and len(stack_runs) == 2  # each its own page, made below
    stack_runs.clear()
    assert client.get("/medicijnen/azathioprine/print/?onderdeel=dosering").content == chosen
    assert stack_runs == []


def test_a_host_not_allowed_is_a_400_even_for_a_known_page(stack_runs):
    client = Client()
    client.get("/medicijnen/azathioprine/")
    response = client.get("/medicijnen/azathioprine/", headers={"host": "evil.example"})
    assert response.status_code == 400


def test_a_signed_in_editor_gets_the_page_everyone_gets_and_never_the_admin_early(stack_runs):
    editor = get_user_model().objects.create_user("red", password="x" * 16, is_staff=True)
    anonymous = Client().get("/medicijnen/azathioprine/")
    client = Client()
    client.force_login(editor)
    client.get("/medicijnen/azathioprine/")
    stack_runs.clear()
    signed_in = client.get("/medicijnen/azathioprine/")
    assert stack_runs == [] and signed_in.content == anonymous.content
    assert not signed_in.cookies and "Set-Cookie" not in signed_in
    admin = [client.get("/beheer/"), client.get("/beheer/")]
    assert all(response["Cache-Control"].startswith(("max-age=0", "private")) or
               "no-cache" in response["Cache-Control"] for response in admin)  # fmt: skip
    assert stack_runs == ["/beheer/", "/beheer/"]  # both went down the whole stack


def test_pages_held_ready_are_not_counted_but_renders_are(settings, stack_runs):
    """A limit guards what a render costs: a print view held ready goes out like a static
    file, uncounted; each print the server must make is counted, and past the limit
    refused."""
    settings.RATE_LIMIT_PRINT = "3/m"
    settings.RATE_LIMIT_PAUSE = 0
    client = Client()
    held = [client.get("/medicijnen/azathioprine/print/").status_code for _ in range(5)]
    assert held == [200] * 5
    assert len(stack_runs) == 1  # only the first went down (made, counted once)
    made = [
        client.get("/medicijnen/azathioprine/print/", {"onderdeel": code}).status_code
        for code in ("dosering", "bijwerkingen", "controles", "zwangerschap")
    ]
    assert made == [200, 200, 429, 429]  # 1 + 2 renders reach the limit of 3


def test_a_database_that_is_away_goes_down_the_stack(monkeypatch, stack_runs):
    from django.db import OperationalError

    from serving import errors
    from serving.models import ContentVersion

    monkeypatch.setitem(errors._last_warning, "at", errors._last_warning["at"])  # its own
    client = Client()
    page = client.get("/medicijnen/azathioprine/").content

    def away(cls):
        raise OperationalError("the database is away")

    monkeypatch.setattr(ContentVersion, "current_token", classmethod(away))
    stack_runs.clear()
    response = client.get("/medicijnen/azathioprine/")
    assert response.status_code == 200 and response.content == page  # the last version seen
    assert len(stack_runs) == 1

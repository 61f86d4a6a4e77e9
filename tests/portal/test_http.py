"""The portal over HTTP as a visitor or an attacker meets it: GET and HEAD only, Dutch error
pages, per-client limits, login throttling, the address on paper, the secret key."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PUBLIC = [
    "/",
    "/woordenlijst/",
    "/medicijnen/azathioprine/",
    "/medicijnen/azathioprine/print/",
    "/medicijnen/azathioprine.pdf",
    "/zoeken/?q=koorts",
]


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch", "options", "trace"])
def test_public_pages_accept_get_and_head_only(client, method):
    for url in PUBLIC:
        response = getattr(client, method)(url)
        assert response.status_code == 405, (method, url)
        assert response["Allow"] == "GET, HEAD"
        assert "Dit kan niet op deze pagina" in response.content.decode()
    suggestions = getattr(client, method)("/zoeken/suggesties/?q=a")
    assert suggestions.status_code == 405
    assert "error" in json.loads(suggestions.content)


def test_error_pages_are_dutch_and_look_like_the_site(client):
    bad_host = client.get("/", headers={"host": "aanvaller.example"})
    assert bad_host.status_code == 400
    assert "Dit verzoek begrijpen we niet" in bad_host.content.decode()
    forged = Client(enforce_csrf_checks=True).post("/beheer/login/", {"username": "x"})
    assert forged.status_code == 403
    assert "U heeft hier geen toegang toe" in forged.content.decode()
    for response in (bad_host, forged):
        assert '<html lang="nl">' in response.content.decode()
        assert 'class="site-header"' in response.content.decode()


def test_search_has_a_per_client_limit(client, settings):
    settings.RATE_LIMIT_SEARCH = "3/h"  # per hour: no window ends during the test
    for _ in range(3):
        assert client.get("/zoeken/?q=koorts").status_code == 200
    limited = client.get("/zoeken/?q=koorts")
    assert limited.status_code == 429
    assert "Even geduld" in limited.content.decode()
    assert limited["Retry-After"] == "60"
    suggestions = client.get("/zoeken/suggesties/?q=aza")
    assert suggestions.status_code == 429 and suggestions["Content-Type"] == "application/json"
    other = Client(REMOTE_ADDR="10.0.0.2")
    assert other.get("/zoeken/?q=koorts").status_code == 200


def test_pdfs_have_a_per_client_limit(client, settings):
    """Counted is each PDF the server must make; one held ready goes out like a file."""
    settings.RATE_LIMIT_PDF = "2/h"
    assert client.get("/medicijnen/anakinra.pdf").status_code == 200
    assert client.get("/medicijnen/anakinra.pdf").status_code == 200  # held: not counted
    assert client.get("/medicijnen/anakinra.pdf?onderdeel=dosering").status_code == 200
    assert client.get("/medicijnen/anakinra.pdf?onderdeel=bijwerkingen").status_code == 429


def test_print_views_have_a_per_client_limit(client, settings):
    """On the old code the print view had none: every choice of sections a new entry."""
    settings.RATE_LIMIT_PRINT = "2/h"
    assert client.get("/medicijnen/anakinra/print/").status_code == 200
    assert client.get("/medicijnen/anakinra/print/?onderdeel=dosering").status_code == 200
    assert client.get("/medicijnen/anakinra/print/?onderdeel=bijwerkingen").status_code == 429


def test_behind_a_proxy_the_limit_is_per_forwarded_address(client, settings):
    settings.RATE_LIMIT_SEARCH = "1/h"
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = {"x-forwarded-for": "203.0.113.7, 10.0.0.9"}
    assert client.get("/zoeken/?q=koorts", headers=first, **proxy).status_code == 200
    assert client.get("/zoeken/?q=koorts", headers=first, **proxy).status_code == 429
    second = {"x-forwarded-for": "203.0.113.8"}
    assert client.get("/zoeken/?q=koorts", headers=second, **proxy).status_code == 200


def test_the_admin_login_locks_out_after_repeated_failures(client, django_user_model, settings):
    settings.AXES_FAILURE_LIMIT = 5
    django_user_model.objects.create_user(
        "redacteur", password="Het-goede-wachtwoord-1", is_staff=True
    )
    for _ in range(5):
        response = client.post("/beheer/login/", {"username": "redacteur", "password": "fout"})
    assert response.status_code in (200, 429)
    locked = client.post(
        "/beheer/login/", {"username": "redacteur", "password": "Het-goede-wachtwoord-1"}
    )
    assert locked.status_code == 429
    assert "Even niet aanmelden" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_address_on_paper_never_comes_from_the_request(client, settings):
    settings.SITE_BASE_URL = ""
    page = client.get(
        "/medicijnen/azathioprine/print/", headers={"host": "localhost:9999"}
    ).content.decode()
    assert "https://127.0.0.1/medicijnen/azathioprine/" in page
    assert ":9999" not in page


def test_security_headers_include_permissions_and_opener_policies(client):
    response = client.get("/")
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def run_wsgi(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import portal.wsgi"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_the_web_server_refuses_to_start_without_a_secret_key():
    refused = run_wsgi()
    assert refused.returncode != 0
    assert "DJANGO_SECRET_KEY ontbreekt" in refused.stderr
    assert run_wsgi(DJANGO_SECRET_KEY="een-lange-geheime-sleutel-" * 3).returncode == 0

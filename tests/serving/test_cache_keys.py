"""No header a client sends can steer what later visitors get from the page cache: a page
is keyed by `path_info`, the canonical host and the language; a Host not allowed is a 400
before the cache. (Error pages and SCRIPT_NAME through gunicorn: tests/portal/test_served.py.)"""

import pytest

pytestmark = pytest.mark.django_db


def title(response):
    page = response.content.decode()
    return page[page.index("<h1") : page.index("</h1>")]


def test_a_script_name_cannot_store_the_home_page_under_a_leaflet(client):
    """On the old code the key was request.path (SCRIPT_NAME + path_info): this one request
    made /medicijnen/anakinra/ serve the home page, with broken links, for a day."""
    client.get("/", SCRIPT_NAME="/medicijnen/anakinra")
    leaflet = client.get("/medicijnen/anakinra/")
    assert leaflet.status_code == 200
    assert "Anakinra" in title(leaflet)
    home = client.get("/")
    assert 'href="/medicijnen/anakinra/' in home.content.decode()


def test_a_host_not_allowed_is_refused_before_the_cache(client):
    """On the old code a cached page was sent for any Host, past ALLOWED_HOSTS."""
    assert client.get("/woordenlijst/").status_code == 200
    refused = client.get("/woordenlijst/", headers={"host": "aanvaller.example"})
    assert refused.status_code == 400
    assert "Dit verzoek begrijpen we niet" in refused.content.decode()
    assert "default-src 'self'" in refused["Content-Security-Policy"]
    assert refused["X-Frame-Options"] == "DENY"


def test_a_refusal_has_the_security_headers(client, settings):
    settings.RATE_LIMIT_SEARCH = "1/h"
    client.get("/zoeken/?q=koorts")
    refused = client.get("/zoeken/?q=koorts")
    assert refused.status_code == 429
    assert "default-src 'self'" in refused["Content-Security-Policy"]
    assert refused["X-Frame-Options"] == "DENY"

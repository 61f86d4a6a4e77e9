"""The embeddable views: framed only by the origins the hospital lists, and oEmbed."""

import pytest

pytestmark = pytest.mark.django_db


def test_an_embed_may_be_framed_only_by_the_listed_origins(client, settings):
    settings.EMBED_ORIGINS = ["https://mijn.ziekenhuis.example"]
    for _ in range(2):  # made, then from the page cache
        response = client.get("/embed/azathioprine/")
        assert response.status_code == 200
        policy = response["Content-Security-Policy"]
        assert "frame-ancestors https://mijn.ziekenhuis.example" in policy
        assert "script-src 'self'" in policy
        assert "X-Frame-Options" not in response
    page = client.get("/medicijnen/azathioprine/")
    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_without_listed_origins_nobody_may_frame_it(client, settings):
    settings.EMBED_ORIGINS = []
    response = client.get("/embed/azathioprine/veiligheid/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_safety_box_and_single_sections(client):
    safety = client.get("/embed/jak-remmers/veiligheid/").content.decode()
    assert 'class="urgent"' in safety and "bel 112" in safety
    assert 'id="dosering"' not in safety
    dosing = client.get("/embed/jak-remmers/dosering/").content.decode()
    assert 'id="dosering"' in dosing and 'class="urgent"' not in dosing
    assert dosing.count("<h1") == 1 and '<html lang="nl">' in dosing
    assert client.get("/embed/jak-remmers/bestaat-niet/").status_code == 404
    assert client.get("/embed/bestaat-niet/").status_code == 404


def test_oembed_gives_an_iframe_of_the_embed(client):
    data = client.get(
        "/api/v1/oembed", {"url": "http://testserver/medicijnen/infliximab/", "maxwidth": 400}
    ).json()
    assert data["type"] == "rich" and data["version"] == "1.0" and data["width"] == 400
    assert 'src="' in data["html"] and "/embed/infliximab/" in data["html"]
    assert client.get("/api/v1/oembed", {"url": "/woordenlijst/"}).status_code == 404
    assert (
        client.get("/api/v1/oembed", {"url": "/medicijnen/x/", "format": "xml"}).status_code == 501
    )


def test_the_embed_follows_the_page_language(client):
    """An English page's oEmbed gives the English embed; a page not in a language has no
    embed in it (as the page itself: no Dutch text under /en/)."""
    data = client.get(
        "/api/v1/oembed", {"url": "http://testserver/en/medicines/infliximab/"}
    ).json()
    assert "/en/embed/infliximab/" in data["html"]
    english = client.get("/en/embed/infliximab/")
    assert english.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    dutch = client.get("/embed/infliximab/").content.decode()
    assert '<html lang="nl">' in dutch and english.content.decode() != dutch
    assert client.get("/en/embed/bestaat-niet/").status_code == 404

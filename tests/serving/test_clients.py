"""Who the client is behind a proxy (serving.clients): the right-most address that is not one
of our proxies. Forging or rotating X-Forwarded-For gains nothing; junk in it never errors."""

import pytest
from django.test import RequestFactory

from serving.clients import UNKNOWN, client_address

PROXIES = ["10.0.0.0/8", "2001:db8:ff::/48"]


def address(settings, remote, forwarded=None, proxies=PROXIES):
    settings.TRUSTED_PROXIES = proxies
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # No proxy configured: the header is ignored, whatever it says.
        ("198.51.100.4", "1.2.3.4", "198.51.100.4"),
        # From our proxy: the address it appended, not what the client wrote before it.
        ("10.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        ("10.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        ("10.0.0.1", "203.0.113.7:51234", "203.0.113.7"),
        ("10.0.0.1", "[2001:db8::7]:443", "2001:db8::7"),
        ("10.0.0.1", "::ffff:203.0.113.7", "203.0.113.7"),
        # Not from our proxy: the connection is the client, its header means nothing.
        ("198.51.100.4", "203.0.113.7", "198.51.100.4"),
        # Junk never errors: the last address a proxy of ours vouched for is used.
        ("10.0.0.1", "<script>, ", "10.0.0.1"),
        ("10.0.0.1", "junk, 10.0.0.3", "10.0.0.3"),
        ("10.0.0.1", "", "10.0.0.1"),
        ("10.0.0.1", None, "10.0.0.1"),
        ("", "203.0.113.7", UNKNOWN),
        ("not-an-address", None, UNKNOWN),
    ],
)
def test_the_client_is_the_right_most_untrusted_address(settings, remote, forwarded, expected):
    assert address(settings, remote, forwarded) == expected


def test_without_proxies_only_the_connection_counts(settings):
    assert address(settings, "10.0.0.1", "203.0.113.7", proxies=[]) == "10.0.0.1"


@pytest.mark.django_db
def test_rotating_x_forwarded_for_does_not_escape_the_search_limit(client, settings):
    """On the old code the left-most entry was the client: 300 rotated searches, no 429."""
    settings.RATE_LIMIT_SEARCH = "5/h"
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    statuses = [
        client.get(
            "/zoeken/?q=koorts",
            headers={"x-forwarded-for": f"198.51.100.{n}, 203.0.113.7"},
            REMOTE_ADDR="127.0.0.1",
        ).status_code
        for n in range(12)
    ]
    assert statuses.count(200) == 5
    assert statuses[5:] == [429] * 7


@pytest.mark.django_db
@pytest.mark.parametrize("forwarded", ["203.0.113.7:1234", "junk", "1.2.3.4, <x>", ",,,"])
def test_a_malformed_header_neither_errors_nor_switches_a_limit_off(client, settings, forwarded):
    """On the old code `ip:port` or junk made feedback a 500 and search unlimited."""
    settings.RATE_LIMIT_SEARCH = "2/h"
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    headers = {"x-forwarded-for": forwarded}
    statuses = [
        client.get("/zoeken/?q=koorts", headers=headers, REMOTE_ADDR="127.0.0.1").status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    answer = client.post(
        "/reactie/",
        {"helpful": "ja", "medicijn": "anakinra"},
        headers={**headers, "origin": "http://testserver"},
        REMOTE_ADDR="127.0.0.1",
    )
    assert answer.status_code in (302, 429)


def gunicorn_settings(monkeypatch, proxies):
    import runpy
    from pathlib import Path

    monkeypatch.setenv("PORTAL_TRUSTED_PROXIES", proxies)
    config = Path(__file__).resolve().parents[2] / "portal" / "gunicorn.conf.py"
    return runpy.run_path(str(config))


def test_gunicorn_trusts_the_same_proxies_and_no_script_name_header(monkeypatch):
    """On the old code gunicorn trusted 127.0.0.1 whatever the site thought, and took
    SCRIPT_NAME from its headers."""
    assert gunicorn_settings(monkeypatch, "")["forwarded_allow_ips"] == ""
    behind = gunicorn_settings(monkeypatch, "10.0.0.5/24, 192.0.2.1")
    assert behind["forwarded_allow_ips"] == "10.0.0.0/24,192.0.2.1/32"
    assert behind["forwarder_headers"] == ""

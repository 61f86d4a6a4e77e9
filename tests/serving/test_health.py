"""/health/ for load balancers: 200 or 503, no details for anonymous callers."""

import json
import logging

import pytest

from serving import health

pytestmark = pytest.mark.django_db


def test_a_healthy_server_says_ok_and_nothing_more(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"]


def test_a_database_that_is_away_is_a_503_without_details(client, monkeypatch):
    monkeypatch.setattr(health, "database_answers", lambda: False)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.content == b"unavailable\n"


def test_staff_see_each_check(client, django_user_model, monkeypatch):
    client.force_login(django_user_model.objects.create_user("b", is_staff=True))
    monkeypatch.setattr(health, "disk_has_room", lambda: False)
    response = client.get("/health/")
    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {
        "database": True,
        "cache": True,
        "disk": False,
    }


def test_load_balancers_may_ask_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/").status_code == 200
    assert client.get("/").status_code == 301


def test_each_response_and_log_line_carries_the_request_id(client, settings):
    from portal.logs import JsonFormatter, RequestIdFilter, request_id

    response = client.get("/woordenlijst/")
    assert len(response["X-Request-ID"]) == 32
    forged = client.get("/", headers={"x-request-id": "aanvaller-gekozen-id"})
    assert forged["X-Request-ID"] != "aanvaller-gekozen-id"  # not from one of our proxies
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    proxied = client.get("/", headers={"x-request-id": "nginx-1234abcd"})
    assert proxied["X-Request-ID"] == "nginx-1234abcd"

    token = request_id.set("abc12345")
    try:
        record = logging.LogRecord(
            "portal.faults", logging.WARNING, "", 0, "Database weg", (), None
        )
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "abc12345" and line["message"] == "Database weg"

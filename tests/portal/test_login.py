"""Lock-outs that hurt attackers, not editors: axes locks a username from one client
address; a username too long for any account is refused before anything is stored; one
address has a higher limit over all usernames; the lock-out page says how long, in Dutch."""

import pytest
from axes.models import AccessAttempt
from django.test import Client

from tests.helpers import current_code

pytestmark = pytest.mark.django_db
PASSWORD = "Het-goede-wachtwoord-1"
PROXY = {"REMOTE_ADDR": "10.0.0.1"}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redacteur1", password=PASSWORD, is_staff=True)


def login(client, username, password, forwarded, code=""):
    return client.post(
        "/beheer/login/",
        {"username": username, "password": password, "otp_token": code},
        headers={"x-forwarded-for": forwarded},
        **PROXY,
    )


def test_a_stranger_behind_the_proxy_cannot_lock_the_editor_out(editor, settings):
    """On the old code every client behind the proxy had the proxy's address, and a few
    wrong passwords for redacteur1 gave the real editor a 429 with the right password."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        login(attacker, "redacteur1", "fout", "203.0.113.66")
    locked = login(attacker, "redacteur1", PASSWORD, "203.0.113.66")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Even niet aanmelden" in page and "15 minuten" in page

    real = Client()
    signed_in = login(real, "redacteur1", PASSWORD, "198.51.100.20", current_code(editor))
    assert signed_in.status_code == 302
    assert "_auth_user_id" in real.session


def test_a_huge_username_is_refused_before_anything_is_stored(client):
    """On the old code each 1 MB username was stored in full by axes (60 MB for 20 tries
    on SQLite; a 500 on PostgreSQL)."""
    for _ in range(3):
        response = client.post("/beheer/login/", {"username": "u" * 1_000_000, "password": "x"})
        assert response.status_code == 400
        assert "Dit verzoek begrijpen we niet" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_one_address_has_a_limit_over_all_usernames(client, settings):
    settings.RATE_LIMIT_LOGIN = "8/h"
    statuses = [
        client.post("/beheer/login/", {"username": f"naam{n}", "password": "x"}).status_code
        for n in range(10)
    ]
    assert statuses[:8] == [200] * 8  # the form again, with its error
    assert statuses[8:] == [429, 429]
    assert client.get("/beheer/login/").status_code == 200  # the form itself is not counted

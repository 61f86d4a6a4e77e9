"""Staff sign in with a second factor (portal.admin_site): password and the code of their
authenticator app, or a recovery code once; passwords of 12 characters or more; a session
of a working day."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from serving.management.commands.add_second_factor import add_second_factor
from tests.helpers import current_code

pytestmark = pytest.mark.django_db
PASSWORD = "Het-goede-wachtwoord-1"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redacteur", password=PASSWORD, is_staff=True)


def sign_in(client, code=None):
    data = {"username": "redacteur", "password": PASSWORD}
    if code is not None:
        data["otp_token"] = code
    return client.post("/beheer/login/", data)


def test_a_password_alone_does_not_let_staff_in(client, editor):
    current_code(editor)
    response = sign_in(client)
    assert response.status_code == 200
    assert "Vul de code uit uw authenticator-app in." in response.content.decode()
    assert client.get("/beheer/").status_code == 302
    wrong = sign_in(client, "000000")
    assert "Deze code klopt niet" in wrong.content.decode()


def test_password_and_the_apps_code_let_staff_in(client, editor):
    response = sign_in(client, current_code(editor))
    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200


def test_a_recovery_code_works_once(editor):
    _, codes = add_second_factor(editor)
    first = Client()
    assert sign_in(first, codes[0]).status_code == 302
    assert first.get("/beheer/").status_code == 200
    assert sign_in(Client(), codes[0]).status_code == 200  # used up


def test_a_session_without_the_second_factor_is_not_let_in(client, editor):
    """A signed-in session (as a password-only login elsewhere would make) is not enough."""
    session = client.session
    session["_auth_user_id"] = str(editor.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = editor.get_session_auth_hash()
    session.save()
    response = client.get("/beheer/")
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]


def test_without_the_requirement_a_password_is_enough(client, editor, settings):
    """PORTAL_REQUIRE_2FA=0, for a test installation (check --deploy warns: test_settings)."""
    settings.REQUIRE_2FA = False
    assert sign_in(client).status_code == 302
    assert client.get("/beheer/").status_code == 200


def test_the_command_prints_a_qr_code_and_recovery_codes(editor, capsys):
    call_command("add_second_factor", "redacteur")
    out = capsys.readouterr().out
    assert "otpauth://totp/" in out
    assert editor.staticdevice_set.get().token_set.count() == 10


def test_passwords_need_twelve_characters_and_not_a_common_one():
    with pytest.raises(ValidationError):
        validate_password("Kort-1234")
    with pytest.raises(ValidationError):
        validate_password("password1234")
    validate_password("lang-genoeg-en-eigen-7")


def test_staff_sessions_last_a_working_day(settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60

"""Production settings pass Django's deployment checks; local defaults need no server."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        # Not this checkout's own database, whose content has warnings of its own.
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        DJANGO_SECRET_KEY="x7#Lq2!vR9@pZ4$wK8^mN3&bT6*cY1(hJ5)gF0-sD2=aE7+uI9",
        DJANGO_ALLOWED_HOSTS="medicijnen.example.nl",
        PORTAL_BASE_URL="https://medicijnen.example.nl",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_the_local_secret_key():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("setting", "value", "problem"),
    [
        ("DJANGO_SECRET_KEY", "x", "portal.E001"),
        ("DJANGO_SECRET_KEY", "a" * 60, "portal.E001"),
        ("PORTAL_BASE_URL", "", "portal.E002"),
        ("DJANGO_ALLOWED_HOSTS", " ", "portal.E003"),
        ("PORTAL_REQUIRE_2FA", "0", "portal.W004"),
    ],
)
def test_check_deploy_stops_on_what_a_hospital_must_set(setting, value, problem):
    """On the old code a secret key such as `x` passed, and nothing asked for the others."""
    production = {
        "DJANGO_SECRET_KEY": "x7#Lq2!vR9@pZ4$wK8^mN3&bT6*cY1(hJ5)gF0-sD2=aE7+uI9",
        "DJANGO_ALLOWED_HOSTS": "medicijnen.example.nl",
        "PORTAL_BASE_URL": "https://medicijnen.example.nl",
    }
    result = run_manage("check", "--deploy", **{**production, setting: value})
    assert problem in result.stdout + result.stderr
    if problem.startswith("portal.E"):
        assert result.returncode != 0


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
def test_postgresql_connections_plan_for_ssds():
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert float(cursor.fetchone()[0]) == 1.1

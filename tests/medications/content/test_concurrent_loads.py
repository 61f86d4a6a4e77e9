"""Two load_content runs at once (a deploy and a cron job): the second waits for the first,
the database ends up holding exactly one input, never a mix, and nobody sees a deadlock.
Run on the database of the suite: SQLite files, or PostgreSQL databases of their own."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
DOSING = "Neem de tabletten het liefst 2 tot 3 keer per dag in."


def database_url(tmp_path, name):
    if connection.vendor != "postgresql":
        return f"sqlite:///{tmp_path / (name + '.sqlite3')}"
    import psycopg

    params = connection.settings_dict
    server = f"postgres://{params['USER']}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def manage(url, *args, wait=True):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    env.update(DATABASE_URL=url, DJANGO_HTTPS="0")
    command = [sys.executable, "manage.py", *args]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    if not wait:
        return process
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return out


def exported(url, folder):
    manage(url, "export_content", str(folder))
    return {p.relative_to(folder): p.read_text() for p in sorted(folder.rglob("*.md"))}


@pytest.fixture
def inputs(tmp_path):
    # The Dutch files only: invoer b changes Dutch text that the English files would then no
    # longer match (their numbers and terms are checked against the Dutch ones).
    dutch_only = shutil.ignore_patterns("*.en.md")
    first = tmp_path / "invoer-a"
    shutil.copytree(settings.CONTENT_DIR, first, ignore=dutch_only)
    second = tmp_path / "invoer-b"
    shutil.copytree(settings.CONTENT_DIR, second, ignore=dutch_only)
    leaflet = second / "leaflets" / "azathioprine.md"
    text = leaflet.read_text()
    assert DOSING in text
    leaflet.write_text(text.replace(DOSING, "Neem de tabletten 1 keer per dag in (invoer b)."))
    glossary = second / "woordenlijst.md"
    glossary.write_text(glossary.read_text() + "\n## Testwoord\n\nAlleen in invoer b.\n")
    return first, second


def test_two_loads_at_once_give_exactly_one_input(tmp_path, inputs):
    expected = {}
    for label, folder in zip("ab", inputs, strict=True):
        url = database_url(tmp_path, f"load_alone_{label}")
        manage(url, "migrate", "--noinput")
        manage(url, "load_content", str(folder))
        expected[label] = exported(url, tmp_path / f"alleen-{label}")

    for trial in range(3):
        url = database_url(tmp_path, f"load_race_{trial}")
        manage(url, "migrate", "--noinput")
        runs = [manage(url, "load_content", str(folder), wait=False) for folder in inputs]
        outputs = [run.communicate(timeout=300) for run in runs]
        for run, (_, err) in zip(runs, outputs, strict=True):
            assert run.returncode == 0, err
            assert "Traceback" not in err and "Deadlock" not in err
        result = exported(url, tmp_path / f"samen-{trial}")
        assert result in (expected["a"], expected["b"]), f"a mix in trial {trial}"

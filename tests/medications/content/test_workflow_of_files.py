"""The loader respects the workflow: --force makes a draft and keeps the review record and
the history; --publish is a separate step in an Eindredacteur's name; an export carries each
leaflet's workflow state into another database; export_content keeps unloaded edits."""

import json

import pytest
from django.contrib.admin.models import LogEntry
from django.core.management import CommandError, call_command

from medications import publishing
from medications.content import load_content
from medications.editing import history
from medications.models import Medication, Publication, ReviewStatus
from tests.helpers import write
from tests.medications.content.test_files_and_admin import (
    ADMIN_TEXT,
    FILE_TEXT,
    changed_file,
    edit_in_admin,
)
from tests.medications.test_workflow import user_with_role

pytestmark = pytest.mark.django_db


def working():
    return Medication.working_copies.get(slug="testmiddel")


def test_force_keeps_the_review_record_and_publish_is_a_logged_step(
    content_dir, client, django_user_model
):
    load_content(content_dir())
    chief = user_with_role(django_user_model, "Eindredacteur", "chef")
    publishing.record_review(working(), chief, reviewed_on=working().last_reviewed.replace(month=6))
    edit_in_admin()
    versions_before = history.versions_of(working()).count()

    load_content(changed_file(content_dir), force=True)

    leaflet = working()
    assert leaflet.last_reviewed.month == 6 and leaflet.reviewed_by == "chef"
    assert history.versions_of(leaflet).count() == versions_before + 2  # kept, then loaded
    assert FILE_TEXT not in client.get("/medicijnen/testmiddel/").content.decode()

    editor = user_with_role(django_user_model, "Redacteur", "redacteur")
    with pytest.raises(CommandError, match="geen eindredacteur"):
        call_command(
            "load_content", str(changed_file(content_dir)), "--publish", "--user", editor.username
        )
    call_command("load_content", str(changed_file(content_dir)), "--publish", "--user", "chef")

    assert FILE_TEXT in client.get("/medicijnen/testmiddel/").content.decode()
    entry = LogEntry.objects.filter(change_message__contains="load_content --publish").get()
    assert entry.user == chief


def test_an_export_keeps_workflow_state_in_a_fresh_database(
    content_dir, tmp_path, django_user_model
):
    load_content(content_dir())
    chief = user_with_role(django_user_model, "Eindredacteur", "chef")
    edit_in_admin()  # an unreviewed draft on top of the published text, as the admin saves it
    leaflet = working()
    with publishing.changes() as batch, history.revision(chief, "Gewijzigd in de beheeromgeving"):
        publishing.mark_edited(leaflet)
        leaflet.save()
        batch.working_copy_changed(leaflet.pk)
    export = tmp_path / "export"
    call_command("export_content", str(export))

    state = json.loads((export / "workflow.json").read_text())["testmiddel"]
    assert state["status"] == ReviewStatus.DRAFT and state["version_number"] == 1
    assert len(state["publications"]) == 1

    # A fresh database: the draft is not published, the trail comes along.
    write(*Medication.all_copies.all(), delete=True)  # as a fresh database has none
    load_content(export)
    leaflet = working()
    assert leaflet.status == ReviewStatus.DRAFT
    assert ADMIN_TEXT in leaflet.sections.get(kind="dosering").body_markdown
    assert not Medication.objects.filter(slug="testmiddel").exists()  # nothing went live
    assert Publication.objects.filter(medication=leaflet).count() == 1
    assert leaflet.version_number == 1
    del chief


def test_a_published_leaflet_from_an_export_is_live_with_its_trail(content_dir, tmp_path, client):
    load_content(content_dir())
    export = tmp_path / "export"
    call_command("export_content", str(export))
    write(*Medication.all_copies.all(), delete=True)  # as a fresh database has none

    load_content(export)

    live = Medication.objects.get(slug="testmiddel")
    assert live.version_number == 1
    assert Publication.objects.filter(medication=working()).count() == 1  # no second line
    assert client.get("/medicijnen/testmiddel/").status_code == 200


def test_export_refuses_to_overwrite_unloaded_edits(content_dir):
    root = content_dir()
    load_content(root)
    path = root / "leaflets" / "testmiddel.md"
    path.write_text(path.read_text().replace("Neem 2 tabletten", "Neem 4 tabletten"))
    edit_in_admin()

    with pytest.raises(CommandError, match="niet overschreven"):
        call_command("export_content", str(root))
    assert "Neem 4 tabletten" in path.read_text()

    call_command("export_content", str(root), "--overwrite")
    assert ADMIN_TEXT in path.read_text()


def test_export_over_the_files_it_was_loaded_from_just_works(content_dir):
    root = content_dir()
    load_content(root)
    edit_in_admin()
    call_command("export_content", str(root))
    assert ADMIN_TEXT in (root / "leaflets" / "testmiddel.md").read_text()

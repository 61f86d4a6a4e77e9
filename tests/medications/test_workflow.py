"""The editors' workflow: roles, drafts, previews, publishing with a summary, review dates,
history with differences and restore, and the trail each step leaves."""

import datetime
import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from medications.content import load_content
from medications.models import Medication, Publication, ReviewStatus
from tests.conftest import CORE_SECTIONS, leaflet_text
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

OLD_TEXT = "Neem 2 tabletten van 50 mg per dag."
NEW_TEXT = "Neem 1 tablet van 50 mg per dag, bij het ontbijt."


@pytest.fixture
def leaflet(content_dir):
    load_content(content_dir())
    return Medication.working_copies.get(slug="testmiddel")


def user_with_role(django_user_model, role, username=None):
    user = django_user_model.objects.create_user(
        username=username or role.lower(), password="geheim-wachtwoord-123", is_staff=True
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(django_user_model):
    """A Redacteur in a browser of their own (four eyes: the editor and the reviewer are two
    people, each with their own session)."""
    browser = Client()
    browser.force_login(user_with_role(django_user_model, "Redacteur"))
    return browser


@pytest.fixture
def chief_editor(django_user_model):
    browser = Client()
    browser.force_login(user_with_role(django_user_model, "Eindredacteur"))
    return browser


def change_url(medication, step=""):
    return f"/beheer/medications/medication/{medication.pk}/{step or 'change/'}"


def edit_dosing(client, medication, text=NEW_TEXT):
    data = admin_form_data(client.get(change_url(medication)))
    field = next(name for name, value in data.items() if value == OLD_TEXT)
    data[field] = text
    response = client.post(change_url(medication), data)
    assert response.status_code == 302, response.context and response.context["errors"]


def public_page(client, slug="testmiddel"):
    return client.get(f"/medicijnen/{slug}/").content.decode()


# --- Roles --------------------------------------------------------------------------------


def test_an_editor_edits_a_draft_patients_do_not_see(leaflet, editor, client):
    edit_dosing(editor, leaflet)

    leaflet.refresh_from_db()
    assert leaflet.status == ReviewStatus.DRAFT
    assert NEW_TEXT in leaflet.sections.get(kind="dosering").body_markdown
    page = public_page(client)
    assert OLD_TEXT in page and NEW_TEXT not in page
    preview = editor.get(change_url(leaflet, "voorbeeld/"))
    assert preview.status_code == 200
    assert NEW_TEXT in preview.content.decode()
    assert "Voorbeeld van het concept" in preview.content.decode()
    assert {"private", "no-store"} <= set(preview["Cache-Control"].split(", "))


def test_an_editor_submits_but_cannot_publish_restore_or_set_review_dates(leaflet, editor):
    edit_dosing(editor, leaflet)

    assert editor.post(change_url(leaflet, "aanbieden/")).status_code == 302
    leaflet.refresh_from_db()
    assert leaflet.status == ReviewStatus.IN_REVIEW
    for step in ["publiceren/", "gecontroleerd/"]:
        assert editor.get(change_url(leaflet, step)).status_code == 403
        assert editor.post(change_url(leaflet, step), {"summary": "x"}).status_code == 403
    version = leaflet_versions(leaflet)[-1]
    assert editor.post(change_url(leaflet, f"versies/{version.pk}/terugzetten/")).status_code == 403
    page = editor.get(change_url(leaflet)).content.decode()
    assert "Publiceren</a>" not in page
    assert 'name="last_reviewed"' not in page  # the review dates are read-only for editors
    assert OLD_TEXT in leaflet.live_copy.sections.get(kind="dosering").body_markdown


def test_a_chief_editor_publishes_with_a_summary(leaflet, editor, chief_editor, client):
    edit_dosing(editor, leaflet)
    url = change_url(leaflet, "publiceren/")
    page = chief_editor.get(url).content.decode()
    assert "<ins>1</ins>" in page and "<del>2</del>" in page  # what patients will see change

    assert chief_editor.post(url, {"summary": ""}).status_code == 200  # the summary is required
    assert OLD_TEXT in public_page(client)

    assert chief_editor.post(url, {"summary": "Nieuwe dosering"}).status_code == 302
    page = public_page(client)
    assert NEW_TEXT in page and OLD_TEXT not in page
    assert "Wat is er veranderd?" in page
    assert "Nieuwe dosering" in page
    leaflet.refresh_from_db()
    assert leaflet.status == ReviewStatus.PUBLISHED
    entry = LogEntry.objects.filter(object_id=str(leaflet.pk)).first()
    assert entry.change_message == "Gepubliceerd: Nieuwe dosering"


def test_anonymous_visitors_see_no_draft_and_no_preview(leaflet, editor, client):
    edit_dosing(editor, leaflet)
    editor.logout()
    for step in ["voorbeeld/", "voorbeeld/print/", "voorbeeld/pdf/", "versies/", "change/"]:
        response = client.get(change_url(leaflet, step))
        assert response.status_code == 302
        assert response["Location"].startswith("/beheer/login/")
    assert NEW_TEXT not in public_page(client)
    assert NEW_TEXT not in client.get("/medicijnen/testmiddel/print/").content.decode()


def test_staff_without_a_role_sees_nothing_beyond_what_django_allows(
    leaflet, client, django_user_model
):
    client.force_login(user_with_role(django_user_model, None, "zonder-rol"))

    index = client.get("/beheer/").content.decode()
    assert "Medicijnen" not in index and "Woordenlijst" not in index
    for step in ["change/", "voorbeeld/", "versies/", "publiceren/", "aanbieden/"]:
        assert client.get(change_url(leaflet, step)).status_code in (302, 403), step
    assert client.get("/beheer/medications/medication/").status_code == 403


def test_a_logged_in_patient_account_gets_no_admin(leaflet, client, django_user_model):
    user = django_user_model.objects.create_user(username="patient", password="x" * 12)
    client.force_login(user)
    assert client.get("/beheer/").status_code == 302
    assert client.get(change_url(leaflet, "voorbeeld/")).status_code == 302


def test_only_a_chief_editor_changes_the_glossary(leaflet, editor, client, django_user_model):
    url = "/beheer/medications/glossaryterm/"
    assert editor.get(url).status_code == 200
    assert editor.get(f"{url}add/").status_code == 403
    client.force_login(user_with_role(django_user_model, "Eindredacteur", "chef"))
    assert client.get(f"{url}add/").status_code == 200


# --- Review dates -------------------------------------------------------------------------


def test_review_dates_default_to_the_period_and_show_on_the_page(leaflet, client, settings):
    settings.REVIEW_INTERVAL_DAYS = 730
    page = re.sub(r"<[^>]+>", "", public_page(client))
    assert "Inhoud laatst gecontroleerd op 15 januari 2026." in page
    assert "Volgende controle: 15 januari 2028." in page


def test_a_chief_editor_records_a_review(leaflet, chief_editor):
    today = timezone.localdate()
    response = chief_editor.post(
        change_url(leaflet, "gecontroleerd/"), {"reviewed_on": today.isoformat()}
    )
    assert response.status_code == 302
    leaflet.refresh_from_db()
    assert leaflet.last_reviewed == today
    assert leaflet.reviewed_by == "eindredacteur"


def test_review_due_lists_overdue_leaflets_and_fails(leaflet, capsys, admin_client):
    call_command("review_due")
    assert "Geen folder te laat" in capsys.readouterr().out

    Medication.working_copies.filter(pk=leaflet.pk).update(
        next_review=timezone.localdate() - datetime.timedelta(days=1)
    )
    with pytest.raises(CommandError) as raised:
        call_command("review_due")
    assert raised.value.returncode == 1
    assert "TE LAAT: Testmiddel (testmiddel)" in capsys.readouterr().out
    index = admin_client.get("/beheer/").content.decode()
    assert "Controle tegen de bron" in index and "(te laat)" in index


# --- History ------------------------------------------------------------------------------


def leaflet_versions(medication):
    from medications.editing.history import versions_of

    return list(versions_of(medication))


def test_every_change_is_a_version_with_who_and_a_readable_difference(leaflet, editor):
    edit_dosing(editor, leaflet)
    newest, loaded = leaflet_versions(leaflet)[:2]
    assert newest.revision.user.username == "redacteur"
    assert loaded.revision.comment.startswith("Geladen uit ")

    page = editor.get(
        change_url(leaflet, "versies/vergelijk/"), {"van": loaded.pk, "naar": newest.pk}
    ).content.decode()
    assert "Hoe gebruikt u het?: tekst (Markdown)" in page
    assert "<del>2</del><ins>1</ins>" in page.replace(" ", "")
    assert "<ins>,bijhetontbijt</ins>" in page.replace(" ", "")


@pytest.fixture
def second_chief_editor(django_user_model):
    browser = Client()
    browser.force_login(user_with_role(django_user_model, "Eindredacteur", "eindredacteur2"))
    return browser


def test_a_restore_is_a_new_version_with_the_old_text(
    leaflet, editor, chief_editor, second_chief_editor, client
):
    edit_dosing(editor, leaflet)
    chief_editor.post(change_url(leaflet, "publiceren/"), {"summary": "Nieuwe dosering"})
    loaded = leaflet_versions(leaflet)[-1]
    count = len(leaflet_versions(leaflet))

    response = chief_editor.post(change_url(leaflet, f"versies/{loaded.pk}/terugzetten/"))

    assert response.status_code == 302
    versions = leaflet_versions(leaflet)
    assert len(versions) == count + 1  # history is never rewritten
    assert versions[0].revision.comment.startswith("Teruggezet naar de versie van")
    leaflet.refresh_from_db()
    assert leaflet.status == ReviewStatus.DRAFT
    assert OLD_TEXT in leaflet.sections.get(kind="dosering").body_markdown
    assert NEW_TEXT in public_page(client)  # live again only once published
    # The restore is the chief editor's own edit: another one publishes it (four eyes).
    refused = chief_editor.post(change_url(leaflet, "publiceren/"), {"summary": "Terug"})
    assert refused.status_code == 200 and NEW_TEXT in public_page(client)
    second_chief_editor.post(change_url(leaflet, "publiceren/"), {"summary": "Oude dosering terug"})
    assert OLD_TEXT in public_page(client)


# --- Sanitising ---------------------------------------------------------------------------


def test_the_editor_is_told_what_sanitising_removed(leaflet, chief_editor):
    edit_dosing(chief_editor, leaflet, OLD_TEXT + '\n\n<script>x()</script> <a onclick="y()">a</a>')
    page = chief_editor.get(change_url(leaflet)).content.decode()
    assert "&lt;script&gt;, onclick in &lt;a&gt; is weggehaald" in page


def test_the_loader_reports_removed_html_with_file_and_line(content_dir, capsys):
    sections = CORE_SECTIONS.replace(OLD_TEXT, OLD_TEXT + "\n<script>x()</script>")
    root = content_dir({"t.md": leaflet_text(sections=sections)})

    call_command("load_content", str(root))

    assert "t.md, regel 18: <script> wordt weggehaald" in capsys.readouterr().err


def test_publishing_and_loading_leave_a_trail(leaflet, chief_editor):
    assert Publication.objects.filter(medication=leaflet).count() == 1
    first = Publication.objects.get(medication=leaflet)
    assert first.summary == "Eerste versie op deze website." and first.published_by.username == (
        "inhoudsbestanden"
    )
    chief_editor.post(
        change_url(leaflet, "offline-halen/"),
        {"reason": "Niet meer in gebruik in ons ziekenhuis.", "confirm": "on"},
    )
    leaflet.refresh_from_db()
    assert not leaflet.live_copy.is_published
    assert LogEntry.objects.filter(
        change_message="Offline gehaald: Niet meer in gebruik in ons ziekenhuis."
    ).exists()

"""Files and admin: after the first load the database is the source of truth. A changed file
never silently overwrites an admin edit; export_content writes the database back in the
loader's own format."""

import pytest
from django.core.management import CommandError, call_command

from medications import publishing
from medications.content import ContentConflicts, load_content
from medications.editing import history
from medications.models import GlossaryTerm, Medication, Member, Section
from tests.conftest import CORE_SECTIONS, GLOSSARY, leaflet_text

pytestmark = pytest.mark.django_db

ADMIN_TEXT = "Neem 2 tabletten van 50 mg per dag, met water (aangepast in de beheeromgeving)."
FILE_TEXT = "Neem 3 tabletten van 25 mg per dag."


def snapshot():
    return (
        sorted(Medication.all_copies.values_list()),
        sorted(Section.all_copies.values_list()),
        sorted(Member.all_copies.values_list()),
        sorted(GlossaryTerm.objects.values_list()),
    )


def edit_in_admin(slug="testmiddel", kind="dosering", text=ADMIN_TEXT):
    """What an admin save does: the working copy's section changes through the write path."""
    section = Section.all_copies.get(medication__slug=slug, medication__is_live=False, kind=kind)
    with publishing.changes() as batch, history.revision(None, "Gewijzigd in de beheeromgeving"):
        section.body_markdown = text
        section.save()
        batch.working_copy_changed(section.medication_id, sections=[section])


def changed_file(content_dir):
    sections = CORE_SECTIONS.replace("Neem 2 tabletten van 50 mg per dag.", FILE_TEXT)
    return content_dir({"testmiddel.md": leaflet_text(sections=sections)})


def test_a_changed_file_does_not_overwrite_an_admin_edit(content_dir, capsys):
    load_content(content_dir())
    edit_in_admin()
    before = snapshot()
    root = changed_file(content_dir)

    with pytest.raises(ContentConflicts) as raised:
        load_content(root)
    assert snapshot() == before
    message = str(raised.value)
    assert "testmiddel.md, folder 'Testmiddel': in de beheeromgeving gewijzigd" in message
    assert "onderdeel 'dosering'" in message

    with pytest.raises(CommandError, match="--force"):
        call_command("load_content", str(root))
    assert "Conflict: " in capsys.readouterr().err
    assert snapshot() == before


def test_force_overwrites_and_keeps_the_admin_version_in_the_history(content_dir, client):
    load_content(content_dir())
    edit_in_admin()

    report = load_content(changed_file(content_dir), force=True)

    assert report.overwritten == ["testmiddel"] and report.drafts == ["testmiddel"]
    working = Medication.working_copies.get(slug="testmiddel")
    assert working.sections.get(kind="dosering").body_markdown == FILE_TEXT
    assert working.status == "concept"  # a new working copy: publishing is a separate step
    assert FILE_TEXT not in client.get("/medicijnen/testmiddel/").content.decode()
    kept = next(
        version
        for version in history.versions_of(working)
        if version.revision.comment == "Bewaard vóór overschrijven door load_content --force"
    )
    dosing = history.snapshot(kept).sections["dosering"]
    assert dosing["body_markdown_nl"] == ADMIN_TEXT


def test_an_admin_edit_stays_while_its_file_is_unchanged(content_dir):
    root = content_dir()
    load_content(root)
    edit_in_admin()

    report = load_content(root)

    assert report.kept == ["testmiddel"]
    working = Medication.working_copies.get(slug="testmiddel")
    assert working.sections.get(kind="dosering").body_markdown == ADMIN_TEXT


def test_a_changed_file_loads_when_nobody_edited_the_admin(content_dir, client):
    load_content(content_dir())
    report = load_content(changed_file(content_dir))
    assert report.updated == ["testmiddel"]
    assert FILE_TEXT in client.get("/medicijnen/testmiddel/").content.decode()


def test_a_glossary_term_edited_in_the_admin_is_a_conflict_too(content_dir):
    load_content(content_dir())
    term = GlossaryTerm.objects.get(slug="antistof")
    with publishing.changes() as batch:
        term.explanation_markdown = "Een eiwit (aangepast)."
        term.save()
        batch.term_changed(term)

    glossary = GLOSSARY.replace("Een eiwit dat een ziekteverwekker herkent.", "Ander eiwit.")
    with pytest.raises(ContentConflicts, match="term 'Antistof'"):
        load_content(content_dir(glossary=glossary))


def export(directory):
    call_command("export_content", str(directory), stdout=open("/dev/null", "w"))  # noqa: SIM115
    return {
        path.relative_to(directory): path.read_text(encoding="utf-8")
        for path in sorted(directory.rglob("*.md"))
    }


def pages(client):
    urls = ["/", "/woordenlijst/"] + [m.get_absolute_url() for m in Medication.objects.published()]
    urls += [f"{m.get_absolute_url()}print/" for m in Medication.objects.published()]
    return {url: client.get(url).content for url in urls}


def test_export_load_export_gives_the_same_files_and_pages(tmp_path, client):
    """The repository's own content (loaded once for the session), written back and read."""
    edit_in_admin(
        "azathioprine", "operaties", "Krijgt u een operatie? Dan hoeft u niet te stoppen."
    )
    working = Medication.working_copies.get(slug="azathioprine")
    publishing.publish(working, None, "Kortere tekst over operaties")
    before = pages(client)

    first = export(tmp_path / "eerste")
    report = load_content(tmp_path / "eerste")
    second = export(tmp_path / "tweede")

    assert set(report.unchanged) == {m.slug for m in Medication.working_copies.all()}
    assert not report.changed_anything and not report.kept
    assert first == second
    assert pages(client) == before
    assert (
        "Dan hoeft u niet te stoppen."
        in first[next(p for p in first if p.name == "azathioprine.md")]
    )

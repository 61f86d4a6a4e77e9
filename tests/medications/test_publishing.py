"""The write path: derived data (HTML, glossary links, terms used, the content version, search)
is made once per transaction, from what each writer declared: the loader, the admin or a
script; a content row saved outside it is refused in tests and with DEBUG on."""

import pytest
from django.db import transaction

from medications import publishing
from medications.content import load_content
from medications.models import GlossaryTerm, Medication, Member, Section
from medications.publishing import derived
from medications.publishing.guard import OutsideWritePath
from medications.signals import content_changed
from search import names as search_names
from search.query import search_medications
from serving.models import ContentVersion
from tests.conftest import leaflet_text
from tests.helpers import admin_form_data, write

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent():
    """Every content_changed signal sent, as (medication ids, glossary term ids)."""
    calls = []

    def listen(sender, medication_ids, glossary_term_ids, **kwargs):
        calls.append((set(medication_ids), set(glossary_term_ids)))

    content_changed.connect(listen)
    yield calls
    content_changed.disconnect(listen)


@pytest.fixture
def linker_builds(monkeypatch):
    calls = []
    real = derived.linker_for

    def counting(language):
        calls.append(language)
        return real(language)

    monkeypatch.setattr(derived, "linker_for", counting)
    return calls


def test_a_whole_load_is_finished_once(content_dir, sent, linker_builds):
    files = {f"t{i}.md": leaflet_text(slug=f"middel-{i}", name=f"Middel {i}") for i in range(4)}

    load_content(content_dir(files))

    assert linker_builds == ["nl", "en"]
    assert len(sent) == 1
    medication_ids, term_ids = sent[0]
    # The four new leaflets, and the leaflets loaded before, now offline (their files are
    # gone): their live copies in one signal (working copies are no patient's business).
    assert set(Medication.objects.values_list("pk", flat=True)) == medication_ids
    # The two terms of the new glossary, and the terms it no longer has (deleted).
    assert set(GlossaryTerm.objects.values_list("pk", flat=True)) < term_ids
    assert all(
        section.body_html.startswith("<")
        for section in Section.objects.filter(medication__slug__startswith="middel-")
    )


def test_nested_blocks_finish_once_at_the_outermost(content_dir, sent):
    load_content(content_dir())
    sent.clear()
    section = Section.objects.get(medication__slug="testmiddel", kind="dosering")

    with publishing.changes() as outer:
        with publishing.changes() as inner:
            assert inner is outer
            section.body_markdown = "Neem 1 tablet per dag."
            section.save()
            inner.row_changed(section)
        assert sent == []
        section.heading = "Hoe neemt u testmiddel in?"
        section.save()

    assert len(sent) == 1
    section.refresh_from_db()
    assert section.body_html == "<p>Neem 1 tablet per dag.</p>"


def test_a_save_outside_the_write_path_is_refused(content_dir, sent):
    """The tripwire (tests and DEBUG): a content row saved or deleted outside changes()."""
    load_content(content_dir())
    sent.clear()
    section = Section.all_copies.get(
        medication__slug="testmiddel", medication__is_live=False, kind="dosering"
    )
    term = GlossaryTerm.objects.get(slug="antistof")

    section.body_markdown = "Buiten het schrijfpad."
    with pytest.raises(OutsideWritePath, match="outside the write path"):
        section.save()
    with pytest.raises(OutsideWritePath), transaction.atomic():  # a delete is atomic itself
        term.delete()
    with pytest.raises(OutsideWritePath):
        Member(medication=section.medication, substance="x").save()

    section.refresh_from_db()
    assert "Buiten" not in section.body_markdown
    assert GlossaryTerm.objects.filter(slug="antistof").exists()
    assert sent == []


def test_without_debug_a_save_outside_the_write_path_goes_through(content_dir, settings):
    """Production (DEBUG off, no tripwire): the save is written; nothing follows from it."""
    load_content(content_dir())
    settings.DEBUG, settings.WRITE_PATH_TRIPWIRE = False, False
    section = Section.all_copies.get(
        medication__slug="testmiddel", medication__is_live=False, kind="dosering"
    )
    section.body_markdown = "Zonder tripwire."
    section.save()
    assert Section.all_copies.get(pk=section.pk).body_markdown == "Zonder tripwire."


def test_with_debug_on_the_tripwire_is_on(content_dir, settings):
    load_content(content_dir())
    settings.DEBUG, settings.WRITE_PATH_TRIPWIRE = True, False
    term = GlossaryTerm.objects.get(slug="antistof")
    with pytest.raises(OutsideWritePath):
        term.save()


def test_a_rolled_back_batch_leaves_no_work_behind(content_dir, sent):
    load_content(content_dir())
    sent.clear()
    version = ContentVersion.current()
    working = Medication.working_copies.get(slug="testmiddel")
    section = working.sections.get(kind="dosering")

    with pytest.raises(RuntimeError), publishing.changes() as batch:
        section.body_markdown = "Teruggedraaid."
        section.save()
        batch.working_copy_changed(working.pk, sections=[section])
        publishing.publish(working, None, "Teruggedraaid")
        raise RuntimeError
    assert sent == [] and ContentVersion.current() == version

    section.refresh_from_db()
    write(section)  # a new batch: this one is finished
    section.refresh_from_db()
    assert section.body_markdown != "Teruggedraaid."
    assert section.body_html.startswith("<p>Neem")


@pytest.mark.django_db(transaction=True)
def test_a_script_that_declares_its_change_is_finished_at_once(content_dir):
    load_content(content_dir())
    working = Medication.working_copies.get(slug="testmiddel")
    section = working.sections.get(kind="operaties")

    with publishing.changes() as batch:  # as a script in `manage.py shell` writes
        section.body_markdown = "Stop 3 dagen voor de operatie met de sokkenlade-tabletten."
        section.save()
        batch.working_copy_changed(working.pk, sections=[section])
        publishing.publish(working, None, "Sokkenlade")

    section.refresh_from_db()
    assert "sokkenlade-tabletten" in section.body_html
    hit = search_medications("testmiddel sokkenlade").hits[0]
    assert hit.url == "/medicijnen/testmiddel/#operaties"


def test_a_draft_batch_bumps_nothing_and_a_publish_bumps_the_one_version(content_dir, sent):
    """One content version, made by the write path: read by the page cache and search."""
    load_content(content_dir())
    sent.clear()
    version = ContentVersion.current_token()
    working = Medication.working_copies.get(slug="testmiddel")
    section = working.sections.get(kind="dosering")
    section.body_markdown = "Neem 5 tabletten."
    write(section)
    assert ContentVersion.current_token() == version == search_names.current_version()
    assert sent == []

    with publishing.changes():
        publishing.publish(working, None, "Vijf tabletten")
    assert ContentVersion.current_token() != version
    assert search_names.current_version() == ContentVersion.current_token()
    live = Medication.objects.get(slug="testmiddel")
    assert sent == [({live.pk}, set())]


def test_an_admin_save_is_one_batch(content_dir, admin_client, sent):
    load_content(content_dir())
    sent.clear()
    medication = Medication.working_copies.get(slug="testmiddel")
    url = f"/beheer/medications/medication/{medication.pk}/change/"
    data = admin_form_data(admin_client.get(url))
    for name in [n for n in data if n.endswith("body_markdown_nl")]:
        data[name] += "\n\nAangevuld."

    assert admin_client.post(url, data).status_code == 302
    assert sent == []  # a draft: nothing patients see changed, nothing is announced

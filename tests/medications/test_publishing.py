"""The write path: derived data (HTML, glossary links, terms used, search) is made once per
transaction, whichever way content changes: the loader, the admin or the ORM in a shell."""

import pytest
from django.db import transaction

from medications import publishing
from medications.content import load_content
from medications.models import GlossaryTerm, Medication, Section
from medications.publishing import derived
from medications.signals import content_changed
from search.query import search_medications
from tests.conftest import leaflet_text
from tests.helpers import admin_form_data

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

    with publishing.changes():
        with publishing.changes():
            section.body_markdown = "Neem 1 tablet per dag."
            section.save()
        assert sent == []
        section.heading = "Hoe neemt u testmiddel in?"
        section.save()

    assert len(sent) == 1
    section.refresh_from_db()
    assert section.body_html == "<p>Neem 1 tablet per dag.</p>"


def test_an_orm_edit_is_finished_when_its_transaction_commits(
    content_dir, sent, django_capture_on_commit_callbacks
):
    load_content(content_dir())
    sent.clear()
    section = Section.objects.get(medication__slug="testmiddel", kind="dosering")

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        section.body_markdown = "Neem **3** tabletten."
        section.save()
        Section.objects.filter(pk=section.pk).update(heading="Andere kop")  # no signal
        section.medication.save()
        assert sent == []  # nothing yet: the transaction has not committed

    assert len(sent) == 1
    section.refresh_from_db()
    assert section.body_html == "<p>Neem <strong>3</strong> tabletten.</p>"


def test_a_rolled_back_edit_leaves_no_work_behind(
    content_dir, sent, django_capture_on_commit_callbacks
):
    load_content(content_dir())
    sent.clear()
    section = Section.objects.get(medication__slug="testmiddel", kind="dosering")

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            section.body_markdown = "Teruggedraaid."
            section.save()
            raise RuntimeError
        section.refresh_from_db()
        section.body_markdown = "Neem 4 tabletten."
        section.save()

    assert len(sent) == 1
    section.refresh_from_db()
    assert section.body_html == "<p>Neem 4 tabletten.</p>"


@pytest.mark.django_db(transaction=True)
def test_a_shell_edit_outside_any_transaction_is_finished_at_once(content_dir):
    load_content(content_dir())
    section = Section.objects.get(medication__slug="testmiddel", kind="operaties")

    section.body_markdown = "Stop 3 dagen voor de operatie met de sokkenlade-tabletten."
    section.save()  # autocommit, as in `manage.py shell`

    section.refresh_from_db()
    assert "sokkenlade-tabletten" in section.body_html
    hit = search_medications("testmiddel sokkenlade").hits[0]
    assert hit.url == "/medicijnen/testmiddel/#operaties"


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

"""'Wat is er veranderd?' as a patient reads it after a file load: the parts of the page whose
text changed, in the page's own words, never a file path."""

import importlib
import re

import pytest
from django.utils.html import strip_tags

from medications.content import load_content
from medications.models import Medication, Publication, PublicationKind
from medications.publishing.summary import FIRST_VERSION, MAX_LENGTH, TOO_MANY
from tests.conftest import CORE_SECTIONS, leaflet_text

pytestmark = pytest.mark.django_db

KEY_POINTS = "key_points:\n  - Neem het elke dag.\n"


def changes_seen(client, slug="testmiddel"):
    """The 'Wat is er veranderd?' list on the public page, as text, newest first."""
    html = client.get(f"/medicijnen/{slug}/").content.decode()
    block = re.search(r'<section class="change-log".*?</section>', html, re.S).group()
    items = re.findall(r"<li>(.*?)</li>", block, re.S)
    return [" ".join(strip_tags(item).split()) for item in items]


def load(content_dir, **leaflet):
    load_content(content_dir({"testmiddel.md": leaflet_text(**leaflet)}))


def test_a_first_load_says_it_is_the_first_version_without_a_path(content_dir, client):
    load(content_dir)

    seen = changes_seen(client)
    assert len(seen) == 1 and seen[0].endswith(f": {FIRST_VERSION}")
    assert not any(mark in seen[0] for mark in ("Geladen", ".md", "content/", "leaflets"))


def test_a_changed_file_names_the_sections_whose_text_changed(content_dir, client):
    load(content_dir)
    sections = CORE_SECTIONS.replace("- hoofdpijn", "- hoofdpijn\n- duizeligheid").replace(
        "De eerste 3 maanden", "De eerste 4 maanden"
    )
    load(content_dir, sections=sections)

    newest = changes_seen(client)[0]
    assert newest.endswith(
        ": Nieuwe of aangepaste tekst in: Bijwerkingen; Bloedcontroles en andere controles."
    )
    assert "Hoe gebruikt u het?" not in newest  # unchanged
    assert ".md" not in newest


def test_front_matter_is_named_in_words(content_dir, client):
    load(content_dir)
    load(content_dir, extra_front=KEY_POINTS)

    assert changes_seen(client)[0].endswith(": Nieuwe of aangepaste tekst in: In het kort.")
    summary = "summary: Testmiddel remt het afweersysteem bij reuma.\n"
    text = leaflet_text(extra_front=KEY_POINTS).replace(
        "summary: Testmiddel remt het afweersysteem.\n", summary
    )
    load_content(content_dir({"testmiddel.md": text}))
    assert changes_seen(client)[0].endswith(": Nieuwe of aangepaste tekst in: Samenvatting.")


def test_new_alarm_signs_name_the_box_at_the_top(content_dir, client):
    alarm = (
        "alarm:\n- title: Wanneer neemt u contact op?\n  signs: [koorts{more}]\n"
        "  action: Bel uw arts.\n  urgency: niet-genoemd\n"
    )
    load(content_dir, extra_front=alarm.format(more=""))
    load(content_dir, extra_front=alarm.format(more=", keelpijn"))

    assert changes_seen(client)[0].endswith(
        ": Nieuwe of aangepaste tekst in: Wanneer u contact opneemt (bovenaan de pagina)."
    )


def test_a_removed_section_and_a_new_one_are_both_named(content_dir, client):
    storing = "## Hoe bewaart u testmiddel? {#bewaren}\n\nBewaar het in de koelkast.\n"
    travel = "## Mag u testmiddel meenemen op reis? {#reizen}\n\nNeem het mee.\n"
    load(content_dir, sections=CORE_SECTIONS + "\n" + storing)
    load(content_dir, sections=CORE_SECTIONS + "\n" + travel)

    assert changes_seen(client)[0].endswith(
        ": Nieuwe of aangepaste tekst in: Op reis. Weggehaald: Bewaren."
    )


def test_a_new_review_date_alone_is_no_new_text(content_dir, client):
    load(content_dir)
    text = leaflet_text().replace("last_reviewed: 2026-01-15", "last_reviewed: 2026-02-01")
    load_content(content_dir({"testmiddel.md": text}))

    assert changes_seen(client)[0].endswith(": Opnieuw gecontroleerd.")


def test_a_summary_never_runs_past_what_the_trail_can_hold(content_dir):
    load(content_dir)
    sections = "".join(
        line
        + (" Nieuw." if line and not line.startswith("#") and not line.startswith("-") else "")
        + "\n"
        for line in CORE_SECTIONS.splitlines()
    )
    extra = KEY_POINTS + "other_names: [Proefmiddel]\n"
    load(content_dir, sections=sections, extra_front=extra)

    summary = Publication.objects.filter(kind=PublicationKind.PUBLISHED).first().summary
    assert len(summary) <= MAX_LENGTH
    assert summary == TOO_MANY or summary.startswith("Nieuwe of aangepaste tekst in: ")


def test_old_summaries_with_a_file_path_are_rewritten(content_dir, client):
    load(content_dir)
    working = Medication.working_copies.get(slug="testmiddel")
    Publication.objects.filter(medication=working).update(
        summary="Geladen uit content/leaflets/testmiddel.md"
    )
    migration = importlib.import_module(
        "medications.migrations.0040_publication_summaries_in_patient_words"
    )

    migration.rewrite_file_paths(_Apps(), None)

    assert changes_seen(client)[0].endswith(": Tekst bijgewerkt.")


class _Apps:
    """The migration's `apps`, here the real models (their fields are what it needs)."""

    def get_model(self, app_label, model_name):
        from django.apps import apps

        return apps.get_model(app_label, model_name)

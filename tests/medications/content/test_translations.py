"""English content files beside the Dutch ones: loaded into the `_en` columns, rendered and
linked the same way, refused (file, line, database untouched) when a code, a phone number,
an urgency or a number differs from the Dutch file, and exported back as they were."""

import textwrap

import pytest
from django.core.management import call_command
from django.utils import translation

from medications import publishing
from medications.content import ContentConflicts, ContentErrors, load_content
from medications.models import GlossaryTerm, Medication, Section
from tests.conftest import GLOSSARY, leaflet_text
from tests.medications.content.test_loading import database_snapshot

pytestmark = pytest.mark.django_db

SAFETY_FRONT = textwrap.dedent(
    """\
    key_points:
      - Neem 2 tabletten per dag.
    alarm:
      - title: Tekenen van een infectie
        signs:
          - koorts boven 38 graden
          - keelpijn
        action: Bel de polikliniek.
        urgency: direct
    contacts:
      - purpose: spoed
        owner: Testziekenhuis
        name: Polikliniek Reumatologie
        phone: "020-5662500"
    questions:
      alcohol: Een glas alcohol per dag mag.
    """
)

ENGLISH = textwrap.dedent(
    """\
    ---
    slug: testmiddel
    name: Testmedicine
    kind: reumaremmer
    route: tablet
    brand_names: [Testo, Testo mitis]
    summary: Testmedicine calms down the immune system.
    key_points:
      - Take 2 tablets a day.
    alarm:
      - title: Signs of an infection
        signs:
          - a temperature above 38 degrees
          - a sore throat
        action: Call the outpatient clinic.
        urgency: direct
    contacts:
      - purpose: spoed
        owner: Testziekenhuis
        name: Rheumatology outpatient clinic
        phone: "020-5662500"
    questions:
      alcohol: One glass of alcohol a day is allowed.
    source:
      publisher: Testziekenhuis
      title: Folder over testmiddel
      date: "2020-05"
    last_reviewed: 2026-01-15
    ---

    ## How do you take testmedicine? {#dosering}

    Take 2 tablets of 50 mg a day.

    ## What side effects can testmedicine have? {#bijwerkingen}

    - feeling sick
    - headache

    ## What checks do you need? {#controles}

    In the first 3 months, a blood test every 2 weeks. This protects your immune system.

    ## Can you use testmedicine when you are pregnant? {#zwangerschap}

    Talk to your doctor.

    ## Can you have vaccinations? {#vaccinatie geen-informatie}

    The leaflet says nothing about this. Ask your doctor.

    ## What if you have an operation? {#operaties}

    You do not need to stop.
    """
)

ENGLISH_GLOSSARY = textwrap.dedent(
    """\
    ## Immune system {#afweersysteem}
    Also: immune defences

    Everything in your body that protects you against germs.

    ## Antibody {#antistof}
    Also: antibodies

    A protein that recognises a germ.
    """
)


def dutch():
    return leaflet_text(extra_front=SAFETY_FRONT)


def with_english(content_dir, english=ENGLISH, glossary=ENGLISH_GLOSSARY):
    root = content_dir({"testmiddel.md": dutch(), "testmiddel.en.md": english})
    if glossary is not None:
        (root / "woordenlijst.en.md").write_text(glossary, encoding="utf-8")
    return root


def test_english_file_loads_into_the_english_columns(content_dir):
    report = load_content(with_english(content_dir))

    assert report.created == ["testmiddel"]
    assert report.translated == ["testmiddel (en)"]
    live = Medication.objects.get(slug="testmiddel")
    assert live.name_nl == "Testmiddel"
    assert live.name_en == "Testmedicine"
    assert live.alarm_en[0]["signs"] == ["a temperature above 38 degrees", "a sore throat"]
    assert live.alarm_nl[0]["signs"] == ["koorts boven 38 graden", "keelpijn"]
    assert live.contacts_en[0]["name"] == "Rheumatology outpatient clinic"
    assert live.questions_en == {"alcohol": "One glass of alcohol a day is allowed."}
    dosing = live.sections.get(kind="dosering")
    assert dosing.heading_en == "How do you take testmedicine?"
    assert "Take 2 tablets of 50 mg a day." in dosing.body_html_en
    assert "Neem 2 tabletten van 50 mg per dag." in dosing.body_html_nl
    with translation.override("en"):
        assert live.name == "Testmedicine"


def test_english_sections_link_english_glossary_words(content_dir):
    load_content(with_english(content_dir))

    checks = Section.objects.get(medication__slug="testmiddel", kind="controles")
    assert '<dfn data-term="afweersysteem">immune system</dfn>' in checks.body_html_en
    term = GlossaryTerm.objects.get(slug="afweersysteem")
    assert term.term_en == "Immune system"
    assert term.variants_en == "immune defences"
    assert term.term_nl == "Afweersysteem"


def test_missing_english_file_is_no_translation_yet(content_dir):
    report = load_content(content_dir({"testmiddel.md": dutch()}))

    assert report.created == ["testmiddel"]
    assert report.translated == []
    assert Medication.objects.get(slug="testmiddel").name_en is None


def test_second_run_changes_nothing_and_a_changed_english_file_loads_alone(content_dir):
    root = with_english(content_dir)
    load_content(root)
    assert not load_content(root).changed_anything

    (root / "leaflets" / "testmiddel.en.md").write_text(
        ENGLISH.replace("Talk to your doctor.", "Talk to your doctor first."), encoding="utf-8"
    )
    report = load_content(root)

    assert report.translated == ["testmiddel (en)"]
    assert report.updated == []
    live = Medication.objects.get(slug="testmiddel")
    assert "Talk to your doctor first." in live.sections.get(kind="zwangerschap").body_html_en


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        ("{#vaccinatie geen-informatie}", 48, "dezelfde codes"),
        ('phone: "020-5662500"', 17, "'phone' moet '020-5662500'"),
        ("purpose: spoed", 17, "'purpose' moet 'spoed'"),
        ("owner: Testziekenhuis\n", 17, "'owner' moet 'Testziekenhuis'"),
        ("urgency: direct", 10, "'urgency' moet 'direct'"),
        ("50 mg", 31, "andere getallen"),
        ("every 2 weeks", 40, "andere getallen"),
        ("above 38 degrees", 10, "andere getallen"),
        ("kind: reumaremmer", 4, "'kind' moet hetzelfde zijn"),
    ],
)
def test_english_file_that_differs_from_the_dutch_is_refused(content_dir, change, line, message):
    root = with_english(content_dir)
    load_content(root)
    before = database_snapshot()
    replacements = {
        "{#vaccinatie geen-informatie}": "{#vaccinatie}",
        'phone: "020-5662500"': 'phone: "020-5662501"',
        "purpose: spoed": "purpose: vragen",
        "owner: Testziekenhuis\n": "owner: Other hospital\n",
        "urgency: direct": "urgency: niet-genoemd",
        "50 mg": "500 mg",
        "every 2 weeks": "every week",
        "above 38 degrees": "above 39 degrees",
        "kind: reumaremmer": "kind: biological",
    }
    broken = ENGLISH.replace(change, replacements[change], 1)
    assert broken != ENGLISH
    (root / "leaflets" / "testmiddel.en.md").write_text(broken, encoding="utf-8")

    with pytest.raises(ContentErrors) as refused:
        load_content(root)

    problems = [str(error) for error in refused.value.errors]
    assert any(
        "testmiddel.en.md" in problem and message in problem and f"regel {line}:" in problem
        for problem in problems
    ), problems
    assert database_snapshot() == before


def test_a_sign_left_out_is_refused(content_dir):
    root = with_english(content_dir, english=ENGLISH.replace("      - a sore throat\n", ""))

    with pytest.raises(ContentErrors, match="2 klachten in het Nederlands, 1 in de vertaling"):
        load_content(root)
    assert not Medication.all_copies.filter(slug="testmiddel").exists()


def test_english_glossary_needs_every_dutch_term_under_its_slug(content_dir):
    broken = ENGLISH_GLOSSARY.replace("{#antistof}", "{#antistoffen}")

    with pytest.raises(ContentErrors) as refused:
        load_content(with_english(content_dir, glossary=broken))

    problems = "\n".join(str(error) for error in refused.value.errors)
    assert "woordenlijst.en.md, regel 6: 'antistoffen' is geen term" in problems
    assert "ontbreken: Antistof" in problems


def test_export_writes_the_english_files_back_round_trip(content_dir, tmp_path):
    root = with_english(content_dir)
    load_content(root)
    first, second = tmp_path / "first", tmp_path / "second"

    call_command("export_content", str(first), verbosity=0)
    report = load_content(first)
    call_command("export_content", str(second), verbosity=0)

    assert not report.changed_anything
    # The repository's own translations, loaded for the session, are there too.
    assert "testmiddel (en)" in report.unchanged_translations
    english = (first / "leaflets" / "testmiddel.en.md").read_text()
    assert english == (second / "leaflets" / "testmiddel.en.md").read_text()
    assert "name: Testmedicine\n" in english
    assert "## Can you have vaccinations? {#vaccinatie geen-informatie}\n" in english
    assert "- a temperature above 38 degrees\n" in english
    assert (first / "woordenlijst.en.md").read_text() == ENGLISH_GLOSSARY
    assert (first / "woordenlijst.md").read_text() == GLOSSARY


def test_an_english_edit_in_the_admin_is_kept_and_a_changed_file_conflicts(content_dir):
    root = with_english(content_dir)
    load_content(root)
    working = Medication.working_copies.get(slug="testmiddel")
    with publishing.changes():
        working.summary_en = "Edited in the admin."
        working.save()
        publishing.translation_edited(working, "en")

    report = load_content(root)
    assert report.kept == ["testmiddel (en)"]
    (root / "leaflets" / "testmiddel.en.md").write_text(
        ENGLISH.replace("Talk to your doctor.", "Talk to your doctor first."), encoding="utf-8"
    )
    with pytest.raises(ContentConflicts, match="vertaling 'en' van folder 'Testmiddel'"):
        load_content(root)
    assert Medication.working_copies.get(slug="testmiddel").summary_en == "Edited in the admin."

"""The loader: valid content loads; every kind of bad file is refused with file and line,
and then the database is exactly as it was."""

import pytest
from django.core.management import CommandError, call_command

from medications.content import ContentErrors, load_content
from medications.models import GlossaryTerm, Medication, Member, Section
from tests.conftest import CORE_SECTIONS, leaflet_text

pytestmark = pytest.mark.django_db


def database_snapshot():
    """Every row the loader may touch, as plain values."""
    return (
        sorted(Medication.objects.values_list()),
        sorted(Section.objects.values_list()),
        sorted(Member.objects.values_list()),
        sorted(GlossaryTerm.objects.values_list()),
    )


def test_valid_content_loads_and_shows(content_dir, client):
    report = load_content(content_dir())

    assert report.created == ["testmiddel"]
    medication = Medication.objects.get(slug="testmiddel")
    assert medication.brand_name_list == ["Testo", "Testo mitis"]
    assert [s.kind for s in medication.ordered_sections] == [
        "dosering",
        "bijwerkingen",
        "controles",
        "zwangerschap",
        "vaccinatie",
        "operaties",
    ]
    page = client.get("/medicijnen/testmiddel/").content.decode()
    assert "Neem 2 tabletten van 50 mg per dag." in page
    assert "mei 2020" in page


def test_second_run_changes_nothing(content_dir):
    root = content_dir()
    load_content(root)
    before = database_snapshot()

    report = load_content(root)

    assert not report.changed_anything
    assert report.unchanged == ["testmiddel"]
    assert database_snapshot() == before


def test_changed_file_updates_sections_in_place(content_dir):
    load_content(content_dir())
    changed = CORE_SECTIONS.replace("2 tabletten van 50 mg", "3 tabletten van 25 mg")
    report = load_content(content_dir({"testmiddel.md": leaflet_text(sections=changed)}))

    assert report.updated == ["testmiddel"]
    dosing = Section.objects.get(medication__slug="testmiddel", kind="dosering")
    assert "3 tabletten van 25 mg" in dosing.body_html


def test_removed_file_unpublishes(content_dir, client):
    load_content(
        content_dir(
            {
                "testmiddel.md": leaflet_text(),
                "ander.md": leaflet_text(slug="ander", name="Ander middel"),
            }
        )
    )
    report = load_content(content_dir({"testmiddel.md": leaflet_text()}))

    assert report.unpublished == ["ander"]
    assert not Medication.objects.get(slug="ander").is_published
    assert client.get("/medicijnen/ander/").status_code == 404


def test_removed_glossary_term_is_deleted(content_dir):
    load_content(content_dir())
    report = load_content(content_dir(glossary="## Antistof\n\nEen eiwit.\n"))
    assert report.terms_deleted == 1
    assert not GlossaryTerm.objects.filter(slug="afweersysteem").exists()


def broken(front="", sections=CORE_SECTIONS, **kwargs):
    return {"testmiddel.md": leaflet_text(extra_front=front, sections=sections, **kwargs)}


BAD_FILES = {
    "unknown section code": (
        broken(sections=CORE_SECTIONS + "\n## Wat kost het? {#kosten}\n\nVeel.\n"),
        "regel 40",
        "onbekend onderdeel 'kosten'",
    ),
    "heading without code": (
        broken(sections=CORE_SECTIONS + "\n## Wat kost het?\n\nVeel.\n"),
        "regel 40",
        "code nodig",
    ),
    "empty section": (
        broken(sections="## Leeg {#bewaren}\n\n" + CORE_SECTIONS),
        "regel 15",
        "'bewaren' is leeg",
    ),
    "duplicate section": (
        broken(sections=CORE_SECTIONS + "\n## Nog eens {#dosering}\n\nTekst.\n"),
        "regel 40",
        "twee keer (ook op regel 15)",
    ),
    "missing core section": (
        broken(sections=CORE_SECTIONS.split("## Wat als u een operatie")[0]),
        "regel 14",
        "kernonderwerp(en) ontbreken: operaties",
    ),
    "unknown flag": (
        broken(sections=CORE_SECTIONS.replace("{#operaties}", "{#operaties leeg}")),
        "regel 36",
        "onbekende toevoeging",
    ),
    "level-1 heading": (
        broken(sections=CORE_SECTIONS + "\n# Grote kop\n"),
        "regel 40",
        "één '#'",
    ),
    "text before first section": (
        broken(sections="Losse tekst.\n\n" + CORE_SECTIONS),
        "regel 15",
        "tekst vóór het eerste onderdeel",
    ),
    "unknown front matter field": (
        broken(front="dosis: 50 mg\n"),
        "regel 13",
        "onbekend veld 'dosis'",
    ),
    "bad kind": (
        {"testmiddel.md": leaflet_text().replace("kind: reumaremmer", "kind: pijnstiller")},
        "regel 4",
        "'pijnstiller' is geen geldige kind",
    ),
    "missing name": (
        {"testmiddel.md": leaflet_text().replace("name: Testmiddel\n", "")},
        "regel 2",
        "'name' ontbreekt",
    ),
    "bad slug": (
        broken(slug="Test Middel"),
        "regel 2",
        "slug 'Test Middel'",
    ),
    "bad last_reviewed date": (
        {"testmiddel.md": leaflet_text().replace("2026-01-15", "15-01-2026")},
        "regel 12",
        "'last_reviewed' moet een datum zijn",
    ),
    "future last_reviewed date": (
        {"testmiddel.md": leaflet_text().replace("2026-01-15", "2999-01-01")},
        "regel 12",
        "ligt in de toekomst",
    ),
    "bad source date": (
        {"testmiddel.md": leaflet_text().replace('"2020-05"', '"2020-13"')},
        "regel 8",
        "'2020-13' is geen geldige datum",
    ),
    "unparseable YAML": (
        {"testmiddel.md": leaflet_text().replace("route: tablet", "route: [tablet")},
        "regel 6",
        "geen geldige YAML",
    ),
    "brand names not a list": (
        {"testmiddel.md": leaflet_text().replace("[Testo, Testo mitis]", "Testo")},
        "regel 6",
        "moet een lijst met namen zijn",
    ),
    "no front matter": (
        {"testmiddel.md": CORE_SECTIONS},
        "regel 1",
        "moet beginnen met een regel '---'",
    ),
    "duplicate slug": (
        {"a.md": leaflet_text(), "b.md": leaflet_text()},
        "regel 2",
        "b.md, regel 2: slug 'testmiddel' wordt ook gebruikt in",
    ),
}


@pytest.mark.parametrize("files, where, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_leaflet_is_refused_with_file_and_line(content_dir, files, where, message):
    load_content(content_dir())  # a known state to compare with
    before = database_snapshot()

    with pytest.raises(ContentErrors) as raised:
        load_content(content_dir(files))

    text = str(raised.value)
    assert message in text
    assert f".md, {where}: " in text
    assert database_snapshot() == before


BAD_GLOSSARIES = {
    "duplicate form": (
        "## Antistof\nOok: afweerstof\n\nEiwit.\n\n## Afweerstof\n\nOok eiwit.\n",
        "regel 6",
    ),
    "no explanation": ("## Antistof\n\n## Beenmerg\n\nWeefsel in de botten.\n", "regel 1"),
    "text before first term": ("Losse tekst\n\n## Antistof\n\nEiwit.\n", "regel 1"),
}


@pytest.mark.parametrize("glossary, where", BAD_GLOSSARIES.values(), ids=BAD_GLOSSARIES.keys())
def test_bad_glossary_is_refused(content_dir, glossary, where):
    load_content(content_dir())
    before = database_snapshot()

    with pytest.raises(ContentErrors) as raised:
        load_content(content_dir(glossary=glossary))

    assert f"woordenlijst.md, {where}:" in str(raised.value)
    assert database_snapshot() == before


def test_command_exits_non_zero_and_names_the_file(content_dir, capsys):
    root = content_dir(broken(sections=CORE_SECTIONS + "\n## X {#kosten}\n\nY\n"))
    with pytest.raises(CommandError, match="niets veranderd"):
        call_command("load_content", str(root))
    assert "testmiddel.md, regel 40: onbekend onderdeel 'kosten'" in capsys.readouterr().err


def test_command_reports_what_it_did(content_dir, capsys):
    root = content_dir()
    call_command("load_content", str(root))
    assert "nieuw: testmiddel" in capsys.readouterr().out
    call_command("load_content", str(root))
    assert "Niets veranderd." in capsys.readouterr().out


DANGEROUS = """
<script>alert('x')</script>
<img src=x onerror="alert(1)">
<a href="javascript:alert(1)" onclick="steal()">klik</a>
<p style="color:red" onmouseover="x()">Gewone tekst.</p>
"""


def test_script_and_event_handlers_never_reach_the_page(content_dir, client):
    sections = CORE_SECTIONS.replace(
        "U hoeft niet te stoppen.", "U hoeft niet te stoppen.\n" + DANGEROUS
    )
    load_content(content_dir({"testmiddel.md": leaflet_text(sections=sections)}))

    page = client.get("/medicijnen/testmiddel/").content.decode()
    assert "Gewone tekst." in page
    for forbidden in (
        "<script>alert",
        "onerror",
        "javascript:",
        "onclick",
        "onmouseover",
        "style=",
    ):
        assert forbidden not in page


MODEL_RULES = {
    "name longer than the field allows": (
        {"testmiddel.md": leaflet_text(name="T" * 130)},
        "regel 3",
        "het veld 'name' is te lang: 130 tekens, er mogen er 120 zijn.",
    ),
    "impossible date": (
        {"testmiddel.md": leaflet_text().replace("2026-01-15", "2026-13-45")},
        "regel 12",
        "'last_reviewed' moet een datum zijn, zoals 2026-11-23.",
    ),
    "source title longer than the field allows": (
        {"testmiddel.md": leaflet_text().replace("Folder over testmiddel", "F" * 301)},
        "regel 8",
        "het veld 'source.title' is te lang: 301 tekens, er mogen er 300 zijn.",
    ),
    "section heading longer than the field allows": (
        broken(sections=CORE_SECTIONS.replace("Welke controles heeft u nodig?", "K" * 201)),
        "regel 24",
        "het veld 'heading' is te lang: 201 tekens, er mogen er 200 zijn.",
    ),
    "member substance longer than the field allows": (
        broken(front="members:\n  - substance: " + "s" * 121 + "\n"),
        "regel 13",
        "lid 1: het veld 'members.substance' is te lang",
    ),
    "front matter text that is a list": (
        {"testmiddel.md": leaflet_text().replace("route: tablet", "route: [tablet]")},
        "regel 5",
        "het veld 'route' moet tekst zijn.",
    ),
}


@pytest.mark.parametrize("files, where, message", MODEL_RULES.values(), ids=MODEL_RULES.keys())
def test_every_model_rule_is_reported_with_file_and_line(content_dir, files, where, message):
    """The models' own rules (lengths, dates, choices) stop the loader on every database,
    before PostgreSQL could refuse a value, and the database stays as it was."""
    load_content(content_dir())
    before = database_snapshot()

    with pytest.raises(ContentErrors) as raised:
        load_content(content_dir(files))

    assert f"testmiddel.md, {where}: {message}" in str(raised.value)
    assert database_snapshot() == before


def test_command_reports_a_model_rule_and_changes_nothing(content_dir, capsys):
    load_content(content_dir())
    before = database_snapshot()
    root = content_dir({"testmiddel.md": leaflet_text(name="T" * 130)})

    with pytest.raises(CommandError, match="niets veranderd"):
        call_command("load_content", str(root))

    assert "testmiddel.md, regel 3: het veld 'name' is te lang" in capsys.readouterr().err
    assert database_snapshot() == before

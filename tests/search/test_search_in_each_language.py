"""Search in each language: English rows only from English text, English analysis (stemming,
stop words, lay synonyms, typo correction, brand names), results only from pages written in
the language searched, and a language search knows nothing about searched with generic rules."""

import textwrap

import pytest
from django.utils import translation

from medications.content import load_content
from medications.models import Medication
from search import analysis
from search.languages import rules
from search.models import SearchEntry
from search.query import search_medications, suggest
from search.vocabulary import vocabulary
from tests.conftest import leaflet_text

pytestmark = pytest.mark.django_db

# English for the test leaflet (tests/conftest.py CORE_SECTIONS).
ENGLISH_SECTIONS = {
    "dosering": ("How do you take testmedicine?", "Take 2 tablets of 50 mg a day."),
    "bijwerkingen": (
        "What side effects can testmedicine cause?",
        "- feeling sick (nausea)\n- headache",
    ),
    "controles": (
        "Which checks do you need?",
        "For the first 3 months, a blood test every 2 weeks.",
    ),
    "zwangerschap": (
        "Can you use testmedicine if you are pregnant?",
        "Talk to your doctor about pregnancy and breastfeeding.",
    ),
    "vaccinatie": (
        "Can you have vaccinations?",
        "The leaflet says nothing about this. Ask your doctor.",
    ),
    "operaties": ("What if you have an operation?", "You do not need to stop."),
}

OTHER_LEAFLET = leaflet_text(slug="andermiddel", name="Andermiddel").replace(
    "brand_names: [Testo, Testo mitis]", "brand_names: [Andero]"
)


def english_leaflet():
    """The test leaflet's English file, as a translator writes it beside testmiddel.md."""
    front = textwrap.dedent(
        """\
        ---
        slug: testmiddel
        name: Testmedicine
        kind: reumaremmer
        route: tablet
        brand_names: [Testo, Testo mitis]
        summary: Testmedicine slows down the immune system.
        source:
          publisher: Testziekenhuis
          title: Folder over testmiddel
          date: "2020-05"
        last_reviewed: 2026-01-15
        ---
        """
    )
    codes = {"vaccinatie": "vaccinatie geen-informatie"}
    sections = [
        f"## {heading} {{#{codes.get(kind, kind)}}}\n\n{body}\n"
        for kind, (heading, body) in ENGLISH_SECTIONS.items()
    ]
    return front + "\n" + "\n".join(sections)


ENGLISH_GLOSSARY = textwrap.dedent(
    """\
    ## Immune system {#afweersysteem}
    Also: immunity

    Everything in your body that protects you against germs.

    ## Antibody {#antistof}
    Also: antibodies

    A protein that recognises a germ.
    """
)


@pytest.fixture
def leaflets(content_dir):
    """A leaflet with its English file, and one in Dutch only, loaded as files are."""
    root = content_dir(
        {
            "testmiddel.md": leaflet_text(),
            "testmiddel.en.md": english_leaflet(),
            "andermiddel.md": OTHER_LEAFLET,
        }
    )
    (root / "woordenlijst.en.md").write_text(ENGLISH_GLOSSARY, encoding="utf-8")
    load_content(root)
    return Medication.objects.get(slug="testmiddel")


def url_in(language, instance, kind=None):
    with translation.override(language):
        return instance.section_url(kind) if kind else instance.get_absolute_url()


# --- The index --------------------------------------------------------------------------


def test_a_leaflet_in_dutch_only_has_no_english_rows(content_dir):
    load_content(content_dir({"testmiddel.md": leaflet_text()}))
    rows = SearchEntry.objects.filter(medication__slug="testmiddel")
    assert rows.filter(language="nl").count() == 6
    assert not rows.filter(language="en").exists()


def test_english_rows_hold_only_english_text(leaflets):
    english = SearchEntry.objects.filter(language="en", medication=leaflets)
    assert set(english.values_list("kind", flat=True)) == set(ENGLISH_SECTIONS)
    for row in english:
        heading, body = ENGLISH_SECTIONS[row.kind]
        assert row.title == heading
        assert row.text.split()[0] in body
    dutch = SearchEntry.objects.filter(language="nl", medication=leaflets)
    assert dutch.count() == 6  # the Dutch rows stay as they were
    assert dutch.get(kind="bijwerkingen").title == "Welke bijwerkingen kan testmiddel geven?"
    term = SearchEntry.objects.get(language="en", glossary_term__slug="afweersysteem")
    assert term.title == "Immune system" and "germs" in term.text


def test_a_leaflet_without_its_english_file_has_no_english_rows(leaflets):
    other = Medication.objects.get(slug="andermiddel")
    assert SearchEntry.objects.filter(language="nl", medication=other).count() == 6
    assert not SearchEntry.objects.filter(language="en", medication=other).exists()


# --- Searching in English ---------------------------------------------------------------


def test_an_english_question_finds_the_english_section_with_its_words_marked(leaflets):
    results = search_medications("side effects testmedicine", "en")
    hit = results.hits[0]
    assert hit.url == url_in("en", leaflets, "bijwerkingen")
    assert "<mark>side</mark> <mark>effects</mark>" in hit.title_html
    assert "nausea" in hit.snippet_html


def test_results_come_only_from_english_pages(leaflets):
    assert not search_medications("bijwerkingen", "en").hits  # Dutch words, Dutch rows only
    broad = search_medications("headache", "en")
    assert {hit.medication.slug for hit in broad.hits} == {"testmiddel"}
    assert all(hit.matched for hit in broad.hits)
    # The Dutch-only leaflet has no English page: its brand name leads nowhere in English.
    andero = search_medications("Andero", "en")
    assert not andero.redirect_url and not andero.hits
    assert search_medications("Andero", "nl").redirect_url == url_in(
        "nl", Medication.objects.get(slug="andermiddel")
    )


def test_dutch_search_is_not_touched_by_english_text(leaflets):
    assert not any(hit.matched for hit in search_medications("headache", "nl").hits)
    hits = search_medications("hoofdpijn testmiddel", "nl").hits
    assert hits[0].url == url_in("nl", leaflets, "bijwerkingen")


def test_english_stemming_and_stop_words():
    terms = analysis.index_terms("Can I take it during Pregnancy and Breastfeeding?", "en")
    assert terms.split() == ["pregnanc", "pregnancy", "breastfeed", "breastfeeding"]
    assert analysis.stem("vaccinations", "en") == analysis.stem("vaccine", "en") == "vaccin"


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("flu jab", "vaccinatie"),
        ("blood test", "controles"),
        ("am I allowed to take it when pregnant", "zwangerschap"),
        ("breastfeeding", "zwangerschap"),
        ("feel sick", "bijwerkingen"),
        ("how many pills", "dosering"),
    ],
)
def test_lay_words_find_the_words_of_the_english_leaflets(leaflets, query, kind):
    hit = search_medications(query, "en").hits[0]
    assert hit.url == url_in("en", leaflets, kind)
    assert hit.matched


def test_english_question_words_point_to_section_kinds():
    assert "vaccinatie" in analysis.detect_kinds(["flu", "jab"], "en")
    assert "zwangerschap" in analysis.detect_kinds(["is", "it", "safe", "when", "pregnant"], "en")
    assert "operaties" in analysis.detect_kinds(["going", "to", "the", "dentist"], "en")
    assert "vaccinatie" not in analysis.detect_kinds(["fluid"], "en")  # 'flu' is a whole word


def test_english_typos_are_corrected_with_english_words(leaflets):
    results = search_medications("vacinations", "en")
    assert results.corrected_query == "vaccinations"
    assert results.hits[0].url == url_in("en", leaflets, "vaccinatie")
    assert vocabulary("nl").correct("vacinations") != "vaccinations"


def test_brand_and_english_names_lead_to_the_english_page(leaflets):
    for name in ["Testo", "Testmedicine", "testo mitis"]:
        assert search_medications(name, "en").redirect_url == url_in("en", leaflets), name
    misspelled = search_medications("tesmedicine", "en")
    assert misspelled.corrected_query == "Testmedicine"
    assert misspelled.hits[0].url.startswith(url_in("en", leaflets))


def test_the_english_glossary_answers_english_questions(leaflets):
    glossary = search_medications("what is the immune system", "en").glossary
    assert [hit.title for hit in glossary] == ["Immune system"]
    assert "germs" in glossary[0].text
    assert not search_medications("wat is het afweersysteem", "en").glossary
    assert "Immune system" in [suggestion["label"] for suggestion in suggest("immun", "en")]
    assert not suggest("afweer", "en")


def test_english_results_offer_english_examples(leaflets):
    results = search_medications("qqxyzzy", "en")
    assert not results.found
    assert "flu jab" in results.example_queries


# --- Any other language ------------------------------------------------------------------


def test_a_language_without_its_own_rules_gets_its_snowball_stemmer():
    turkish = rules("tr")
    assert turkish.stemmer == "tr" and not turkish.stop_words
    assert analysis.index_terms("ilaçlar", "tr") == "ilac ilaclar"
    assert rules("xx").stemmer is None
    assert analysis.index_terms("Some words", "xx") == "some words"


def test_a_language_in_another_script_keeps_its_letters():
    assert analysis.words("Ліки та вагітність", "uk") == ["ліки", "та", "вагітність"]
    assert analysis.words("الأدوية والحمل", "ar") == ["الادوية", "والحمل"]
    assert analysis.words("Ліки та вагітність", "nl") == []  # Dutch folds to ASCII

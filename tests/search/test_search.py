"""Search as a patient uses it: deep links with highlights, names, typos, the glossary, broad
questions, any input at all, and an index that follows every change. Runs on SQLite and on
PostgreSQL (DATABASE_URL); the gold set checks the ranking on the real leaflets."""

import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from medications.content import load_content
from medications.models import GlossaryTerm, Medication, Member, Section
from search import analysis
from search.models import SearchEntry
from search.query import MAX_QUERY_LENGTH, search_medications
from search.vocabulary import vocabulary
from tests.conftest import CORE_SECTIONS, leaflet_text
from tests.helpers import write
from tests.search import gold as search_gold

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def page(client, query, **params):
    response = client.get("/zoeken/", {"q": query, **params})
    assert response.status_code == 200, query
    return response.content.decode()


def result_links(html):
    return re.findall(r'<a class="result-title" href="([^"]+)"', html)


# --- What a patient sees -------------------------------------------------------------------


def test_a_question_links_to_the_section_with_the_words_marked(client):
    html = page(client, "zwanger infliximab")
    assert result_links(html)[0] == "/medicijnen/infliximab/#zwangerschap"
    assert "Mag u <mark>infliximab</mark> gebruiken als u <mark>zwanger</mark> wilt" in html
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html, re.S).group(1)
    assert "<mark>" in snippet
    assert not re.search(r"<(?!/?mark>)", snippet), "only our own <mark> tags in a snippet"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bijwerkingen azathioprine", "/medicijnen/azathioprine/#bijwerkingen"),
        ("kineret koelkast", "/medicijnen/anakinra/#bewaren"),
        ("op reis met remicade", "/medicijnen/infliximab/#reizen"),
        ("mag ik met xeljanz naar de tandarts", "/medicijnen/jak-remmers/#operaties"),
    ],
)
def test_questions_about_a_medication_find_the_right_section(client, query, expected):
    assert result_links(page(client, query))[0] == expected


def test_every_brand_and_name_goes_straight_to_its_page(client):
    medications = list(Medication.objects.published().prefetch_related("members"))
    assert medications
    for medication in medications:
        names = [medication.name, *medication.brand_name_list]
        names += [brand for member in medication.members.all() for brand in member.brand_name_list]
        for name in names:
            response = client.get("/zoeken/", {"q": name})
            assert response.status_code == 302, name
            assert response["Location"] == medication.get_absolute_url(), name


def test_a_misspelled_name_is_corrected_and_its_results_shown(client):
    html = page(client, "bijwerkingen azatioprine")
    assert "Bedoelde u:" in html
    assert "<strong>bijwerkingen Azathioprine</strong>" in html
    assert result_links(html)[0] == "/medicijnen/azathioprine/#bijwerkingen"
    # The patient can still search for exactly what they typed.
    assert "letterlijk=1" in html
    exact = page(client, "bijwerkingen azatioprine", letterlijk="1")
    assert "Bedoelde u:" not in exact


def test_known_and_short_words_are_never_corrected():
    assert not search_medications("bijwerkingen").corrected_query
    assert not search_medications("mtx").corrected_query  # under 4 letters
    assert not search_medications("prikken").corrected_query


def test_glossary_terms_show_their_explanation(client):
    html = page(client, "wat is een biosimilar")
    assert "Uit de woordenlijst" in html
    assert 'href="/woordenlijst/#biosimilar"' in html
    explanation = search_medications("biosimilar").glossary[0].text
    assert explanation.split()[0] in html


def test_a_broad_question_shows_each_medication_once_with_its_matching_section(client):
    html = page(client, "bijwerkingen")
    published = Medication.objects.published()
    groups = re.findall(r'<li class="result-group">\s*<h3><a href="([^"]+)"', html)
    assert sorted(groups) == sorted(m.get_absolute_url() for m in published)
    firsts = re.findall(
        r'<ul class="results">\s*<li class="result">\s*<a [^>]*href="([^"]+)"', html
    )
    assert all(link.endswith("#bijwerkingen") for link in firsts), firsts
    assert "U zocht zonder naam van een medicijn" in html


def test_lay_words_find_the_words_of_the_leaflets(client):
    html = page(client, "griepprik")
    assert all(link.endswith("#vaccinatie") for link in result_links(html)[:3])
    assert "#operaties" in result_links(page(client, "tandarts"))[0]


def test_no_results_is_a_helpful_page(client):
    html = page(client, "qqxyzzy")
    assert "Niets gevonden voor" in html
    assert 'href="/#medicijnen"' in html
    assert 'href="/woordenlijst/"' in html
    assert "Probeer een voorbeeld" in html
    assert html.count("<h1") == 1


def test_no_results_suggests_names_that_look_alike(client):
    html = page(client, "imurranmitis")
    assert "Zocht u misschien" in html or result_links(html)


def test_the_search_box_is_on_every_page_and_needs_no_javascript(client):
    urls = ["/woordenlijst/", "/medicijnen/azathioprine/", "/zoeken/?q=x"]
    for url in urls:
        html = client.get(url).content.decode()
        form = re.search(r'<form class="search-form" role="search" action="/zoeken/"[^>]*>', html)
        assert form and 'method="get"' in form.group(), url
        assert re.search(r'<label for="[^"]+">', html), url


def test_results_page_headings_are_in_order(client):
    for query in ["bijwerkingen", "wat is een biosimilar", "qqxyzzy", "zwanger infliximab"]:
        levels = [int(level) for level in re.findall(r"<h([1-6])", page(client, query))]
        assert levels[0] == 1 and levels.count(1) == 1, query
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), query


def test_suggestions_while_typing_are_names_with_links(client):
    response = client.get("/zoeken/suggesties/", {"q": "imu"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert {"label": "Imuran", "url": "/medicijnen/azathioprine/", "note": "Azathioprine"} in (
        suggestions
    )
    assert client.get("/zoeken/suggesties/", {"q": "i"}).json() == {"suggestions": []}


# --- Any input is safe ---------------------------------------------------------------------

BAD_INPUTS = [
    '"',
    '"bijwerkingen',
    "*",
    "bijwerk*",
    "NEAR(",
    "NEAR(bijwerkingen zwanger, 2)",
    "AND",
    "bijwerkingen AND OR NOT zwanger",
    "-",
    "-bijwerkingen",
    ":",
    "name_terms: imuran",
    "{name_terms body_terms}: x",
    "!zwanger & | ( )",
    "zwanger:*",
    "'; DROP TABLE medications_medication; --",
    "%_\\",
    "\x00",
    "bijwerk\x00ingen",
    "🙂💊",
    "zwanger 🤰 infliximab",
    "",
    "    ",
    "a" * 10_000,
    "zwanger " * 2_000,
    "é" * 300,
    "\u202e\u200bimuran",
]


@pytest.mark.parametrize("query", BAD_INPUTS, ids=range(len(BAD_INPUTS)))
def test_any_input_gives_a_normal_page(client, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        html = response.content.decode()
        assert "<h1>Zoeken</h1>" in html
        value = re.search(r'name="q" value="([^"]*)"', html).group(1)
        assert len(value) <= MAX_QUERY_LENGTH * 6  # escaped, but truncated
    suggestions = client.get("/zoeken/suggesties/", {"q": query})
    assert suggestions.status_code == 200
    assert isinstance(suggestions.json()["suggestions"], list)


def test_a_long_query_is_cut_to_the_maximum_length():
    results = search_medications("bijwerkingen " + "x" * 10_000)
    assert len(results.query) == MAX_QUERY_LENGTH
    assert results.hits


def test_fts_syntax_is_treated_as_words():
    assert search_medications('"bijwerkingen" AND NEAR(azathioprine)').hits[0].url == (
        "/medicijnen/azathioprine/#bijwerkingen"
    )


def test_snippets_escape_the_text_and_add_only_marks(content_dir, client):
    sections = CORE_SECTIONS.replace(
        "Overleg met uw arts.",
        "Schrijf nooit `<script>alert('zwanger')</script>` & overleg over zwangerschap.",
    )
    load_content(content_dir({"t.md": leaflet_text(sections=sections)}))
    html = page(client, "zwanger testmiddel")
    assert "<script>alert" not in html
    snippet = re.search(r'<p class="snippet">(.*?)</p>', html, re.S).group(1)
    assert "&lt;script&gt;alert(&#x27;<mark>zwanger</mark>&#x27;)&lt;/script&gt;" in snippet
    assert "&amp; overleg" in snippet


# --- Text analysis -------------------------------------------------------------------------


def test_analysis_lowercases_strips_diacritics_stems_and_drops_stop_words():
    terms = analysis.index_terms("Mag ik Corticosteroïden gebruiken bij BIJWERKINGEN?").split()
    assert "mag" not in terms and "ik" not in terms and "bij" not in terms
    assert "bijwerk" in terms  # the stem
    assert "bijwerkingen" in terms  # and the word, because the stem differs
    assert all(term.isascii() for term in terms)


def test_an_over_stripped_stem_is_still_found_by_its_prefix(content_dir):
    # Snowball stems 'zwangerschap' to 'zwanrschap', so 'zwanger' only matches as a prefix.
    assert analysis.stem("zwangerschap") == "zwanrschap"
    sections = CORE_SECTIONS.replace("Overleg met uw arts.", "Over de zwangerschapsduur.")
    load_content(content_dir({"t.md": leaflet_text(sections=sections)}))
    hits = search_medications("zwanger").hits
    assert hits and hits[0].url == "/medicijnen/testmiddel/#zwangerschap"


def test_question_words_point_to_section_kinds():
    assert "zwangerschap" in analysis.detect_kinds(["mag", "ik", "zwanger", "worden"])
    assert "operaties" in analysis.detect_kinds(["tandarts"])
    assert "bijwerkingen" not in analysis.detect_kinds(["moet"])  # 'moe' is a whole word


# --- The index follows the content --------------------------------------------------------


def written(model, fields, language):
    """Rows of `model` with their own text in `language` in every one of `fields`."""
    rows = model.objects.all()
    for field in fields:
        rows = rows.exclude(**{f"{field}_{language}": ""}).exclude(**{f"{field}_{language}": None})
    return rows.count()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_index_has_a_row_per_section_and_term_in_each_language_it_is_written_in(language):
    rows = SearchEntry.objects.filter(language=language)
    sections = written(Section, ["heading", "body_html"], language)
    terms = written(GlossaryTerm, ["term", "explanation_html"], language)
    assert rows.exclude(section=None).count() == sections
    assert rows.exclude(glossary_term=None).count() == terms
    if language == "nl":
        assert sections == Section.objects.count() and terms == GlossaryTerm.objects.count()


def test_load_content_rebuilds_the_index(content_dir):
    SearchEntry.objects.all().delete()
    load_content(content_dir({"t.md": leaflet_text()}))
    slugs = SearchEntry.objects.exclude(medication=None).values_list("medication__slug", flat=True)
    assert "testmiddel" in set(slugs)
    assert search_medications("testo").redirect_url == "/medicijnen/testmiddel/"


def test_saving_and_deleting_a_section_updates_the_index():
    medication = Medication.objects.get(slug="azathioprine")
    assert not search_medications("azathioprine sokkenla").hits[0].url.endswith("#bewaren")
    section = Section(
        medication=medication,
        kind="bewaren",
        heading="Hoe bewaart u azathioprine?",
        body_markdown="Bewaar de tabletten in de sokkenla, droog en donker.",
    )
    write(section)  # a live copy's section, as a script writes it
    hit = search_medications("azathioprine sokkenla").hits[0]
    assert hit.url == "/medicijnen/azathioprine/#bewaren"
    assert "<mark>sokkenla</mark>" in hit.snippet_html

    write(section, delete=True)
    assert all(h.kind != "bewaren" for h in search_medications("azathioprine sokkenla").hits)


def test_a_new_brand_name_is_found_at_once():
    medication = Medication.objects.get(slug="anakinra")
    medication.brand_names = "Kineret, Anakinox"
    write(medication)
    assert search_medications("Anakinox").redirect_url == "/medicijnen/anakinra/"
    assert search_medications("anakinox bijwerkingen").hits[0].url.endswith("#bijwerkingen")


def test_a_new_member_brand_is_found_at_once():
    medication = Medication.objects.get(slug="jak-remmers")
    write(Member(medication=medication, substance="peficitinib", brand_names="Smyraf", position=9))
    assert search_medications("Smyraf").redirect_url == "/medicijnen/jak-remmers/"


def test_an_unpublished_medication_is_not_found():
    broad = "infuus bijwerkingen"  # names no medication: searched in the full-text index
    assert "infliximab" in {hit.medication.slug for hit in search_medications(broad).hits}
    Medication.objects.filter(slug="infliximab").update(is_published=False)
    assert "infliximab" not in {hit.medication.slug for hit in search_medications(broad).hits}
    results = search_medications("zwanger infliximab")
    assert not results.redirect_url
    assert all(hit.medication.slug != "infliximab" for hit in results.hits)
    assert not search_medications("Remicade").redirect_url


def test_a_glossary_term_saved_in_the_admin_is_searchable(admin_client):
    response = admin_client.post(
        "/beheer/medications/glossaryterm/add/",
        {
            "term_nl": "Zonnebrandcrème",
            "term_en": "",
            "slug": "zonnebrandcreme",
            "variants_nl": "zonnebrand",
            "variants_en": "",
            "explanation_markdown_nl": "Crème die uw huid tegen de zon beschermt.",
            "explanation_markdown_en": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    glossary = search_medications("wat is zonnebrand").glossary
    assert [hit.term.slug for hit in glossary] == ["zonnebrandcreme"]


def test_typo_correction_learns_new_words():
    medication = Medication.objects.get(slug="anakinra")
    medication.brand_names = "Kineret, Anakinox"
    write(medication)
    assert vocabulary("nl").correct("anakinoks") == "anakinox"


# --- The gold set -------------------------------------------------------------------------


# The Dutch figures may not fall below what they were before English search came (top-1
# 97.5 %, top-3 100 %, 121 questions); the English set's floor is set just under its own.
GOLD_FLOORS = {"nl": (0.97, 1.0), "en": (0.90, 0.97)}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_gold_set_ranking(capsys, language):
    outcomes = search_gold.evaluate(search_gold.gold_set(language), language)
    figures = search_gold.figures(outcomes)
    with capsys.disabled():
        print(
            f"\n[{connection.vendor}] gold set {language}, {figures['queries']} queries: "
            f"top-1 {figures['top1']:.1%}, top-3 {figures['top3']:.1%}"
        )
    misses = [(o.gold.query, o.top3) for o in outcomes if not o.top3_correct]
    top1_floor, top3_floor = GOLD_FLOORS[language]
    assert figures["queries"] >= 60
    assert figures["top1"] >= top1_floor, misses
    assert figures["top3"] >= top3_floor, misses


def single_letter_misspellings(name):
    word = name.lower()
    letters = string.ascii_lowercase
    typos = {word[:i] + word[i + 1 :] for i in range(len(word))}
    typos |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    typos |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in letters}
    typos |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}
    typos.discard(word)
    return sorted(typos)


def names_to_misspell():
    for medication in Medication.objects.published():
        for name in [medication.name, *medication.brand_name_list]:
            yield medication, name


def leads_to(medication, query):
    results = search_medications(query)
    first = results.redirect_url or (results.hits[0].url if results.hits else "")
    return first.startswith(medication.get_absolute_url())


def test_every_single_letter_misspelling_of_a_name_resolves():
    """All deletions, swaps, substitutions and insertions (a-z) of every medication name and
    brand name. Most are recognised as the name after typo correction, which alone sends the
    search to that medication; the others must get there through the whole search."""
    known = vocabulary("nl")
    checked, failures = 0, []
    for medication, name in names_to_misspell():
        for typo in single_letter_misspellings(name):
            checked += 1
            words = [known.correct(w) or w for w in analysis.words(typo)]
            found = set().union(*(match.targets for match in known.find_medications(words)))
            if found != {medication.pk} and not leads_to(medication, typo):
                failures.append((name, typo))
    assert checked > 5_000
    assert not failures, failures[:20]


def test_misspelled_names_lead_to_the_medication_through_the_whole_search():
    """Deletions and swaps of every name and brand, each through the whole search."""
    for medication, name in names_to_misspell():
        word = name.lower()
        typos = {word[:i] + word[i + 1 :] for i in range(len(word))}
        typos |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
        for typo in sorted(typos - {word}):
            assert leads_to(medication, typo), typo


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="runs with the PostgreSQL suite; compares with a fresh SQLite database",
)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_sqlite_and_postgresql_agree_on_questions_naming_a_medication(tmp_path, language):
    postgresql = search_gold.as_json(search_gold.evaluate(search_gold.gold_set(language), language))
    out = tmp_path / "sqlite.json"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'gold.sqlite3'}"}
    subprocess.run(
        [sys.executable, "-m", "tests.search.gold", "--language", language, "--json", str(out)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    sqlite = json.loads(out.read_text(encoding="utf-8"))
    share, different = search_gold.agreement(postgresql, sqlite)
    print(f"\nSQLite and PostgreSQL agree on the top 3 ({language}) for {share:.1%}", different)
    assert share >= 0.95, different

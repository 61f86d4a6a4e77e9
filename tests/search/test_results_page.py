"""The results page as a patient reads it: snippets of whole phrases, how many were found,
corrections and suggestions spelled right, and search landmarks with their own names."""

import re
import textwrap

import pytest
from django.utils.html import strip_tags

from medications.content import load_content
from search.query import search_medications
from search.readable import readable_text
from search.snippets import one_line
from tests.conftest import CORE_SECTIONS, leaflet_text
from tests.search.gold import GOLD

pytestmark = pytest.mark.django_db

# A full stop inside a sentence: ". " and then a small letter (a web address after a stop is
# the address itself, as the leaflet writes it).
STRAY_STOP = re.compile(r"\. (?!https?://)[a-zà-ÿ]")
SEARCH_LANDMARK = re.compile(r'<form class="search-form" role="search"[^>]*aria-label="([^"]+)"')


def search_page(client, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200, query
    return response.content.decode()


def test_no_gold_set_snippet_has_a_full_stop_inside_a_sentence():
    snippets = 0
    for gold in GOLD:
        for hit in search_medications(gold.query).hits:
            text = strip_tags(str(hit.snippet_html))
            assert not STRAY_STOP.search(text), (gold.query, text)
            snippets += 1
    assert snippets > 100


def test_a_line_break_inside_a_paragraph_is_a_space():
    html = "<p>Dat geldt voor\nmannen en\nvrouwen.</p><ul><li>koorts</li><li>hoesten</li></ul>"

    assert readable_text(html) == "Dat geldt voor mannen en vrouwen.\nkoorts\nhoesten"
    assert one_line(readable_text(html)) == "Dat geldt voor mannen en vrouwen; koorts; hoesten."
    assert readable_text("<pre>a\nb</pre>") == "a\nb"


def test_a_list_reads_as_one_phrase_and_a_subheading_still_ends():
    text = "U mag het niet gebruiken:\nals u een infectie heeft\nals u zwanger bent.\nInfecties"

    assert one_line(text) == (
        "U mag het niet gebruiken: als u een infectie heeft; als u zwanger bent. Infecties."
    )


def test_a_snippet_from_a_paragraph_written_over_several_lines(content_dir, client):
    sections = CORE_SECTIONS.replace(
        "Overleg met uw arts.",
        textwrap.dedent(
            """\
            Testmiddel kan schadelijk zijn voor een ongeboren kind. Dat geldt voor
            mannen en voor vrouwen met een kinderwens.
            """
        ),
    )
    load_content(content_dir({"testmiddel.md": leaflet_text(sections=sections)}))

    html = search_page(client, "testmiddel kinderwens")

    snippet = re.search(r'<p class="snippet">(.*?)</p>', html, re.S).group(1)
    assert "Dat geldt voor mannen en voor vrouwen met een" in strip_tags(snippet)


def test_the_page_says_how_many_medicines_were_found(client):
    html = search_page(client, "bijwerkingen")
    groups = len(re.findall(r'<li class="result-group">', html))

    assert f"{groups} medicijnen gevonden." in strip_tags(html)
    assert "1 medicijn gevonden." in strip_tags(search_page(client, "bijwerkingen imuran"))


def test_a_correction_is_the_glossary_spelling_not_a_listed_misspelling(client):
    # The woordenlijst lists 'immunosuppresiva' as a form patients may type: it is found,
    # but never offered as the right spelling.
    assert not search_medications("immunosuppresiva").corrected_query
    assert search_medications("immunosupresiva").corrected_query == "immunosuppressiva"
    html = search_page(client, "imunosupresiva")
    assert "immunosuppresiva<" not in html


def test_suggestions_name_each_medicine_once_as_its_page_does(client):
    suggestions = search_medications("xyzimmuno").suggestions

    assert suggestions
    assert len(suggestions) == len(set(suggestions))
    assert "Immunoglobulinen" in suggestions
    assert "intraveneuze Immunoglobulinen" not in suggestions


def test_every_search_landmark_has_its_own_name(client):
    for url in ["/", "/zoeken/?q=bijwerkingen", "/medicijnen/azathioprine/", "/woordenlijst/"]:
        html = client.get(url).content.decode()
        names = re.findall(
            r'<form class="search-form" role="search"[^>]*aria-label="([^"]+)"', html
        )
        assert names and len(names) == len(set(names)), url
    page = client.get("/bestaat-niet/").content.decode()
    names = SEARCH_LANDMARK.findall(page)
    assert len(names) == 2 and len(set(names)) == 2

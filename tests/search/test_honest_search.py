"""Search says what it has: a question whose words are in no leaflet is told so first, the
sections nearest to it are labelled as not containing them, and the count counts only the
sections that contain a word of the question (after stemming, synonyms and typo correction)."""

import re

import pytest
from django.utils.html import strip_tags

from search.models import SearchEntry
from search.query import search_medications

pytestmark = pytest.mark.django_db

COUNT = re.compile(r'<p class="result-count"[^>]*>(.*?)</p>', re.S)


def page(client, query):
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200, query
    return response.content.decode()


def visible(html):
    """The page's main text as a patient reads it, spaces folded."""
    main = re.search(r"<main.*?</main>", html, re.S).group()
    return " ".join(strip_tags(main).replace("&lsquo;", "‘").replace("&rsquo;", "’").split())


def sections_containing(*stems):
    """Medications (slugs) with a Dutch section whose text holds a word starting with one of
    `stems`: worked out from the index, not from the search code under test."""
    rows = SearchEntry.objects.filter(language="nl", medication__isnull=False)
    return {
        slug
        for slug, text in rows.values_list("medication__slug", "text")
        if any(re.search(rf"\b{stem}", text, re.I) for stem in stems)
    }


NO_HAIR = ("haaruitval", "haarverlies", "kaal")


def test_a_word_in_no_leaflet_is_said_first_and_counts_nothing(client):
    assert not sections_containing(*NO_HAIR), "the test assumes no leaflet mentions it"
    query = "haaruitval"  # a side-effect word: the nearest are side-effect sections

    results = search_medications(query)
    text = visible(page(client, query))

    assert results.medication_count == 0
    assert results.absent_words == [query]
    assert "medicijnen gevonden" not in text and "medicijn gevonden" not in text
    said = text.index(f"‘{query}’ staat in geen van de folders.")
    nearest = text.index("Wat er het dichtst bij komt")
    assert said < nearest
    assert "In deze onderdelen staat niet wat u zocht." in text
    # Each section offered says it does not contain the word, and nothing is marked in it.
    assert text.count("Uw zoekwoord staat niet in dit onderdeel.") == len(results.hits) > 0
    assert "<mark>" not in page(client, query)
    # No "put the medicine's name with it" hint: that would only find the same nothing.
    assert "Zet de naam erbij" not in text


def test_a_word_in_no_leaflet_and_of_no_known_subject_finds_nothing(client):
    assert not sections_containing(*NO_HAIR)
    text = visible(page(client, "haarverlies"))

    assert "Niets gevonden voor ‘haarverlies’" in text
    assert "gevonden." not in text


def test_naming_a_medication_says_which_leaflet_lacks_the_word(client):
    text = visible(page(client, "haaruitval imuran"))

    assert "‘haaruitval’ staat niet in de folder over Azathioprine." in text
    assert "gevonden." not in text
    assert "Uw zoekwoord staat niet in dit onderdeel." in text


def test_moe_finds_only_the_leaflets_that_name_tiredness(client):
    # The leaflets write 'vermoeid' or 'vermoeidheid', never 'moe': that is the synonym.
    expected = sections_containing("vermoeid")
    assert expected, "the test assumes a leaflet names tiredness"

    for query in ["moe", "moeheid"]:
        results = search_medications(query)
        found = {group.medication.slug for group in results.groups}
        assert found == expected, query
        assert results.medication_count == len(expected)
        assert all(hit.matched for hit in results.hits)
        html = page(client, query)
        assert "staat in geen van de folders" not in html
        assert f"{len(expected)} medicijn" in visible(html)
        assert "<mark>vermoeid" in html.lower()


@pytest.mark.parametrize(
    ("query", "stems", "kind"),
    [("griepprik", ["griep"], "vaccinatie"), ("misselijk", ["misselijk"], "bijwerkingen")],
)
def test_a_real_word_finds_its_sections_and_counts_them(client, query, stems, kind):
    expected = sections_containing(*stems)
    results = search_medications(query)

    assert not results.absent_words
    assert {group.medication.slug for group in results.groups} == expected
    assert results.medication_count == len(expected)
    assert results.hits[0].kind == kind
    text = visible(page(client, query))
    count = strip_tags(COUNT.search(page(client, query)).group(1))
    noun = "medicijn" if len(expected) == 1 else "medicijnen"
    assert count == f"{len(expected)} {noun} gevonden."
    assert "staat in geen van de folders" not in text
    assert "staat niet in dit onderdeel" not in text


def test_a_section_with_the_words_comes_before_one_only_of_the_kind_asked_about():
    # 'hoe lang duurt' asks when it works; 'infuus' is in the dosing section.
    hits = search_medications("hoe lang duurt een infuus met infliximab").hits

    assert hits[0].matched and hits[0].kind == "dosering"
    assert [hit.matched for hit in hits] == sorted((hit.matched for hit in hits), reverse=True)


def test_the_count_is_the_number_of_medications_shown_with_a_matching_section(client):
    for query in ["bijwerkingen", "zwanger worden", "tandarts", "bijwerkingen imuran"]:
        results = search_medications(query)
        matching = {hit.candidate.medication_id for hit in results.hits if hit.matched}
        assert results.medication_count == len(matching) + results.more_medications, query


def test_suggestions_while_typing_offer_no_answer_the_leaflets_do_not_have(client):
    for query in ["haaruitval", "moe"]:
        response = client.get("/zoeken/suggesties/", {"q": query})
        assert response.json() == {"suggestions": []}, query
    assert client.get("/zoeken/suggesties/", {"q": "imuran"}).json()["suggestions"]

"""Glossary terms explained where they appear: which words get an explanation, what the markup
looks like and stays safe, and how leaflets, the glossary page and the admin keep up."""

import re
import textwrap
from dataclasses import dataclass

import pytest
from django.utils.text import slugify

from medications import publishing
from medications.content import load_content
from medications.html import Explanation, page_html
from medications.html import term_slugs as term_slugs_in
from medications.models import GlossaryTerm, Medication, Section
from medications.publishing.glossary_links import GlossaryLinker, Term
from medications.publishing.rendering import render_markdown
from tests.conftest import CORE_SECTIONS, GLOSSARY, leaflet_text
from tests.helpers import admin_form_data, write


@dataclass(frozen=True)
class ExplainedTerm(Term):
    """A term with its explanation: the linker reads slug, term and forms; the page the rest."""

    explanation: str = "Uitleg."


def term(name, *variants, explanation="Uitleg."):
    return ExplainedTerm(
        slug=slugify(name), term=name, forms=(name, *variants), explanation=explanation
    )


LINKER = GlossaryLinker(
    [
        term("Antistof", "antistoffen", "afweerstof"),
        term("Biological", "biologicals", "biologische medicijnen"),
        term("Auto-immuun"),
        term("Auto-immuunziekte", "auto-immuunziekten"),
        term("Immuniteit"),
        term("Reumatoïde artritis", "RA"),
        term("TNF-alfa"),
        term("Reumatische aandoening", "reumatische ziekte"),
    ]
)


AFWEER = term("Antistof", "afweerstoffen")


def stored(text, linker=LINKER, prefix="werking"):
    """What the write path stores: sanitised HTML with the terms marked, nothing more."""
    return render_markdown(textwrap.dedent(text), id_prefix=prefix, glossary=linker)


def render(text, linker=LINKER, prefix="werking"):
    """As the page shows it (medications.html)."""
    explanations = {
        t.slug: Explanation(t.slug, t.term, t.explanation) for t in linker.terms.values()
    }
    return page_html(stored(text, linker, prefix), explanations, prefix)


def linked_words(html):
    """(slug, word as written) for every explained word, in order."""
    return re.findall(
        r'<span class="term" data-term="([\w-]+)"><button[^>]*>([^<]*)</button>', html
    )


# --- Which words are explained -------------------------------------------------------------


def test_only_the_first_occurrence_in_a_section_is_explained():
    html = render("Antistoffen maken. Een antistof herkent. Meer antistoffen.\n")

    assert linked_words(html) == [("antistof", "Antistoffen")]
    assert html.count("Meer in de woordenlijst") == 1
    assert "Een antistof herkent. Meer antistoffen." in html


def test_every_section_explains_its_own_first_occurrence():
    first = render("Antistoffen.\n", prefix="werking")
    second = render("Antistoffen.\n", prefix="bijwerkingen")

    assert linked_words(first) == linked_words(second) == [("antistof", "Antistoffen")]
    assert 'id="uitleg-werking-antistof"' in first
    assert 'id="uitleg-bijwerkingen-antistof"' in second


def test_variants_and_inflections_in_any_case_are_explained():
    html = render(
        """\
        Uw lichaam maakt antistoffen.

        Biologicals remmen de ontsteking bij een auto-immuunziekte.
        """
    )

    assert linked_words(html) == [
        ("antistof", "antistoffen"),
        ("biological", "Biologicals"),
        ("auto-immuunziekte", "auto-immuunziekte"),
    ]


def test_the_longest_match_wins():
    html = render("Bij een auto-immuunziekte is de afweer auto-immuun gericht.\n")

    assert linked_words(html) == [
        ("auto-immuunziekte", "auto-immuunziekte"),
        ("auto-immuun", "auto-immuun"),
    ]


def test_words_spread_over_two_lines_are_found():
    html = render("Bij een reumatische\nziekte helpt het.\n")

    assert linked_words(html) == [("reumatische-aandoening", "reumatische\nziekte")]


def test_abbreviations_keep_their_capitals_and_accents_are_optional():
    html = render("Bij RA en bij ra. Reumatoide artritis zonder trema.\n")

    assert linked_words(html) == [("reumatoide-artritis", "RA")]
    only_accents = render("Reumatoide artritis zonder trema.\n")
    assert linked_words(only_accents) == [("reumatoide-artritis", "Reumatoide artritis")]


def test_whole_words_and_first_parts_only():
    html = render("Een TNF-alfa-remmer bij auto-immuniteit, en antistofje of oerantistof.\n")

    assert linked_words(html) == [("tnf-alfa", "TNF-alfa")]


def test_no_term_inside_headings_links_code_or_other_terms():
    html = render(
        """\
        ### Wat zijn antistoffen?

        Lees [over antistoffen](https://example.org/antistoffen) of `antistof` in code.

        Hier staan de antistoffen.
        """
    )

    assert '<h3 id="werking-wat-zijn-antistoffen">Wat zijn antistoffen?</h3>' in html
    assert (
        '<a href="https://example.org/antistoffen" rel="noopener noreferrer">over antistoffen</a>'
        in html
    )
    assert "<code>antistof</code>" in html
    assert linked_words(html) == [("antistof", "antistoffen")]
    assert html.index('data-term="antistof"') > html.index("Hier staan de")


def test_an_explanation_never_contains_another_explained_term():
    linker = GlossaryLinker(
        [
            term("Antistof", "antistoffen", explanation="Een eiwit van het afweersysteem."),
            term("Afweersysteem", explanation="Wat u beschermt tegen antistoffen."),
        ]
    )
    html = render("Antistoffen en het afweersysteem.\n", linker=linker)

    assert linked_words(html) == [("antistof", "Antistoffen"), ("afweersysteem", "afweersysteem")]
    tip = re.search(r'<span class="term-tip"[^>]*>(.*?)</span></span>', html).group(1)
    assert "<button" not in tip


# --- What the markup is, and that it stays safe ---------------------------------------------


def test_what_is_stored_is_the_meaning_only():
    html = stored("Uw lichaam maakt antistoffen aan.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")

    assert html.startswith('<p>Uw lichaam maakt <dfn data-term="antistof">antistoffen</dfn> aan.')
    assert "<table>" in html and '<th scope="col">a</th>' in html
    for presentation in ("button", "popover", "tabindex", "table-scroll", "woordenlijst", "zie"):
        assert presentation not in html


def test_markup_is_a_popover_button_with_a_link_to_the_glossary():
    html = render("Uw lichaam maakt antistoffen aan.\n")

    assert html == (
        "<p>Uw lichaam maakt "
        '<span class="term" data-term="antistof">'
        '<button type="button" class="term-button" popovertarget="uitleg-werking-antistof">'
        "antistoffen</button>"
        '<span class="term-tip" id="uitleg-werking-antistof" popover>'
        '<span class="term-tip-title">antistoffen</span> '
        '<span class="term-tip-see">(zie Antistof)</span>: Uitleg. '
        '<a href="/woordenlijst/#antistof">Meer in de woordenlijst</a>'
        "</span></span> aan.</p>"
    )


def test_the_explanation_names_the_word_as_used_and_its_term_when_they_differ():
    same = render("Een antistof herkent een bacterie.\n")
    other = render("Uw lichaam maakt afweerstoffen.\n", linker=GlossaryLinker([AFWEER]))

    assert '<span class="term-tip-title">Antistof:</span> Uitleg. ' in same
    assert "term-tip-see" not in same
    assert (
        '<span class="term-tip-title">afweerstoffen</span> '
        '<span class="term-tip-see">(zie Antistof)</span>: Uitleg. '
    ) in other


def test_escaping_is_kept_around_and_inside_the_markup():
    linker = GlossaryLinker(
        [term("Antistof", "antistoffen", explanation='Een "eiwit" <b>&</b> meer.')]
    )
    html = render(
        """\
        Antistoffen &amp; 1 < 2 & <script>alert(1)</script> <b onclick="x()">vet</b> &lt;i&gt;
        """,
        linker=linker,
    )

    assert "Een &quot;eiwit&quot;" not in html  # text content needs no quote escaping
    assert 'Een "eiwit" &lt;b&gt;&amp;&lt;/b&gt; meer.' in html
    assert "&amp; 1 &lt; 2 &amp;" in html
    assert "&lt;i&gt;" in html
    assert "<script" not in html and "onclick" not in html
    assert "&amp;amp;" not in html


def test_editor_content_cannot_pretend_to_be_a_term():
    html = stored(
        """\
        <span class="term" data-term="antistof"><button popovertarget="x">nep</button></span>
        <span class="term-tip" id="x" popover onmouseover="x()">nep</span>
        <dfn data-term="antistof">nep</dfn>
        """,
        linker=GlossaryLinker([]),
    )

    assert term_slugs_in(html) == []
    assert "popover" not in html and "<button" not in html and "data-term" not in html


# --- Leaflets, the glossary page and the admin keep up ---------------------------------------

SECTIONS_WITH_TERMS = (
    textwrap.dedent(
        """\
        ## Wat is testmiddel? {#werking}

        Testmiddel remt uw immuunsysteem. Het afweersysteem wordt rustiger.

        """
    )
    + CORE_SECTIONS
)


@pytest.fixture
def leaflet_with_terms(content_dir):
    root = content_dir({"testmiddel.md": leaflet_text(sections=SECTIONS_WITH_TERMS)})
    load_content(root)
    return root


@pytest.mark.django_db
def test_loading_marks_up_terms_and_records_them(leaflet_with_terms, client):
    medication = Medication.objects.get(slug="testmiddel")
    werking = medication.sections.get(kind="werking")

    assert term_slugs_in(werking.body_html) == ["afweersysteem"]
    assert [t.slug for t in medication.glossary_terms.all()] == ["afweersysteem"]
    page = client.get(medication.get_absolute_url()).content.decode()
    assert 'popovertarget="uitleg-werking-afweersysteem"' in page
    assert 'id="uitleg-werking-afweersysteem"' in page
    assert '<a href="/woordenlijst/#afweersysteem">Meer in de woordenlijst</a>' in page


@pytest.mark.django_db
def test_a_changed_glossary_relinks_unchanged_leaflets(leaflet_with_terms, content_dir):
    werking = Section.objects.get(medication__slug="testmiddel", kind="werking")
    markdown_before = werking.body_markdown
    glossary = GLOSSARY + "\n## Testmiddel\n\nEen medicijn dat alleen in tests bestaat.\n"

    report = load_content(
        content_dir(
            {"testmiddel.md": leaflet_text(sections=SECTIONS_WITH_TERMS)}, glossary=glossary
        )
    )

    assert report.unchanged == ["testmiddel"]
    werking.refresh_from_db()
    assert werking.body_markdown == markdown_before
    assert term_slugs_in(werking.body_html) == ["testmiddel", "afweersysteem"]
    medication = Medication.objects.get(slug="testmiddel")
    assert {t.slug for t in medication.glossary_terms.all()} == {"testmiddel", "afweersysteem"}

    without = GLOSSARY.replace("## Afweersysteem\nOok: immuunsysteem\n", "## Afweer\n")
    load_content(
        content_dir({"testmiddel.md": leaflet_text(sections=SECTIONS_WITH_TERMS)}, glossary=without)
    )
    werking.refresh_from_db()
    assert term_slugs_in(werking.body_html) == []
    assert 'href="/woordenlijst/#afweersysteem"' not in werking.body_html
    assert not medication.glossary_terms.exists()


@pytest.mark.django_db
def test_saving_or_deleting_a_section_updates_the_terms_used(leaflet_with_terms):
    medication = Medication.objects.get(slug="testmiddel")
    dosering = medication.sections.get(kind="dosering")

    dosering.body_markdown = "Uw lichaam maakt minder antistoffen."
    write(dosering)  # declared, as a script writes
    assert {t.slug for t in medication.glossary_terms.all()} == {"afweersysteem", "antistof"}

    write(medication.sections.get(kind="werking"), delete=True)
    assert [t.slug for t in medication.glossary_terms.all()] == ["antistof"]


@pytest.mark.django_db
def test_glossary_page_shows_the_leaflets_that_use_each_term(leaflet_with_terms, client):
    page = client.get("/woordenlijst/").content.decode()

    entries = dict(re.findall(r'<div class="glossary-entry" id="([\w-]+)">(.*?)</div>', page, re.S))
    assert (
        'Komt voor bij: <a href="/medicijnen/testmiddel/">Testmiddel</a>'
        in entries["afweersysteem"]
    )
    assert "Komt voor bij" not in entries["antistof"]

    publishing.unpublish(Medication.working_copies.get(slug="testmiddel"), None)
    page = client.get("/woordenlijst/").content.decode()
    assert "/medicijnen/testmiddel/" not in page


@pytest.mark.django_db
def test_admin_shows_terms_per_leaflet_and_relinks_when_a_term_is_saved(
    leaflet_with_terms, admin_client
):
    medication = Medication.working_copies.get(slug="testmiddel")  # what the admin edits
    page = admin_client.get(f"/beheer/medications/medication/{medication.pk}/change/")
    assert "Termen uit de woordenlijst in deze folder" in page.content.decode()
    assert "Afweersysteem" in page.content.decode()

    antistof = GlossaryTerm.objects.get(slug="antistof")
    response = admin_client.post(
        f"/beheer/medications/glossaryterm/{antistof.pk}/change/",
        {
            "term_nl": "Antistof",
            "term_en": "",
            "slug": "antistof",
            "variants_nl": "antistoffen, testmiddel",
            "variants_en": "",
            "explanation_markdown_nl": "Een eiwit dat een ziekteverwekker herkent.",
            "explanation_markdown_en": "",
        },
    )
    assert response.status_code == 302

    werking = medication.sections.get(kind="werking")
    assert term_slugs_in(werking.body_html) == ["antistof", "afweersysteem"]
    listing = admin_client.get("/beheer/medications/glossaryterm/").content.decode()
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*>Antistof<.*?</tr>", listing, re.S).group()
    assert "Testmiddel" in row

    admin_client.post(f"/beheer/medications/glossaryterm/{antistof.pk}/delete/", {"post": "yes"})
    werking.refresh_from_db()
    assert term_slugs_in(werking.body_html) == ["afweersysteem"]


@pytest.mark.django_db
def test_editing_a_section_in_the_admin_updates_the_terms_used(leaflet_with_terms, admin_client):
    medication = Medication.working_copies.get(slug="testmiddel")  # what the admin edits
    url = f"/beheer/medications/medication/{medication.pk}/change/"
    data = admin_form_data(admin_client.get(url))
    field = next(
        name
        for name, value in data.items()
        if name.endswith("body_markdown_nl") and "Neem 2 tabletten" in str(value)
    )
    data[field] = "Neem 2 tabletten per dag. Uw lichaam maakt dan minder antistoffen."

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert {t.slug for t in medication.glossary_terms.all()} == {"afweersysteem", "antistof"}
    page = admin_client.get(url).content.decode()
    assert re.search(r"Afweersysteem, Antistof", page)

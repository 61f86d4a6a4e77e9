"""Stored HTML holds meaning only; medications.html presents it for the page, paper, plain
text and exports, and migration 0013 brought older rows to the same form."""

import importlib
import xml.etree.ElementTree as ET

import pytest

from medications import html as stored_html
from medications.models import GlossaryTerm, Section

pytestmark = pytest.mark.django_db

PRESENTATION = ("<button", "popover", "tabindex", "table-scroll", "Meer in de woordenlijst")
XHTML = "http://www.w3.org/1999/xhtml"


def every_stored_html():
    for section in Section.all_copies.all():
        for column in ("body_html_nl", "body_html_en"):
            yield f"section {section.pk} {column}", getattr(section, column) or ""
    for term in GlossaryTerm.objects.all():
        for column in ("explanation_html_nl", "explanation_html_en"):
            yield f"term {term.slug} {column}", getattr(term, column) or ""


def test_no_stored_html_holds_presentation_or_interface_words():
    rows = list(every_stored_html())
    assert len(rows) > 100
    for where, html in rows:
        for word in PRESENTATION:
            assert word not in html, f"{where}: {word}"
        assert "(zie " not in html or "data-term" not in html, where


def test_terms_are_stored_as_dfn_and_presented_as_popovers_on_the_page(client):
    section = Section.objects.get(medication__slug="azathioprine", kind="werking")
    assert '<dfn data-term="' in section.body_html
    page = client.get("/medicijnen/azathioprine/").content.decode()
    assert 'class="term-button" popovertarget="uitleg-werking-' in page
    assert "<dfn" not in page


def test_xhtml_export_is_well_formed_and_restricted():
    for where, html in every_stored_html():
        if not html:
            continue
        exported = stored_html.xhtml(html)
        root = ET.fromstring(f'<div xmlns="{XHTML}">{exported}</div>')
        for element in root.iter():
            assert element.tag.removeprefix(f"{{{XHTML}}}") not in {"button", "script", "form"}
            assert set(element.attrib) <= {"href", "title", "scope"}, where


def test_plain_text_keeps_blocks_and_terms_and_folds_soft_breaks():
    html = (
        '<p>Dat geldt voor\nmannen en <dfn data-term="antistof">antistoffen</dfn>.</p>'
        "<ul><li>koorts</li><li>hoesten</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
    )
    assert (
        stored_html.plain_text(html)
        == "Dat geldt voor mannen en antistoffen.\nkoorts\nhoesten\na\nb"
    )
    assert stored_html.term_words(html) == {"antistof": ["antistoffen"]}


def test_paper_turns_links_to_unprinted_sections_into_addresses():
    html = '<p>Lees <a href="#controles">de controles</a> en <a href="#dosering">de dosis</a>.</p>'
    paper = stored_html.paper_html(
        html, {}, "werking", {"dosering"}, lambda anchor: f"https://x.nl/m/#{anchor}"
    )
    assert (
        '<span class="unprinted-link">de controles</span> '
        '<span class="see-website">(zie de website: https://x.nl/m/#controles)</span>'
    ) in paper
    # A printed section stays a link; print.css adds "(zie pagina N)" with the page's words.
    assert '<a href="#dosering" data-see-page="zie pagina">de dosis</a>' in paper


def test_migration_0013_turns_stored_popovers_into_dfn():
    migration = importlib.import_module("medications.migrations.0013_stored_html_holds_meaning")
    old = (
        '<p>Uw <span class="term" data-term="antistof"><button type="button" '
        'class="term-button" popovertarget="uitleg-werking-antistof">antistoffen</button>'
        '<span class="term-tip" id="uitleg-werking-antistof" popover>'
        '<span class="term-tip-title">antistoffen</span> <span class="term-tip-see">(zie '
        'Antistof)</span>: Uitleg. <a href="/woordenlijst/#antistof">Meer in de woordenlijst</a>'
        "</span></span> werken.</p>"
        '<div class="table-scroll" tabindex="0"><table><tr><td>1</td></tr></table></div>'
    )
    assert migration.meaning_only(old) == (
        '<p>Uw <dfn data-term="antistof">antistoffen</dfn> werken.</p>'
        "<table><tr><td>1</td></tr></table>"
    )

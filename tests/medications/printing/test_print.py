"""Printing for nurses: the print view, the chosen sections, and the PDF with its QR code,
page numbers and cache."""

import base64
import io
import re
import textwrap

import pytest
import segno
from django.core.cache import cache
from django.templatetags.static import static
from django.utils import timezone
from django.utils.formats import date_format
from PIL import Image
from pypdf import PdfReader

from medications.content import load_content
from medications.models import Medication, Section
from medications.printing import pdf as pdf_module
from tests.conftest import CORE_SECTIONS, leaflet_text
from tests.helpers import write

pytestmark = pytest.mark.django_db

BASE_URL = "https://medicijnen.example.nl"
PAGE_URL = f"{BASE_URL}/medicijnen/testmiddel/"
SECTIONS = textwrap.dedent(
    """\
        ## Wat is testmiddel? {#werking}

        Testmiddel maakt uw immuunsysteem rustiger.

        ## Wanneer belt u uw arts? {#wanneer-contact}

        Bel bij koorts boven 38,5 graden.

        """
) + CORE_SECTIONS.replace("Overleg met uw arts.", "Overleg met uw arts over antistoffen.")
HEADINGS = [
    "Wat is testmiddel?",
    "Hoe gebruikt u testmiddel?",
    "Welke bijwerkingen kan testmiddel geven?",
    "Wanneer belt u uw arts?",
    "Welke controles heeft u nodig?",
    "Mag u testmiddel gebruiken als u zwanger bent?",
    "Mag u zich laten vaccineren?",
    "Wat als u een operatie krijgt?",
]


@pytest.fixture
def testmiddel(content_dir, settings):
    settings.SITE_HOSPITAL_NAME = "Ziekenhuis Rivierenland"
    settings.SITE_BASE_URL = BASE_URL
    load_content(content_dir({"testmiddel.md": leaflet_text(sections=SECTIONS)}))
    return Medication.objects.get(slug="testmiddel")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


def today():
    return date_format(timezone.localdate(), "j F Y")


def visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def section_headings(page):
    return re.findall(
        r'<section id="[\w-]+" class="leaflet-section[^"]*"[^>]*>\s*'
        r'<h2 id="[\w-]+">(?:<span[^>]*>!</span> )?([^<]+)</h2>',
        page,
    )


def pdf_pages(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, [" ".join(page.extract_text().split()) for page in reader.pages]


def qr_matrix_in(image, url, scale, border=4):
    """True when `image` shows exactly the QR code segno makes for `url`."""
    expected = segno.make(url, error="m", micro=False).matrix
    size = (len(expected) + 2 * border) * scale
    image = image.convert("L").resize((size, size), Image.NEAREST)
    for row, modules in enumerate(expected):
        for column, dark in enumerate(modules):
            x = (border + column) * scale + scale // 2
            y = (border + row) * scale + scale // 2
            if (image.getpixel((x, y)) < 128) != bool(dark):
                return False
    return True


# --- The print view --------------------------------------------------------------------------


def test_print_view_shows_the_whole_leaflet_for_paper(testmiddel, client):
    response = client.get("/medicijnen/testmiddel/print/")
    page = response.content.decode()
    text = visible_text(page)

    assert response.status_code == 200
    assert '<html lang="nl">' in page and page.count("<h1") == 1
    assert "Ziekenhuis Rivierenland" in text
    assert "<h1>Testmiddel</h1>" in page
    assert "Merknamen: Testo, Testo mitis" in text
    assert section_headings(page) == HEADINGS
    assert f"Afgedrukt op {today()}" in text
    assert PAGE_URL in text
    assert "Folder over testmiddel van Testziekenhuis (mei 2020)" in text
    assert "Inhoud laatst gecontroleerd op 15 januari 2026." in text


def test_print_view_explains_the_terms_used_in_an_appendix(testmiddel, client):
    page = client.get("/medicijnen/testmiddel/print/").content.decode()

    appendix = page[page.index('id="woorden-kop"') : page.index('class="leaflet-source"')]
    assert re.findall(r"<dt>([^<]+)</dt>", appendix) == ["Afweersysteem", "Antistof"]
    assert "Alles in uw lichaam dat u beschermt tegen ziekteverwekkers." in appendix
    assert page.index('id="woorden-kop"') > page.index('id="operaties"')


def test_print_view_has_a_qr_code_with_the_page_address(testmiddel, client):
    page = client.get("/medicijnen/testmiddel/print/").content.decode()

    source = re.search(
        r'<img class="qr-code" src="data:image/png;base64,([^"]+)" alt="[^"]+">', page
    )
    image = Image.open(io.BytesIO(base64.b64decode(source.group(1))))
    assert qr_matrix_in(image, PAGE_URL, scale=6)
    assert not qr_matrix_in(image, f"{BASE_URL}/medicijnen/ander/", scale=6)


def test_print_view_works_without_inline_styles_or_scripts(testmiddel, client):
    response = client.get("/medicijnen/testmiddel/print/")
    page = response.content.decode()

    assert "style=" not in page and "<style" not in page
    # The one script is the Printen button's, from a static file: no inline script.
    assert re.findall(r"<script\b[^>]*>", page) == [
        f'<script src="{static("js/print-button.js")}" defer>'
    ]
    assert "script-src 'self'" in response["Content-Security-Policy"]
    # The production storage's name for it, with its content hash: /static/css/print.<hash>.css
    assert re.search(r'href="/static/css/print\.[0-9a-f]{12}\.css"', page)
    assert f'href="{static("css/print.css")}"' in page


def test_nurse_chooses_sections_with_checkboxes(testmiddel, client):
    form_page = client.get("/medicijnen/testmiddel/print/").content.decode()
    boxes = re.findall(
        r'<input type="checkbox" name="onderdeel" value="([\w-]+)"[^>]*?( checked)?>', form_page
    )
    assert [kind for kind, _ in boxes] == [s.kind for s in testmiddel.ordered_sections]
    assert all(checked for _, checked in boxes)
    assert 'formaction="/medicijnen/testmiddel.pdf"' in form_page

    page = client.get(
        "/medicijnen/testmiddel/print/?onderdeel=controles&onderdeel=werking&onderdeel=onzin"
    ).content.decode()
    text = visible_text(page)

    # The alarm section is always printed, whatever is ticked (its box cannot be unticked).
    assert section_headings(page) == [
        "Wat is testmiddel?",
        "Wanneer belt u uw arts?",
        "Welke controles heeft u nodig?",
    ]
    checked = re.findall(r'value="([\w-]+)" id="[\w-]+" checked', page)
    assert checked == ["werking", "controles"]
    assert 'value="wanneer-contact" id="kies-wanneer-contact" disabled checked' in page
    assert "Dit is een deel van de folder: 3 van de 8 onderdelen." in text
    assert re.findall(r"<dt>([^<]+)</dt>", page) == ["Afweersysteem"]
    assert "Inhoud laatst gecontroleerd op 15 januari 2026." in text
    assert f"Afgedrukt op {today()}" in text


def test_no_valid_choice_prints_everything(testmiddel, client):
    page = client.get("/medicijnen/testmiddel/print/?onderdeel=bestaat-niet").content.decode()

    assert section_headings(page) == HEADINGS
    assert "Dit is een deel van de folder" not in page


@pytest.mark.parametrize("url", ["/medicijnen/testmiddel/print/", "/medicijnen/testmiddel.pdf"])
def test_unpublished_leaflets_cannot_be_printed(testmiddel, client, url):
    Medication.objects.filter(pk=testmiddel.pk).update(is_published=False)

    assert client.get(url).status_code == 404


# --- The PDF ---------------------------------------------------------------------------------


def test_pdf_holds_the_leaflet_with_page_numbers(testmiddel, client):
    response = client.get("/medicijnen/testmiddel.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="testmiddel.pdf"'
    reader, pages = pdf_pages(response.content)
    text = " ".join(pages)
    for expected in [
        "Ziekenhuis Rivierenland",
        "Testmiddel",
        "Merknamen: Testo, Testo mitis",
        *HEADINGS,
        "Neem 2 tabletten van 50 mg per dag.",
        "Bijlage: moeilijke woorden uitgelegd",
        "Alles in uw lichaam dat u beschermt tegen ziekteverwekkers.",
        "Folder over testmiddel van Testziekenhuis (mei 2020)",
        "Inhoud laatst gecontroleerd op 15 januari 2026.",
        f"Afgedrukt op {today()}",
    ]:
        assert expected in text, expected
    positions = [text.index(heading) for heading in HEADINGS]
    assert positions == sorted(positions)
    assert "Meer in de woordenlijst" not in text  # explanations pop up on screen only
    assert "Welke onderdelen wilt u printen?" not in text
    assert len(pages) == 3  # the text, the common questions and the appendix
    for number, page in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in page
        assert f"Afgedrukt op {today()}" in page
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert reader.metadata.title.startswith("Testmiddel")


def test_pdf_has_a_qr_code_with_the_page_address(testmiddel, client):
    reader, _ = pdf_pages(client.get("/medicijnen/testmiddel.pdf").content)

    images = reader.pages[0].images
    assert len(images) == 1
    assert qr_matrix_in(images[0].image, PAGE_URL, scale=6)


def test_pdf_of_chosen_sections_keeps_source_and_dates(testmiddel, client):
    response = client.get("/medicijnen/testmiddel.pdf?onderdeel=dosering&onderdeel=bijwerkingen")
    _, pages = pdf_pages(response.content)
    text = " ".join(pages)

    assert "Hoe gebruikt u testmiddel?" in text
    assert "Welke bijwerkingen kan testmiddel geven?" in text
    assert "Wanneer belt u uw arts?" in text  # the alarm section, always printed
    for left_out in set(HEADINGS) - {
        "Hoe gebruikt u testmiddel?",
        "Welke bijwerkingen kan testmiddel geven?",
        "Wanneer belt u uw arts?",
    }:
        assert left_out not in text
    assert "Bijlage" not in text  # these two sections use no glossary terms
    assert "Folder over testmiddel van Testziekenhuis (mei 2020)" in text
    assert "Inhoud laatst gecontroleerd op 15 januari 2026." in text
    assert f"Afgedrukt op {today()}" in text
    assert "Dit is een deel van de folder: 3 van de 8 onderdelen." in text
    assert pages[-1].endswith(f"pagina {len(pages)} van {len(pages)}")


def test_pdf_is_cached_per_version_and_made_again_when_content_changes(
    testmiddel, client, pdf_renders
):
    first = client.get("/medicijnen/testmiddel.pdf").content
    assert client.get("/medicijnen/testmiddel.pdf").content == first
    assert len(pdf_renders) == 1

    client.get("/medicijnen/testmiddel.pdf?onderdeel=dosering")
    client.get("/medicijnen/testmiddel.pdf?onderdeel=dosering")
    assert len(pdf_renders) == 2

    dosering = Section.objects.get(medication=testmiddel, kind="dosering")
    dosering.body_markdown = "Neem 1 tablet van 25 mg per dag."
    write(dosering)  # a live copy's section, as a script writes it
    changed = client.get("/medicijnen/testmiddel.pdf").content
    assert len(pdf_renders) == 3
    assert "Neem 1 tablet van 25 mg per dag." in " ".join(pdf_pages(changed)[1])


def test_pdf_renderer_reads_only_the_sites_own_files():
    fetcher = pdf_module.StaticFilesFetcher()

    css = fetcher.fetch("https://medicijnen.example.nl/static/css/print.css")
    assert b"@page" in css.read()
    assert css.content_type == "text/css"
    for url in [
        "https://example.org/tracker.css",
        "file:///etc/passwd",
        "https://medicijnen.example.nl/static/../portal/settings.py",
        "https://medicijnen.example.nl/static/css/bestaat-niet.css",
    ]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_every_real_leaflet_prints_as_a_numbered_pdf(client, settings):
    """The content in the repository: each leaflet's PDF has its title, source and numbering."""
    settings.SITE_BASE_URL = BASE_URL
    medications = list(Medication.objects.published())
    assert len(medications) >= 4
    for medication in medications:
        response = client.get(f"/medicijnen/{medication.slug}.pdf")
        reader, pages = pdf_pages(response.content)
        text = " ".join(pages)
        assert medication.name in pages[0], medication.slug
        assert medication.source_publisher in text, medication.slug
        assert len(pages) >= 2, medication.slug
        for number, page in enumerate(pages, start=1):
            assert f"pagina {number} van {len(pages)}" in page, (medication.slug, number)
        assert qr_matrix_in(
            reader.pages[0].images[0].image, f"{BASE_URL}{medication.get_absolute_url()}", scale=6
        )

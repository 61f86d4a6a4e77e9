"""The English site as a reader meets it: every page reachable from /en/ (print views and
PDFs included) is there (no 404) and carries no Dutch interface word."""

import io
import re
from collections import deque
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from tests.english import SLUG, english_site

pytestmark = pytest.mark.django_db

# Words of the Dutch interface (templates, choices, error pages) that are not English words.
DUTCH_UI_WORDS = {
    "aanklikken", "afgedrukt", "afspraken", "alle", "apotheker", "arts", "bedankt", "bekijk",
    "belangrijk", "bel", "bijlage", "bijwerkingen", "bron", "controle",
    "controles", "de", "deze", "dringend", "een", "eigenaar", "folder", "gecontroleerd",
    "geen", "gevonden", "goedgekeurd", "heeft", "het", "hoe", "inhoudsbestanden",
    "in het kort", "inhoud",
    "kenmerk", "klachten", "komt", "medicijn", "medicijnen", "merknaam", "merknamen",
    "meteen", "moeilijke", "naar", "niet", "niets", "onderdeel", "onderdelen", "ook",
    "opnemen", "pagina", "printen", "reactie", "startpagina", "telefoon", "terug",
    "toelichting", "uitdraai", "uitleg", "uw", "vaak", "van", "veranderd", "verpleegkundige",
    "versie", "versturen", "volgende", "voorbeeld", "vragen", "wanneer", "wat", "welke",
    "woorden", "woordenlijst", "zie", "ziekenhuis", "zoek", "zoeken", "ja", "nee",
}  # fmt: skip
DUTCH_SOURCE_TITLE = "Folder over testmiddel"  # tests.conftest.leaflet_text
SHOWN_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "content")


class ShownText(HTMLParser):
    """The text a reader sees or hears (attributes read aloud included), leaving out what is
    marked as another language (the switch's "Nederlands") and scripts; and the links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.links, self.stack = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        other_language = attrs.get("lang", "en") != "en" and tag != "html"
        skipped = tag in ("script", "style") or other_language or (self.stack and self.stack[-1])
        if tag not in ("br", "img", "input", "meta", "link", "hr", "source"):
            self.stack.append(bool(skipped))
        if skipped:
            return
        self.parts += [attrs[name] for name in SHOWN_ATTRIBUTES if attrs.get(name)]
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if self.stack and tag not in ("br", "img", "input", "meta", "link", "hr", "source"):
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def dutch_words(text):
    text = " ".join(text.split()).lower()
    found = {word for word in re.findall(r"[a-zà-ÿ]+", text) if word in DUTCH_UI_WORDS}
    found |= {phrase for phrase in DUTCH_UI_WORDS if " " in phrase and phrase in text}
    return found


def crawl(client, start_paths):
    """Every /en/ address reachable from `start_paths`: {path: (status, shown text)}."""
    seen, queue = {}, deque(start_paths)
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path, follow=True)
        if path.endswith(".pdf"):
            reader = PdfReader(io.BytesIO(response.content))
            text = " ".join(page.extract_text() for page in reader.pages)
            # The source leaflet's own title, cited (lang="nl" on the page; PDF text has no lang).
            seen[path] = (response.status_code, text.replace(DUTCH_SOURCE_TITLE, ""))
            continue
        parser = ShownText()
        parser.feed(response.content.decode())
        seen[path] = (response.status_code, " ".join(parser.parts))
        for link in parser.links:
            address = link.split("#")[0]
            # Search results are questions, not pages: their rows are the search app's own
            # (tests/search); the search page itself is crawled from `start_paths`.
            if address.startswith("/en/") and not address.startswith("/en/search/"):
                queue.append(address)
    return seen


def test_every_english_page_is_there_and_has_no_dutch_interface_word(client, content_dir):
    english_site(content_dir)
    pages = crawl(client, ["/en/", "/en/search/", "/en/search/?q=qwxz"])
    assert f"/en/medicines/{SLUG}/" in pages
    assert f"/en/medicines/{SLUG}/print/" in pages
    assert f"/en/medicines/{SLUG}.pdf" in pages
    assert "/en/glossary/" in pages
    problems = {
        path: (status, sorted(dutch_words(text)))
        for path, (status, text) in pages.items()
        if status != 200 or dutch_words(text)
    }
    assert problems == {}


def test_the_english_error_pages_and_feedback_pages_are_english(client, content_dir):
    english_site(content_dir)
    pages = {
        "/en/no-such-page/": client.get("/en/no-such-page/"),
        "/en/ (POST)": client.post("/en/"),
        "/en/feedback/thanks/": client.get(f"/en/feedback/thanks/?medicijn={SLUG}"),
    }
    sent = client.post(
        "/en/feedback/",
        {"medicijn": SLUG, "comment": "x" * 501},
        HTTP_ORIGIN="http://testserver",
    )
    pages["/en/feedback/ (invalid)"] = sent
    assert [response.status_code for response in pages.values()] == [404, 405, 200, 400]
    for path, response in pages.items():
        parser = ShownText()
        parser.feed(response.content.decode())
        assert dutch_words(" ".join(parser.parts)) == set(), path
    assert "Choose yes or no." in sent.content.decode()
    assert "Write 500 characters at most." in sent.content.decode()


def test_the_english_pdf_has_the_same_footer_qr_code_and_document_control(client, content_dir):
    english_site(content_dir)
    reader = PdfReader(io.BytesIO(client.get(f"/en/medicines/{SLUG}.pdf").content))
    pages = [page.extract_text() for page in reader.pages]
    for number, text in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in text
        assert "If your life is in danger: call 112." in text
        assert "Printed on" in text
        assert "Version 1" in text
    assert f"/en/medicines/{SLUG}/" in pages[0]
    assert "Translated from the Dutch leaflet (version 1," in pages[0]
    assert any(reader.pages[0].images)  # the QR code

"""Stored HTML, presented at the edge: the one module that reads what the write path stores.

The write path (medications.publishing) stores sanitised HTML with semantic markers only:
a glossary word is `<dfn data-term="slug">word</dfn>`, a table is a plain `<table>` with
`scope` on its headers. Nothing in it is presentation or interface text. From it this module
makes:

- `page_html`: the web page (a word opens its explanation in place with the HTML `popover`
  attribute, works without JavaScript; a wide table scrolls on its own);
- `paper_html`: the same for paper, with links to sections that are not printed turned into
  their web address;
- `plain_text`: the text a reader sees, one block a line (search, snippets, read-aloud);
- `xhtml`: restricted XHTML for exports such as the FHIR narrative (no button, popover,
  tabindex or data attribute);
- `term_slugs` and `term_words`: which glossary terms a text uses, and with which words.

Every function parses the stored HTML with the standard library's HTMLParser; no regular
expression reads markup anywhere else.
"""

from dataclasses import dataclass
from functools import lru_cache
from html import escape, unescape
from html.parser import HTMLParser

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from medications.text import sort_key

TERM_ELEMENT = "dfn"
TERM_ATTRIBUTE = "data-term"
VOID_ELEMENTS = {"br", "hr", "img", "input", "meta", "link", "wbr"}
BLOCK_ELEMENTS = {
    "address", "blockquote", "br", "dd", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip


@dataclass(frozen=True)
class Explanation:
    """A glossary term as a page explains it: its name and its explanation as plain text."""

    slug: str
    term: str
    text: str

    @property
    def glossary_url(self):
        return f"{reverse('medications:glossary')}#{self.slug}"


@dataclass(frozen=True)
class ShownSection:
    """A section as a page or a printout shows it: its stored HTML presented (`html`)."""

    kind: str
    anchor: str
    heading: str
    html: str
    source_silent: bool
    is_alarm: bool
    # On a translated page whose translation is behind: the current Dutch heading and text.
    source_heading: str = ""
    source_html: str = ""
    # The language of its text when that is not the page's: a section the translation does
    # not have yet is shown in Dutch (modeltranslation's fallback), marked as such.
    lang: str = ""


def explanations(terms):
    """Glossary terms (rows) -> {slug: Explanation}, for page_html and paper_html."""
    return {
        term.slug: Explanation(term.slug, term.term, plain_text(term.explanation_html))
        for term in terms
    }


def attribute_text(attrs):
    return "".join(
        f" {name}" if value is None else f' {name}="{escape(value)}"' for name, value in attrs
    )


class Rewriter(HTMLParser):
    """Copies stored HTML; subclasses replace what they need. Text is escaped again, tags
    are written back from their parsed name and attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.output = []
        self.term = None  # (slug, words) while inside a <dfn data-term>

    def result(self, html):
        self.feed(html or "")
        self.close()
        return "".join(self.output)

    def handle_starttag(self, tag, attrs):
        if tag == TERM_ELEMENT and dict(attrs).get(TERM_ATTRIBUTE):
            self.term = (dict(attrs)[TERM_ATTRIBUTE], [])
            return
        self.start(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self.output.append(f"<{tag}{attribute_text(attrs)}>")

    def handle_endtag(self, tag):
        if tag == TERM_ELEMENT and self.term is not None:
            slug, words = self.term
            self.term = None
            self.output.append(self.term_markup(slug, "".join(words)))
            return
        self.end(tag)

    def handle_data(self, data):
        if self.term is not None:
            self.term[1].append(data)
        else:
            self.output.append(escape(data, quote=False))

    def start(self, tag, attrs):
        self.output.append(f"<{tag}{attribute_text(attrs)}>")

    def end(self, tag):
        self.output.append(f"</{tag}>")

    def term_markup(self, slug, word):
        return f'<dfn {TERM_ATTRIBUTE}="{escape(slug)}">{escape(word, quote=False)}</dfn>'


class PageRewriter(Rewriter):
    """The web page: terms as popover buttons, tables that scroll on narrow screens."""

    def __init__(self, terms, id_prefix):
        super().__init__()
        self.terms = terms
        self.id_prefix = id_prefix

    def start(self, tag, attrs):
        if tag == "table":
            self.output.append('<div class="table-scroll" tabindex="0">')
        super().start(tag, attrs)

    def end(self, tag):
        super().end(tag)
        if tag == "table":
            self.output.append("</div>")

    def term_markup(self, slug, word):
        term = self.terms.get(slug)
        if term is None:  # a term removed from the glossary since: the word stays
            return escape(word, quote=False)
        return popover_markup(term, word, self.id_prefix)


class PaperRewriter(PageRewriter):
    """Paper: as the page (print.css shows a term as 'word*'), and a link to a section that
    is not printed becomes its text and the web address to find it."""

    def __init__(self, terms, id_prefix, printed_kinds, address_of):
        super().__init__(terms, id_prefix)
        self.printed_kinds = printed_kinds
        self.address_of = address_of
        self.unprinted_anchor = None

    def start(self, tag, attrs):
        href = dict(attrs).get("href") or ""
        anchor = href[1:] if tag == "a" and href.startswith("#") else None
        if anchor and anchor not in self.printed_kinds:
            self.unprinted_anchor = anchor
            self.output.append('<span class="unprinted-link">')
            return
        if anchor:  # print.css adds "(zie pagina N)" with these words, in the page's language
            attrs = [*attrs, ("data-see-page", gettext("zie pagina"))]
        super().start(tag, attrs)

    def end(self, tag):
        if tag == "a" and self.unprinted_anchor:
            address = escape(self.address_of(self.unprinted_anchor))
            see = escape(gettext("zie de website:"))
            self.output.append(f'</span> <span class="see-website">({see} {address})</span>')
            self.unprinted_anchor = None
            return
        super().end(tag)


class XhtmlRewriter(Rewriter):
    """Restricted XHTML: void elements closed, terms as plain <dfn>, no data attributes.
    `address_of(href)`, when given, makes a link absolute (an export is read elsewhere)."""

    def __init__(self, address_of=None):
        super().__init__()
        self.address_of = address_of

    def handle_startendtag(self, tag, attrs):
        self.output.append(f"<{tag}{attribute_text(self.allowed(attrs))}/>")

    def start(self, tag, attrs):
        if tag in VOID_ELEMENTS:
            self.handle_startendtag(tag, attrs)
            return
        self.output.append(f"<{tag}{attribute_text(self.allowed(attrs))}>")

    def end(self, tag):
        if tag not in VOID_ELEMENTS:
            super().end(tag)

    def term_markup(self, slug, word):
        return f"<dfn>{escape(word, quote=False)}</dfn>"

    def allowed(self, attrs):
        kept = [(name, value) for name, value in attrs if name in ("href", "title", "scope")]
        if self.address_of is None:
            return kept
        return [(name, self.address_of(value) if name == "href" else value) for name, value in kept]


def popover_markup(term, word, id_prefix):
    """The word as a button that opens its explanation (a popover) with a link to the
    woordenlijst. When the text uses another form than the term, the explanation starts with
    that word and names the term ('immuunsysteem (zie Afweersysteem):'), as the woordenlijst
    lists it. Browsers without popover support show the explanation inline instead."""
    tip_id = f"uitleg-{id_prefix}-{term.slug}" if id_prefix else f"uitleg-{term.slug}"
    shown = " ".join(word.split())
    if sort_key(shown) == sort_key(" ".join(term.term.split())):
        title = f'<span class="term-tip-title">{escape(term.term, quote=False)}:</span>'
    else:
        see_word = gettext("zie")  # outside the f-string: makemessages finds it there
        see = f"{escape(see_word)} {escape(term.term, quote=False)}"
        title = (
            f'<span class="term-tip-title">{escape(shown, quote=False)}</span>'
            f' <span class="term-tip-see">({see})</span>:'
        )
    more = gettext("Meer in de woordenlijst")
    return (
        f'<span class="term" data-term="{escape(term.slug)}">'
        f'<button type="button" class="term-button" popovertarget="{escape(tip_id)}">'
        f"{escape(word, quote=False)}</button>"
        f'<span class="term-tip" id="{escape(tip_id)}" popover>'
        f"{title} {escape(term.text, quote=False)} "
        f'<a href="{escape(term.glossary_url)}">{escape(more)}</a>'
        f"</span></span>"
    )


def page_html(html, terms=None, id_prefix=""):
    """Stored HTML as the web page shows it (`terms`: explanations() of the terms used)."""
    return mark_safe(PageRewriter(terms or {}, id_prefix).result(html))  # noqa: S308 (stored sanitised)


def paper_html(html, terms, id_prefix, printed_kinds, address_of):
    """Stored HTML as printed; `address_of(anchor)` gives a section's web address."""
    rewriter = PaperRewriter(terms or {}, id_prefix, set(printed_kinds), address_of)
    return mark_safe(rewriter.result(html))  # noqa: S308 (stored sanitised)


def xhtml(html, address_of=None):
    """Stored HTML as restricted XHTML (for a FHIR narrative, inside its <div>, and the API);
    `address_of(href)` turns a link into its absolute address."""
    return XhtmlRewriter(address_of).result(html)


class TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.pre_depth = 0
        self.terms = {}  # slug -> words as the text uses them
        self.term = None

    def handle_starttag(self, tag, attrs):
        if tag == TERM_ELEMENT and dict(attrs).get(TERM_ATTRIBUTE):
            self.term = (dict(attrs)[TERM_ATTRIBUTE], [])
        if tag == "pre":
            self.pre_depth += 1
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == TERM_ELEMENT and self.term is not None:
            slug, words = self.term
            self.terms.setdefault(slug, []).append(" ".join("".join(words).split()))
            self.term = None
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.term is not None:
            self.term[1].append(data)
        # A soft line break (the source's line ending inside a block) reads as a space.
        self.parts.append(data if self.pre_depth else data.replace("\n", " "))


@lru_cache(maxsize=512)
def parsed(html):
    parser = TextParser()
    parser.feed(html or "")
    parser.close()
    return parser


@lru_cache(maxsize=512)
def plain_text(html):
    """Stored HTML -> the text a reader sees: blocks on their own line, spaces folded."""
    lines = (" ".join(unescape(line).split()) for line in "".join(parsed(html).parts).split("\n"))
    return "\n".join(line for line in lines if line)


def term_slugs(html):
    """Slugs of the glossary terms marked in stored HTML, in order of first appearance."""
    return list(parsed(html).terms)


def term_words(html):
    """{slug: [words as the text uses them]} for the glossary terms marked in stored HTML."""
    return {slug: list(words) for slug, words in parsed(html).terms.items()}

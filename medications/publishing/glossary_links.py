"""Glossary terms marked where they appear, when a section's HTML is stored.

The first occurrence of each term (or one of its variants) in a section is stored as
`<dfn data-term="slug">word</dfn>`: meaning only. How a page shows it (a button opening the
explanation in place) is made when it is read, by medications.html. Linking runs on HTML that
is already sanitised and builds its own markup with escaping, so editor content can never add
attributes (the sanitiser never lets `dfn` or `data-term` through from editors). This module
works on HTML and term values only; the write path (medications.publishing) feeds it the
glossary and stores what it makes.
"""

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from medications.text import sort_key, strip_diacritics

# Text inside these elements is never linked: headings, links, code and our own markup.
SKIPPED_ELEMENTS = {"a", "abbr", "code", "dfn", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    forms: tuple


def match_key(text):
    """Forms compare without case, accents or differences in white space."""
    return sort_key(" ".join(text.split()))


def form_pattern(form):
    """A form as a regular expression: any white space between words, and abbreviations
    with capitals inside (RA, IgG, TNF-alfa) keep their case so 'ra' or 'igg' never match."""
    pattern = r"\s+".join(re.escape(word) for word in form.split())
    has_inner_capitals = sum(char.isupper() for char in form) >= 2
    return pattern if has_inner_capitals else f"(?i:{pattern})"


class GlossaryLinker:
    """Marks up the first occurrence of every term in a piece of sanitised HTML."""

    def __init__(self, terms):
        self.terms = {}
        patterns = {}
        for term in terms:
            for form in term.forms:
                for spelling in (form, strip_diacritics(form)):
                    key = match_key(spelling)
                    if key and self.terms.setdefault(key, term) is term:
                        patterns.setdefault(spelling, form_pattern(spelling))
        # Longest first, so "auto-immuunziekte" wins over "auto-immuun" at the same place.
        # A whole word, or the first part of a hyphenated one ("TNF-alfa-remmers"), but not
        # the tail of one: "immuniteit" in "auto-immuniteit" means something else.
        ordered = sorted(patterns.values(), key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(ordered) + r")(?!\w)") if ordered else None
        )

    def link(self, html):
        """Return `html` with the first occurrence of each term marked up."""
        if self.pattern is None or not html:
            return html
        parser = TermLinkingParser(self)
        parser.feed(html)
        parser.close()
        return "".join(parser.output)

    def term_for(self, matched_text):
        return self.terms.get(match_key(matched_text))


class TermLinkingParser(HTMLParser):
    """Copies HTML tag by tag; text outside skipped elements gets its terms marked up."""

    def __init__(self, linker):
        super().__init__(convert_charrefs=True)
        self.linker = linker
        self.output = []
        self.skip_depth = 0
        self.linked = set()

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_ELEMENTS:
            self.skip_depth += 1
        self.output.append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        self.output.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self.skip_depth:
            self.skip_depth -= 1
        self.output.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skip_depth:
            self.output.append(escape(data, quote=False))
            return
        position = 0
        for match in self.linker.pattern.finditer(data):
            term = self.linker.term_for(match.group())
            if term is None or term.slug in self.linked:
                continue
            self.linked.add(term.slug)
            self.output.append(escape(data[position : match.start()], quote=False))
            self.output.append(term_markup(term, match.group()))
            position = match.end()
        self.output.append(escape(data[position:], quote=False))


def term_markup(term, text):
    """The word as it stands, marked as the use of a glossary term."""
    return f'<dfn data-term="{escape(term.slug)}">{escape(text, quote=False)}</dfn>'

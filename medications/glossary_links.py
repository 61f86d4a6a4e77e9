"""Glossary terms explained where they appear: markup added to a section's HTML when it is stored.

The first occurrence of each term (or one of its variants) in a section becomes a button that
opens the explanation in place with the HTML `popover` attribute, so it works without
JavaScript and by keyboard. The explanation links to the term in the woordenlijst. Linking
runs on HTML that is already sanitised and builds its own markup with escaping, so editor
content can never add attributes. Which terms a leaflet uses is kept in
`Medication.glossary_terms`, read back from the stored HTML (`data-term`, which the sanitiser
never lets through from editors). This module works on HTML and term values only; the write
path (medications.publishing) feeds it the glossary and stores what it makes.
"""

import re
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser

from django.urls import reverse
from django.utils.html import strip_tags

from medications.text import sort_key, strip_diacritics

# Text inside these elements is never linked: headings, links, code and our own markup.
SKIPPED_ELEMENTS = {"a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
TERM_ATTRIBUTE = re.compile(r'\bdata-term="([\w-]+)"')


@dataclass(frozen=True)
class Term:
    slug: str
    term: str
    forms: tuple
    explanation: str

    @property
    def glossary_url(self):
        return f"{reverse('medications:glossary')}#{self.slug}"


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

    def link(self, html, id_prefix):
        """Return `html` with the first occurrence of each term marked up."""
        if self.pattern is None or not html:
            return html
        parser = TermLinkingParser(self, id_prefix)
        parser.feed(html)
        parser.close()
        return "".join(parser.output)

    def term_for(self, matched_text):
        return self.terms.get(match_key(matched_text))


class TermLinkingParser(HTMLParser):
    """Copies HTML tag by tag; text outside skipped elements gets its terms marked up."""

    def __init__(self, linker, id_prefix):
        super().__init__(convert_charrefs=True)
        self.linker = linker
        self.id_prefix = id_prefix
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
            self.output.append(term_markup(term, match.group(), self.id_prefix))
            position = match.end()
        self.output.append(escape(data[position:], quote=False))


def term_markup(term, text, id_prefix):
    """The word as a button that opens its explanation (a popover) with a link to the
    woordenlijst. When the text uses another form than the term, the explanation starts with
    that word and names the term ('immuunsysteem, zie Afweersysteem:'), as the woordenlijst
    lists it. Browsers without popover support show the explanation inline instead."""
    tip_id = f"uitleg-{id_prefix}-{term.slug}" if id_prefix else f"uitleg-{term.slug}"
    word = " ".join(text.split())
    if match_key(word) == match_key(term.term):
        title = f'<span class="term-tip-title">{escape(term.term, quote=False)}:</span>'
    else:
        title = (
            f'<span class="term-tip-title">{escape(word, quote=False)}</span>'
            f' <span class="term-tip-see">(zie {escape(term.term, quote=False)})</span>:'
        )
    return (
        f'<span class="term" data-term="{escape(term.slug)}">'
        f'<button type="button" class="term-button" popovertarget="{escape(tip_id)}">'
        f"{escape(text, quote=False)}</button>"
        f'<span class="term-tip" id="{escape(tip_id)}" popover>'
        f"{title} {escape(term.explanation, quote=False)} "
        f'<a href="{escape(term.glossary_url)}">Meer in de woordenlijst</a>'
        f"</span></span>"
    )


def plain_text(html):
    """An explanation's HTML as one line of text, for inside a paragraph."""
    return " ".join(unescape(strip_tags(html)).split())


def term_slugs_in(html):
    """Slugs of the terms marked up in stored HTML, in order of first appearance."""
    return list(dict.fromkeys(TERM_ATTRIBUTE.findall(html or "")))

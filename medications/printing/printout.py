"""What a printed leaflet holds: the sections a nurse chose (and always the alarm section),
the words explained with the forms the text uses, a QR code, and links that still make sense
on paper."""

import re
from dataclasses import dataclass
from html import escape, unescape

import segno
from django.utils.html import strip_tags

from medications.glossary_links import term_slugs_in
from medications.models import GlossaryTerm
from medications.text import sort_key

SECTION_PARAMETER = "onderdeel"
# A link in a section's stored HTML to another section of the same page: <a href="#kind" ...>.
SECTION_LINK = re.compile(r'<a href="#(?P<anchor>[\w-]+)"[^>]*>(?P<text>.*?)</a>', re.S)
TERM_WORD = re.compile(
    r'<span class="term" data-term="(?P<slug>[\w-]+)"><button[^>]*>(?P<word>[^<]*)</button>'
)


@dataclass
class SectionChoice:
    kind: str
    heading: str
    selected: bool
    always: bool = False  # printed whatever is ticked (the alarm section)


@dataclass
class PrintedSection:
    """A section as printed: like Section for the templates, with its links made for paper."""

    kind: str
    anchor: str
    heading: str
    body_html: str
    source_silent: bool
    is_alarm: bool


@dataclass
class PrintedTerm:
    """A glossary term in the appendix, with the forms the printed text uses when they differ
    from the term itself ('immuunsysteem' for Afweersysteem)."""

    term: str
    explanation_html: str
    forms_used: list


@dataclass
class Printout:
    sections: list
    choices: list
    terms: list
    qr_code: str

    @property
    def is_partial(self):
        return len(self.sections) < len(self.choices)

    @property
    def has_alarm_section(self):
        return any(section.is_alarm for section in self.sections)


def build_printout(medication, requested_kinds, page_url):
    """The chosen sections in page order (all when none of the requested kinds exist), always
    with the alarm section; the glossary terms they use, A-Z; a QR code with the page's web
    address. Links to sections left out point to the website instead."""
    all_sections = medication.ordered_sections
    requested = set(requested_kinds)
    chosen = [s for s in all_sections if s.kind in requested]
    sections = [s for s in all_sections if s in chosen or s.is_alarm] if chosen else all_sections
    printed = {s.kind for s in sections}
    site_address = page_url.removesuffix(medication.get_absolute_url())
    printed_sections = [
        PrintedSection(
            kind=s.kind,
            anchor=s.anchor,
            heading=s.heading,
            body_html=links_for_paper(
                s.body_html, printed, lambda anchor: site_address + medication.section_url(anchor)
            ),
            source_silent=s.source_silent,
            is_alarm=s.is_alarm,
        )
        for s in sections
    ]
    return Printout(
        sections=printed_sections,
        choices=[
            SectionChoice(s.kind, s.heading, s.kind in printed, always=s.is_alarm)
            for s in all_sections
        ],
        terms=printed_terms([s.body_html for s in sections]),
        qr_code=qr_code_data_uri(page_url),
    )


def links_for_paper(html, printed_kinds, address_of):
    """A link to a section that is on the paper stays (the PDF can follow it; print.css adds
    its page); a link to one that is not becomes its text and the web address to find it."""

    def replace(match):
        anchor = match.group("anchor")
        if anchor in printed_kinds:
            return match.group(0)
        return (
            f'<span class="unprinted-link">{match.group("text")}</span> '
            f'<span class="see-website">(zie de website: {escape(address_of(anchor))})</span>'
        )

    return SECTION_LINK.sub(replace, html)


def printed_terms(htmls):
    """Terms used in these sections, A-Z, each with the other forms the text uses."""
    forms = {}
    for html in htmls:
        for match in TERM_WORD.finditer(html):
            word = " ".join(unescape(strip_tags(match.group("word"))).split())
            forms.setdefault(match.group("slug"), {}).setdefault(sort_key(word), word)
    slugs = {slug for html in htmls for slug in term_slugs_in(html)}
    terms = sorted(GlossaryTerm.objects.filter(slug__in=slugs), key=lambda t: sort_key(t.term))
    return [
        PrintedTerm(
            term=term.term,
            explanation_html=term.explanation_html,
            forms_used=[
                word
                for key, word in sorted(forms.get(term.slug, {}).items())
                if key != sort_key(term.term)
            ],
        )
        for term in terms
    ]


def qr_code_data_uri(url):
    """A PNG QR code as a data: URI, for an <img> on screen, on paper and in the PDF."""
    return segno.make(url, error="m", micro=False).png_data_uri(scale=6, border=4)

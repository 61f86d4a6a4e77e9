"""What a printed leaflet holds: the sections a nurse chose (and always the alarm section),
the words explained with the forms the text uses, a QR code, and links that still make sense
on paper."""

from dataclasses import dataclass

import segno

from medications import html as stored_html
from medications.models import GlossaryTerm
from medications.text import sort_key

SECTION_PARAMETER = "onderdeel"


@dataclass
class SectionChoice:
    kind: str
    heading: str
    selected: bool
    always: bool = False  # printed whatever is ticked (the alarm section)


@dataclass
class PrintedTerm:
    """A glossary term in the appendix, with the forms the printed text uses when they differ
    from the term itself ('immuunsysteem' for Afweersysteem)."""

    row: object  # the GlossaryTerm
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
    terms = printed_terms([s.body_html for s in sections])
    explanations = stored_html.explanations(term.row for term in terms)
    printed_sections = [
        stored_html.ShownSection(
            kind=s.kind,
            anchor=s.anchor,
            heading=s.heading,
            html=stored_html.paper_html(
                s.body_html,
                explanations,
                s.anchor,
                printed,
                lambda anchor: site_address + medication.section_url(anchor),
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
        terms=terms,
        qr_code=qr_code_data_uri(page_url),
    )


def printed_terms(htmls):
    """Terms used in these sections, A-Z, each with the other forms the text uses."""
    forms = {}
    for html in htmls:
        for slug, words in stored_html.term_words(html).items():
            for word in words:
                forms.setdefault(slug, {}).setdefault(sort_key(word), word)
    terms = sorted(GlossaryTerm.objects.filter(slug__in=forms), key=lambda t: sort_key(t.term))
    return [
        PrintedTerm(
            row=term,
            term=term.term,
            explanation_html=stored_html.page_html(term.explanation_html),
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

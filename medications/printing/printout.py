"""What a printed leaflet holds: the sections a nurse chose, the words explained, a QR code."""

from dataclasses import dataclass

import segno

from medications.glossary_links import term_slugs_in
from medications.models import GlossaryTerm
from medications.text import sort_key

SECTION_PARAMETER = "onderdeel"


@dataclass
class SectionChoice:
    kind: str
    heading: str
    selected: bool


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
    """The chosen sections in page order (all when none of the requested kinds exist),
    the glossary terms they use, A-Z, and a QR code with the page's web address."""
    all_sections = medication.ordered_sections
    requested = set(requested_kinds)
    sections = [s for s in all_sections if s.kind in requested] or all_sections
    chosen = {s.kind for s in sections}
    slugs = {slug for section in sections for slug in term_slugs_in(section.body_html)}
    terms = sorted(GlossaryTerm.objects.filter(slug__in=slugs), key=lambda t: sort_key(t.term))
    return Printout(
        sections=sections,
        choices=[SectionChoice(s.kind, s.heading, s.kind in chosen) for s in all_sections],
        terms=terms,
        qr_code=qr_code_data_uri(page_url),
    )


def qr_code_data_uri(url):
    """A PNG QR code as a data: URI, for an <img> on screen, on paper and in the PDF."""
    return segno.make(url, error="m", micro=False).png_data_uri(scale=6, border=4)

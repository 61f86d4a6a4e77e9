"""Checks while editing: warnings an editor sees in the admin (they never block a save).

- a core topic without a section;
- a sentence longer than B1 allows (20 words);
- a word from the woordenlijst used in a section but not explained there (in a heading or
  a link, say);
- a phone number the leaflet did not have before, or in an unusual format;
- HTML that sanitising takes out (a script, an event attribute);
- a broken table or a section far longer than the others (medications.shape_checks).
Each warning names its section.
"""

import re
from dataclasses import dataclass
from html import unescape

from django.conf import settings
from django.utils.html import strip_tags

from medications.html import term_slugs
from medications.models import GlossaryTerm, SectionKind
from medications.publishing.glossary_links import match_key
from medications.publishing.rendering import removed_markup, render_markdown
from medications.shape_checks import overlong, table_warnings, word_count
from medications.text import split_names

MAX_SENTENCE_WORDS = 20
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
PHONE_NUMBER = re.compile(r"(?<![\d-])(?:\+31[\s-]?|0)\d(?:[\s-]?\d){7,10}(?![\d-])")
DUTCH_PHONE_DIGITS = 10


@dataclass(frozen=True)
class Warning:
    where: str
    message: str

    def __str__(self):
        return f"{self.where}: {self.message}"


def digits(number):
    text = re.sub(r"\D", "", number)
    return "0" + text[2:] if text.startswith("31") else text


def plain_text(markdown_text):
    """What the reader reads: the rendered Markdown without tags, one block per line."""
    html = render_markdown(markdown_text or "")
    html = re.sub(r"</(p|li|h[3-5]|td|th|tr)>", "\n", html)
    return unescape(strip_tags(html))


def long_sentences(text):
    for sentence in SENTENCE_END.split(text):
        words = sentence.split()
        if len(words) > MAX_SENTENCE_WORDS:
            yield len(words), " ".join(words[:8])


def glossary_forms():
    """(form as written, term slug) for every term and variant in the woordenlijst."""
    return [
        (form, term.slug)
        for term in GlossaryTerm.objects.all()
        for form in [term.term, *split_names(term.variants)]
        if form
    ]


def unexplained_terms(text, html, forms):
    linked = set(term_slugs(html))
    words = f" {match_key(text)} "
    found = {}
    for form, slug in forms:
        if slug not in linked and re.search(
            rf"(?<![\w-]){re.escape(match_key(form))}(?!\w)", words
        ):
            found.setdefault(slug, form)
    return list(found.values())


def known_numbers(medication, live_sections):
    numbers = {digits(settings.SITE_CONTACT_PHONE)}
    numbers |= {digits(contact.phone) for contact in medication.leaflet_contacts}
    for section in live_sections:
        numbers |= {digits(number) for number in PHONE_NUMBER.findall(section.body_markdown)}
    return numbers - {""}


def editing_warnings(medication, live_sections=()):
    """Warnings for a working copy as saved; `live_sections`: what patients see now, so a
    phone number already published is not new."""
    warnings = [
        Warning(
            SectionKind(kind).label,
            "dit kernonderwerp heeft geen onderdeel, of de folder "
            "zegt er niets over; zeg dan wie de patiënt het kan vragen.",
        )
        for kind in medication.missing_core_kinds
        if kind not in {s.kind for s in medication.sections.all()}
    ]
    forms = glossary_forms()
    numbers = known_numbers(medication, live_sections)
    for section in sorted(medication.sections.all(), key=lambda s: s.position):
        where = f"Onderdeel '{section.heading}'"
        text = plain_text(section.body_markdown)
        for count, start in long_sentences(text):
            warnings.append(
                Warning(
                    where,
                    f"een zin van {count} woorden (B1: hoogstens "
                    f"{MAX_SENTENCE_WORDS}): '{start} …'.",
                )
            )
        for form in unexplained_terms(f"{section.heading}\n{text}", section.body_html, forms):
            warnings.append(
                Warning(
                    where,
                    f"'{form}' staat in de woordenlijst, maar wordt hier niet "
                    "uitgelegd (het staat bijvoorbeeld alleen in een kop of een link).",
                )
            )
        for number in PHONE_NUMBER.findall(section.body_markdown):
            if len(digits(number)) != DUTCH_PHONE_DIGITS:
                warnings.append(
                    Warning(
                        where,
                        f"telefoonnummer '{number}' heeft een ongewoon formaat; controleer het.",
                    )
                )
            elif digits(number) not in numbers:
                warnings.append(
                    Warning(
                        where,
                        f"nieuw telefoonnummer '{number}': klopt het, "
                        "en is het het goede nummer voor patiënten?",
                    )
                )
        for item in removed_markup(section.body_markdown):
            warnings.append(Warning(where, f"{item} is weggehaald: dat mag niet op de pagina."))
    return warnings + shape_warnings(medication)


def shape_warnings(medication):
    sections = sorted(medication.sections.all(), key=lambda s: s.position)
    long = overlong({s.kind: word_count(s.body_markdown) for s in sections})
    found = []
    for section in sections:
        where = f"Onderdeel '{section.heading}'"
        found += [
            Warning(where, f"regel {w.line}: {w.message}")
            for w in table_warnings(section.body_markdown)
        ]
        if section.kind in long:
            found.append(Warning(where, long[section.kind]))
    return found

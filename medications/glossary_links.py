"""Glossary terms explained where they appear: markup added to a section's HTML when it is stored.

The first occurrence of each term (or one of its variants) in a section becomes a button that
opens the explanation in place with the HTML `popover` attribute, so it works without
JavaScript and by keyboard. The explanation links to the term in the woordenlijst. Linking
runs on HTML that is already sanitised and builds its own markup with escaping, so editor
content can never add attributes. Which terms a leaflet uses is kept in
`Medication.glossary_terms`, read back from the stored HTML (`data-term`, which the sanitiser
never lets through from editors).
"""

import re
from dataclasses import dataclass
from html import escape, unescape
from html.parser import HTMLParser

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.html import strip_tags
from modeltranslation.utils import build_localized_fieldname

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

    @classmethod
    def for_language(cls, language):
        """The glossary in one language; terms without a name in that language are left out."""
        from medications.models import GlossaryTerm

        def field(name):
            return build_localized_fieldname(name, language)

        rows = GlossaryTerm.objects.order_by("pk").values_list(
            "slug", field("term"), field("variants"), field("explanation_html")
        )
        terms = [
            Term(
                slug=slug,
                term=term,
                forms=(term, *[v.strip() for v in (variants or "").split(",") if v.strip()]),
                explanation=plain_text(explanation_html or ""),
            )
            for slug, term, variants, explanation_html in rows
            if term
        ]
        return cls(terms)

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
    woordenlijst. Browsers without popover support show the explanation inline instead."""
    tip_id = f"uitleg-{id_prefix}-{term.slug}" if id_prefix else f"uitleg-{term.slug}"
    return (
        f'<span class="term" data-term="{escape(term.slug)}">'
        f'<button type="button" class="term-button" popovertarget="{escape(tip_id)}">'
        f"{escape(text, quote=False)}</button>"
        f'<span class="term-tip" id="{escape(tip_id)}" popover>'
        f'<span class="term-tip-title">{escape(term.term, quote=False)}:</span> '
        f"{escape(term.explanation, quote=False)} "
        f'<a href="{escape(term.glossary_url)}">Meer in de woordenlijst</a>'
        f"</span></span>"
    )


def plain_text(html):
    """An explanation's HTML as one line of text, for inside a paragraph."""
    return " ".join(unescape(strip_tags(html)).split())


def term_slugs_in(html):
    """Slugs of the terms marked up in stored HTML, in order of first appearance."""
    return list(dict.fromkeys(TERM_ATTRIBUTE.findall(html or "")))


# --- Keeping stored HTML and Medication.glossary_terms up to date ---------------------------


def default_language_html(section):
    return getattr(section, build_localized_fieldname("body_html", settings.LANGUAGE_CODE)) or ""


def linkers_for_all_languages():
    return {language: GlossaryLinker.for_language(language) for language, _ in settings.LANGUAGES}


def record_terms_used(medication):
    """Set `medication.glossary_terms` to the terms marked up in its sections."""
    from medications.models import GlossaryTerm, Section

    # From the database, not `medication.sections`: the admin's instance has them prefetched.
    html_field = build_localized_fieldname("body_html", settings.LANGUAGE_CODE)
    stored = Section.objects.filter(medication_id=medication.pk).values_list(html_field, flat=True)
    slugs = {slug for html in stored for slug in term_slugs_in(html)}
    medication.glossary_terms.set(GlossaryTerm.objects.filter(slug__in=slugs))


def relink_all_sections():
    """Render every section again with the current glossary (its Markdown is not touched),
    then refresh which terms each leaflet uses. Run after the glossary changes."""
    from medications.models import GlossaryTerm, Medication, Section

    linkers = linkers_for_all_languages()
    html_fields = [build_localized_fieldname("body_html", lang) for lang, _ in settings.LANGUAGES]
    term_ids = dict(GlossaryTerm.objects.values_list("slug", "pk"))
    changed = []
    used = {}
    with transaction.atomic():
        for section in Section.objects.all():
            before = [getattr(section, name) for name in html_fields]
            section.render(linkers=linkers)
            if [getattr(section, name) for name in html_fields] != before:
                changed.append(section)
            slugs = term_slugs_in(default_language_html(section))
            used.setdefault(section.medication_id, set()).update(slugs)
        Section.objects.bulk_update(changed, html_fields, batch_size=200)

        through = Medication.glossary_terms.through
        through.objects.all().delete()
        through.objects.bulk_create(
            [
                through(medication_id=medication_id, glossaryterm_id=term_ids[slug])
                for medication_id, slugs in used.items()
                for slug in sorted(slugs)
                if slug in term_ids
            ]
        )
    return len(changed)

"""Content -> search index rows: one per section per language, one per glossary term per language.

Each row holds what the page shows in that language (English falls back to Dutch, like the
page), as readable text for snippets and as analysed terms for matching. `rebuild()` runs in
load_content; the signals in medications/signals.py keep single changes in step.
"""

import uuid
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from modeltranslation.utils import build_localized_fieldname

from medications import analysis
from medications.models import (
    GlossaryTerm,
    Medication,
    SearchEntry,
    SearchIndexVersion,
    SearchWord,
    split_names,
)
from medications.search_models import GLOSSARY_KIND

BLOCK_ELEMENTS = {
    "address", "blockquote", "br", "dd", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
VOID_ELEMENTS = {"br", "hr", "img", "input", "meta", "link", "wbr"}
# Member descriptions longer than this are explanations, not names ('SCIg met een pomp').
MAX_NAME_WORDS = 2


def languages():
    return [code for code, _ in settings.LANGUAGES]


def localized(instance, field, language):
    """What a page in `language` shows: the translation, else the default language."""
    value = getattr(instance, build_localized_fieldname(field, language), None)
    if not value:
        value = getattr(instance, build_localized_fieldname(field, settings.LANGUAGE_CODE), None)
    return value or getattr(instance, field, "") or ""


# --- Readable text ------------------------------------------------------------------------


class ReadableTextParser(HTMLParser):
    """Text of stored HTML as a reader sees it, without glossary pop-ups (text in an element
    with a `popover` attribute only shows on request and belongs to the glossary term)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if self.hidden_depth:
            if tag not in VOID_ELEMENTS:
                self.hidden_depth += 1
        elif any(name == "popover" for name, _ in attrs) and tag not in VOID_ELEMENTS:
            self.hidden_depth = 1
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.hidden_depth and tag not in VOID_ELEMENTS:
            self.hidden_depth -= 1
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden_depth:
            self.parts.append(data)


@lru_cache(maxsize=256)
def readable_text(html):
    """Stored HTML -> plain text: blocks on their own line, spaces folded within a line."""
    parser = ReadableTextParser()
    parser.feed(html or "")
    parser.close()
    lines = (" ".join(unescape(line).split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# --- Names --------------------------------------------------------------------------------


def medication_names(medication, language):
    """Every name a patient may type for this medication: name, brands, aliases, members."""
    names = [localized(medication, "name", language)]
    names += medication.brand_name_list + medication.other_name_list
    for member in medication.members.all():
        names += member.brand_name_list
        substance = member.substance.split("(")[0].strip()
        if substance and len(substance.split()) <= MAX_NAME_WORDS:
            names.append(substance)
    return list(dict.fromkeys(name for name in names if name))


def term_names(term, language):
    return [localized(term, "term", language)] + split_names(localized(term, "variants", language))


def language_tag(language):
    return f"xlang{language}"


def kind_tag(kind):
    return "xkind" + kind.replace("-", "")


def medication_tag(medication_id):
    return f"xmed{medication_id}"


def tags(language, kind, medication_id=None):
    """Filter terms, one word each, for the FTS5 tags column (PostgreSQL filters on columns)."""
    parts = [language_tag(language), kind_tag(kind)]
    if medication_id is not None:
        parts.append(medication_tag(medication_id))
    return " ".join(parts)


# --- Rows ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Names:
    """A medication's names in one language, analysed once for all its sections."""

    terms: str
    words: tuple


def all_medication_names(medication):
    names = {}
    for language in languages():
        written = medication_names(medication, language)
        name_words = tuple(word for name in written for word in analysis.words(name))
        names[language] = Names(analysis.name_terms(written, language), name_words)
    return names


def section_entries(section, medication, names):
    """The index rows of one section, one per language; `names` from all_medication_names()."""
    entries = []
    for language in languages():
        heading = localized(section, "heading", language)
        text = readable_text(localized(section, "body_html", language))
        heading_words, text_words = analysis.words(heading), analysis.words(text)
        entry = SearchEntry(
            language=language,
            kind=section.kind,
            medication=medication,
            section=section,
            position=section.position,
            title=heading[:200],
            text=text,
            name_terms=names[language].terms,
            heading_terms=analysis.terms_of_words(heading_words, language),
            body_terms=analysis.terms_of_words(text_words, language),
            tags=tags(language, section.kind, medication.pk),
        )
        entry.words = vocabulary_words(heading_words, text_words, names[language].words)
        entries.append(entry)
    return entries


def term_entries(term):
    entries = []
    for language in languages():
        title = localized(term, "term", language)
        names = term_names(term, language)
        text = readable_text(localized(term, "explanation_html", language))
        entry = SearchEntry(
            language=language,
            kind=GLOSSARY_KIND,
            glossary_term=term,
            title=title[:200],
            text=text,
            name_terms=analysis.name_terms(names, language),
            body_terms=analysis.index_terms(text, language),
            tags=tags(language, GLOSSARY_KIND),
        )
        entry.words = vocabulary_words(*(analysis.words(t) for t in [text, *names]))
        entries.append(entry)
    return entries


def vocabulary_words(*word_lists):
    """Words as a reader types them, for the typo-correction vocabulary."""
    return {word for words in word_lists for word in words if not word.isdigit()}


# --- Writing ------------------------------------------------------------------------------


def save_entries(entries, rows, *, count_words=False):
    """Insert new rows; `rows` is a queryset of exactly those rows (by medication, section or
    term) for filling the tsvector on PostgreSQL. Their words join the vocabulary."""
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    if connection.vendor == "postgresql":
        rows.update(search_vector=search_vector(), title_vector=title_vector())
    words = {}
    for entry in entries:
        words.setdefault(entry.language, Counter()).update(entry.words)
    add_words(words, count_words=count_words)


def title_vector():
    """Names and heading as a weighted tsvector. The 'simple' configuration only splits on
    spaces and lowercases: no second stemmer on top of ours."""
    return SearchVector("name_terms", weight="A", config="simple") + SearchVector(
        "heading_terms", weight="B", config="simple"
    )


def search_vector():
    """The whole row: names, heading and text (weights A, B and C)."""
    return title_vector() + SearchVector("body_terms", weight="C", config="simple")


def add_words(words_by_language, *, count_words):
    """Words new to the vocabulary are added. A full rebuild (`count_words`) also stores in
    how many rows each word occurs; typo correction prefers the more common word."""
    # Plain SQL: one prepared statement run many times costs far less than an ORM
    # bulk_create that builds (and mostly throws away) an insert for every known word.
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    sql = (
        f"INSERT INTO {table} (language, word, frequency) VALUES (%s, %s, %s) "
        "ON CONFLICT (language, word) DO NOTHING"
    )
    rows = [
        (language, word, count if count_words else 1)
        for language, counts in words_by_language.items()
        for word, count in sorted(counts.items())
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def bump_version():
    token = uuid.uuid4().hex
    if not SearchIndexVersion.objects.filter(pk=1).update(token=token):
        SearchIndexVersion.objects.create(pk=1, token=token)


def current_version():
    return SearchIndexVersion.objects.filter(pk=1).values_list("token", flat=True).first() or ""


@transaction.atomic
def rebuild():
    """Throw the whole index away and build it again from the content. Returns the row count."""
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    entries = []
    for medication in Medication.objects.prefetch_related("members", "sections"):
        names = all_medication_names(medication)
        for section in medication.sections.all():
            entries.extend(section_entries(section, medication, names))
    for term in GlossaryTerm.objects.all():
        entries.extend(term_entries(term))
    save_entries(entries, SearchEntry.objects.all(), count_words=True)
    bump_version()
    return len(entries)


def tidy_after_rebuild():
    """PostgreSQL, after a rebuild has committed: clear the dead rows the rebuild left and
    refresh the statistics. Until autovacuum comes by, every search would step over the old
    rows, and the planner would guess a handful of rows and pick nested loops. VACUUM cannot
    run in a transaction: inside one (a test, a caller's atomic block) this does nothing."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for model in (SearchEntry, SearchWord, Medication):
            cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


@transaction.atomic
def reindex_medication(medication):
    """Index one leaflet again: all its sections, with its names on every one of them."""
    medication = Medication.objects.prefetch_related("members", "sections").get(pk=medication.pk)
    rows = SearchEntry.objects.filter(medication=medication)
    rows.delete()
    names = all_medication_names(medication)
    entries = []
    for section in medication.sections.all():
        entries.extend(section_entries(section, medication, names))
    save_entries(entries, rows)
    bump_version()


@transaction.atomic
def reindex_section(section):
    medication = Medication.objects.prefetch_related("members").get(pk=section.medication_id)
    rows = SearchEntry.objects.filter(section=section)
    rows.delete()
    save_entries(section_entries(section, medication, all_medication_names(medication)), rows)
    bump_version()


@transaction.atomic
def reindex_names(medication):
    """A medication's names (name, brands, aliases, members) changed: only the name terms of
    its rows change, so its sections are not read again."""
    medication = Medication.objects.prefetch_related("members").get(pk=medication.pk)
    names = all_medication_names(medication)
    rows = SearchEntry.objects.filter(medication=medication)
    changed = 0
    for language in languages():
        terms = names[language].terms
        changed += rows.filter(language=language).exclude(name_terms=terms).update(name_terms=terms)
    if changed:
        if connection.vendor == "postgresql":
            rows.update(search_vector=search_vector(), title_vector=title_vector())
        add_words(
            {
                language: Counter(vocabulary_words(names[language].words))
                for language in languages()
            },
            count_words=False,
        )
        bump_version()


@transaction.atomic
def reindex_term(term):
    rows = SearchEntry.objects.filter(glossary_term=term)
    rows.delete()
    save_entries(term_entries(term), rows)
    bump_version()

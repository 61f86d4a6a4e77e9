"""Content -> search index rows: one per section and one per glossary term, in each language
its page exists in (medications.languages decides: Dutch always, another language once the
leaflet or term is translated into it).

Each row holds what the page in that language shows, as readable text for snippets and as
analysed terms for matching, never another language's text: an English search finds English
pages only. The content's write path tells search what changed once per transaction
(search.receivers); `reindex()` then rebuilds the rows of exactly those medications and terms,
in that transaction, under the content version the write path has just made; `rebuild()` the
whole index, with a new one.
"""

from collections import Counter
from dataclasses import dataclass

from django.db import connection, transaction

from medications.languages import GLOSSARY_FIELDS, available_languages, filled, source_language
from medications.models import GlossaryTerm, Medication
from search import analysis
from search.backends import backend
from search.models import GLOSSARY_KIND, SearchEntry, SearchWord
from search.names import languages, medication_names, term_names, written_in
from search.readable import readable_text
from search.tags import tags
from serving.models import ContentVersion


def term_languages(term):
    """The languages the glossary shows this term in (medications.languages decides)."""
    return [
        language
        for language in languages()
        if language == source_language() or filled(term, GLOSSARY_FIELDS, language)
    ]


# --- Rows ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Names:
    """A medication's names in one language, analysed once for all its sections."""

    terms: str
    words: tuple


def all_medication_names(medication, page_languages):
    names = {}
    for language in page_languages:
        written = medication_names(medication, language)
        name_words = tuple(word for name in written for word in analysis.words(name, language))
        names[language] = Names(analysis.name_terms(written, language), name_words)
    return names


def section_entries(section, medication, names):
    """The index rows of one section, one per language of its leaflet's page; `names` from
    all_medication_names(), for those languages."""
    entries = []
    for language in names:
        heading = written_in(section, "heading", language)
        text = readable_text(written_in(section, "body_html", language))
        heading_words = analysis.words(heading, language)
        text_words = analysis.words(text, language)
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
    for language in term_languages(term):
        title = written_in(term, "term", language)
        names = term_names(term, language)
        text = readable_text(written_in(term, "explanation_html", language))
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
        entry.words = vocabulary_words(*(analysis.words(t, language) for t in [text, *names]))
        entries.append(entry)
    return entries


def vocabulary_words(*word_lists):
    """Words as a reader types them, for the typo-correction vocabulary."""
    return {word for words in word_lists for word in words if not word.isdigit()}


# --- Writing ------------------------------------------------------------------------------


def save_entries(entries, rows, *, count_words=False):
    """Insert new rows; `rows` is a queryset of exactly those rows, for the backend to finish
    (PostgreSQL fills its tsvectors). Their words join the vocabulary."""
    for entry in entries:
        entry.word_count = entry.count_words()
    SearchEntry.objects.bulk_create(entries, batch_size=500)
    backend().rows_written(rows)
    words = {}
    for entry in entries:
        words.setdefault(entry.language, Counter()).update(entry.words)
    add_words(words, count_words=count_words)


def add_words(words_by_language, *, count_words):
    """Words new to the vocabulary are added. A full rebuild (`count_words`) also stores in
    how many rows each word occurs; typo correction prefers the more common word."""
    # Plain SQL: one prepared statement run many times costs far less than an ORM
    # bulk_create that builds (and mostly throws away) an insert for every known word.
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    sql = (
        f"INSERT INTO {table} (language, word, frequency) VALUES (%s, %s, %s) "  # noqa: S608 (our table)
        "ON CONFLICT (language, word) DO NOTHING"
    )
    rows = [
        (language, word, count if count_words else 1)
        for language, counts in words_by_language.items()
        for word, count in sorted(counts.items())
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def medication_entries(medications):
    """Index rows of medications fetched with their members and sections prefetched."""
    entries = []
    for medication in medications:
        # Only the languages its page exists in: a leaflet translated in part has no page,
        # and no rows, in that language (an English search shows English pages only).
        names = all_medication_names(medication, available_languages(medication))
        for section in medication.sections.all():
            entries.extend(section_entries(section, medication, names))
    return entries


@transaction.atomic
def rebuild():
    """Throw the whole index away and build it again from the content. Returns the row count."""
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    entries = medication_entries(
        Medication.objects.prefetch_related("members", "sections", "working_copy__translations")
    )
    for term in GlossaryTerm.objects.all():
        entries.extend(term_entries(term))
    save_entries(entries, SearchEntry.objects.all(), count_words=True)
    ContentVersion.bump()  # what search finds changed: every worker reads its words again
    return len(entries)


@transaction.atomic
def reindex(medication_ids=(), term_ids=()):
    """Index these medications (all their sections, with their names on every row) and
    glossary terms again, in one go; ids of rows deleted since simply lose their entries."""
    medication_ids, term_ids = set(medication_ids), set(term_ids)
    if not medication_ids and not term_ids:
        return
    rows = SearchEntry.objects.filter(medication__in=medication_ids) | SearchEntry.objects.filter(
        glossary_term__in=term_ids
    )
    rows.delete()
    medications = Medication.objects.filter(pk__in=medication_ids)
    entries = medication_entries(
        medications.prefetch_related("members", "sections", "working_copy__translations")
    )
    for term in GlossaryTerm.objects.filter(pk__in=term_ids):
        entries.extend(term_entries(term))
    save_entries(entries, rows)


def tidy_after_rebuild():
    """After a rebuild has committed: the backend's upkeep (VACUUM ANALYZE on PostgreSQL)."""
    backend().tidy()

"""The search index: rows derived from the content by search.index, never edited by hand.

The `*_terms` columns hold text analysed in Python (search.analysis); SQLite indexes them in
an FTS5 table and PostgreSQL in `search_vector`. The tables were created by the medications
app (its migration 0002) before search became an app of its own, so they keep their names.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

GLOSSARY_KIND = "term"


class SearchEntry(models.Model):
    """One searchable piece in one language: a section of a leaflet, or a glossary term."""

    language = models.CharField(max_length=10)
    kind = models.CharField(max_length=30, help_text="Section kind (the anchor) or 'term'.")
    medication = models.ForeignKey(
        "medications.Medication", on_delete=models.CASCADE, null=True, related_name="+"
    )
    section = models.ForeignKey(
        "medications.Section", on_delete=models.CASCADE, null=True, related_name="+"
    )
    glossary_term = models.ForeignKey(
        "medications.GlossaryTerm", on_delete=models.CASCADE, null=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True, help_text="Readable text, for snippets.")
    name_terms = models.TextField(blank=True)
    heading_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    tags = models.CharField(max_length=200, help_text="Filter terms: language, kind, medication.")
    # PostgreSQL only: the three term columns as one weighted tsvector (A, B, C). The
    # column exists on SQLite too but stays empty there; the FTS5 table does its job.
    search_vector = SearchVectorField(null=True, editable=False)
    # PostgreSQL only: names and heading alone (A, B). Small, so ranking the many rows a
    # common word matches stays cheap; searched first (see search.query.broad_candidates).
    title_vector = SearchVectorField(null=True, editable=False)
    # How many words the three term columns hold. PostgreSQL divides a row's rank by its
    # log, as ts_rank's normalisation 1 does, without counting the vector's words per match.
    # Nullable, so SQLite adds the column in place: rebuilding the table would drop the
    # triggers that keep its FTS5 index in step.
    word_count = models.PositiveIntegerField(null=True, editable=False)

    class Meta:
        db_table = "medications_searchentry"
        ordering = ["language", "medication", "position"]
        verbose_name = "zoekindex-regel"
        verbose_name_plural = "zoekindex"
        constraints = [
            models.UniqueConstraint(
                fields=["section", "language"], name="unique_search_entry_per_section"
            ),
            models.UniqueConstraint(
                fields=["glossary_term", "language"], name="unique_search_entry_per_term"
            ),
        ]
        indexes = [models.Index(fields=["language", "kind"], name="search_entry_language_kind")]

    def __str__(self):
        return f"{self.language}: {self.title}"

    def get_absolute_url(self):
        if self.glossary_term_id:
            return self.glossary_term.get_absolute_url()
        return self.medication.section_url(self.kind)

    def count_words(self):
        return sum(len(t.split()) for t in [self.name_terms, self.heading_terms, self.body_terms])


class SearchWord(models.Model):
    """A word the portal itself uses, with how many index rows use it: typo correction
    only suggests words from here."""

    language = models.CharField(max_length=10)
    word = models.CharField(max_length=60)
    frequency = models.PositiveIntegerField(default=1)

    class Meta:
        db_table = "medications_searchword"
        ordering = ["language", "word"]
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="unique_search_word")
        ]

    def __str__(self):
        return self.word

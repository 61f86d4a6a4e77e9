"""The glossary (woordenlijst): hard words with their plain-Dutch explanation."""

from django.db import models
from django.urls import reverse

from medications.text import sort_key, split_names


class GlossaryTerm(models.Model):
    """A hard word with its plain-Dutch explanation (woordenlijst)."""

    term = models.CharField("term", max_length=120)
    slug = models.SlugField("anker", max_length=120, unique=True)
    variants = models.CharField(
        "andere vormen",
        max_length=500,
        blank=True,
        help_text="Meervoud, synoniemen, afkortingen; gescheiden door komma's.",
    )
    explanation_markdown = models.TextField("uitleg (Markdown)")
    explanation_html = models.TextField(editable=False, blank=True)
    # What the last load from a file wrote (content.fingerprints); empty: made in the admin.
    imported_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # The same per translation language: {language: fingerprint of its entry as last loaded}.
    imported_translations = models.JSONField(default=dict, blank=True, editable=False)
    # Optimistic concurrency, as for leaflets (medications.editing.admin.concurrency).
    edit_version = models.PositiveIntegerField("bewerkversie", default=0, editable=False)

    class Meta:
        ordering = ["term"]
        verbose_name = "term uit de woordenlijst"
        verbose_name_plural = "woordenlijst"

    def __str__(self):
        return self.term

    def get_absolute_url(self):
        return f"{reverse('medications:glossary')}#{self.slug}"

    @property
    def variant_list(self):
        return split_names(self.variants)

    @property
    def first_letter(self):
        return sort_key(self.term)[:1].upper() or "#"

"""A translation of a leaflet has its own state: each language has its own review status,
editor, reviewer and dates, and goes through the same steps as the Dutch text (draft ->
offered for review -> published, four eyes). It remembers the Dutch text it was reviewed
against (`source_text`, by part), so a later Dutch publication that changed a part makes it
out of date, and editors see exactly which Dutch words changed (medications.translation_status).
"""

from django.conf import settings
from django.db import models

from medications.choices import ReviewStatus


class Translation(models.Model):
    """One language of one leaflet (of its working copy)."""

    medication = models.ForeignKey(
        "Medication", on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField("taal", max_length=10)
    status = models.CharField(
        "status", max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    # The last change to the translated text: its editor may not publish it (four eyes).
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="laatst bewerkt door",
    )
    edited_at = models.DateTimeField("laatst bewerkt op", null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aangeboden door",
    )
    submitted_at = models.DateTimeField("aangeboden op", null=True, blank=True)
    returned_comment = models.TextField("teruggestuurd met opmerking", blank=True)
    returned_by = models.CharField("teruggestuurd door", max_length=150, blank=True)
    # Each publication of the translation raises it; 0: never published (patients see none).
    version_number = models.PositiveIntegerField("versie", default=0)
    approved_by = models.CharField("beoordeeld door", max_length=150, blank=True)
    approved_at = models.DateTimeField("beoordeeld en gepubliceerd op", null=True, blank=True)
    # The Dutch text the published translation follows: its version, date and words by part.
    source_version = models.PositiveIntegerField("Nederlandse versie", null=True, blank=True)
    source_published_at = models.DateTimeField("Nederlandse versie van", null=True, blank=True)
    source_text = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["medication", "language"]
        verbose_name = "vertaling"
        verbose_name_plural = "vertalingen"
        constraints = [
            models.UniqueConstraint(
                fields=["medication", "language"], name="one_translation_per_language"
            )
        ]

    def __str__(self):
        return f"{self.medication} ({self.language})"

    @property
    def is_published(self):
        """Whether patients can read a reviewed version of it (the live copy has it)."""
        return self.version_number > 0

"""The editorial trail of a leaflet: what was published or taken offline, when, by whom."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from medications.choices import PublicationKind


class Publication(models.Model):
    """One step of a leaflet towards or away from patients, with the publisher's summary."""

    medication = models.ForeignKey(
        "Medication", on_delete=models.CASCADE, related_name="publications"
    )
    kind = models.CharField("soort", max_length=20, choices=PublicationKind.choices)
    summary = models.CharField("wat is er veranderd", max_length=200)
    published_at = models.DateTimeField("datum", default=timezone.now)
    # The leaflet's version number this publication made (document control); empty for
    # steps that made none (taken offline) and for publications older than this field.
    version = models.PositiveIntegerField("versie", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="door",
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = "publicatie"
        verbose_name_plural = "publicaties"

    def __str__(self):
        return f"{self.medication}: {self.summary}"

"""What readers say about a page: "Heeft deze informatie u geholpen?".

Anonymous by design: no name, no IP address, no cookie, no time of day. A row holds the
leaflet (its working copy, the one editors see), the section if the reader chose one, the
page, the answer, an optional short comment and the date.
"""

from django.core.validators import MaxLengthValidator
from django.db import models

from medications.choices import SectionKind
from medications.models.leaflets import Medication

MAX_COMMENT_LENGTH = 500


class Feedback(models.Model):
    medication = models.ForeignKey(
        Medication,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name="folder",
        limit_choices_to={"is_live": False},
    )
    page = models.CharField("pagina", max_length=200)
    section_kind = models.CharField(
        "onderdeel", max_length=30, choices=SectionKind.choices, blank=True
    )
    helpful = models.BooleanField("geholpen")
    comment = models.TextField(
        "toelichting",
        max_length=MAX_COMMENT_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(MAX_COMMENT_LENGTH)],
    )
    created_on = models.DateField("datum", auto_now_add=True)

    class Meta:
        ordering = ["-created_on", "-id"]
        verbose_name = "reactie van een lezer"
        verbose_name_plural = "reacties van lezers"

    def __str__(self):
        answer = "ja" if self.helpful else "nee"
        return f"{self.page}: {answer} ({self.created_on:%d-%m-%Y})"

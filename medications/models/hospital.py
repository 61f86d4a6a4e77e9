"""The hospital's own route for patients: its phone numbers by purpose and time of day.

This is the hospital's general route, kept by an Eindredacteur in the admin (with history),
and shown in every safety box and on every printed page, labelled as the hospital's: it is
never a fact of a leaflet. The line "Bij levensbedreigende klachten: bel 112" is fixed in
the templates and always shown.
"""

from django.db import models

from medications.choices import URGENT_PURPOSES, ContactPurpose
from medications.safety import tel_digits
from medications.validators import validate_phone


class HospitalContactQuerySet(models.QuerySet):
    def urgent(self):
        return self.filter(purpose__in=URGENT_PURPOSES)


class HospitalContact(models.Model):
    purpose = models.CharField("waarvoor", max_length=20, choices=ContactPurpose.choices)
    name = models.CharField(
        "wie neemt op", max_length=120, help_text="Bijvoorbeeld: Spoedeisende Hulp."
    )
    hours = models.CharField(
        "wanneer",
        max_length=120,
        blank=True,
        help_text="Bijvoorbeeld: maandag tot en met vrijdag 8.00 tot 17.00 uur; 24 uur per dag.",
    )
    phone = models.CharField("telefoon", max_length=30, validators=[validate_phone])
    position = models.PositiveSmallIntegerField("volgorde", default=0)

    objects = HospitalContactQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "telefoonnummer van het ziekenhuis"
        verbose_name_plural = "telefoonnummers van het ziekenhuis (route voor patiënten)"

    def __str__(self):
        return f"{self.get_purpose_display()}: {self.name}, {self.phone}"

    @property
    def tel(self):
        return tel_digits(self.phone)

    @property
    def is_urgent(self):
        return self.purpose in URGENT_PURPOSES

"""The domain: medications (or groups of them), their sections, members and the glossary."""

from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property

from medications.choices import CORE_SECTION_KINDS, MedicationKind, Route, SectionKind
from medications.text import format_source_date, sort_key, split_names
from medications.validators import (
    validate_lowercase_slug,
    validate_not_in_future,
    validate_source_date,
)

__all__ = [
    "CORE_SECTION_KINDS",
    "GlossaryTerm",
    "Medication",
    "MedicationKind",
    "Member",
    "Route",
    "Section",
    "SectionKind",
]


class MedicationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_page_content(self):
        """Everything a medication page shows, in a constant number of queries."""
        return self.prefetch_related("sections", "members")


class Medication(models.Model):
    """A medication, or a group of medications that one leaflet covers."""

    slug = models.CharField(
        "webadres", max_length=80, unique=True, validators=[validate_lowercase_slug]
    )
    name = models.CharField("naam", max_length=120)
    kind = models.CharField("soort", max_length=20, choices=MedicationKind.choices)
    route = models.CharField("toediening", max_length=30, choices=Route.choices)
    summary = models.TextField("samenvatting", help_text="Eén alinea: wat het is en waarvoor.")
    brand_names = models.CharField(
        "merknamen", max_length=300, blank=True, help_text="Gescheiden door komma's."
    )
    other_names = models.CharField(
        "andere namen",
        max_length=500,
        blank=True,
        help_text="Andere woorden die een patiënt kan zoeken, gescheiden door komma's.",
    )
    source_publisher = models.CharField(
        "bron: uitgever",
        max_length=200,
        blank=True,
        help_text="Leeg als de folder geen maker noemt.",
    )
    source_title = models.CharField("bron: titel folder", max_length=300)
    source_date = models.CharField(
        "bron: datum",
        max_length=10,
        blank=True,
        validators=[validate_source_date],
        help_text="Jaar, JJJJ-MM of JJJJ-MM-DD.",
    )
    source_note = models.CharField("bron: opmerking", max_length=300, blank=True)
    last_reviewed = models.DateField("laatst gecontroleerd", validators=[validate_not_in_future])
    is_published = models.BooleanField("gepubliceerd", default=True)
    content_file = models.CharField(
        "inhoudsbestand",
        max_length=200,
        blank=True,
        help_text="Het bestand in content/leaflets/ waaruit deze pagina wordt geladen.",
    )
    content_hash = models.CharField(max_length=64, blank=True, editable=False)
    glossary_terms = models.ManyToManyField(
        "GlossaryTerm", blank=True, related_name="medications", verbose_name="gebruikte termen"
    )
    updated_at = models.DateTimeField("gewijzigd", auto_now=True)

    objects = MedicationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "medicijn"
        verbose_name_plural = "medicijnen"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("medications:detail", kwargs={"slug": self.slug})

    def section_url(self, anchor):
        """The address of one section of this page: the only place it is built."""
        return f"{self.get_absolute_url()}#{anchor}"

    @property
    def brand_name_list(self):
        return split_names(self.brand_names)

    @property
    def other_name_list(self):
        return split_names(self.other_names)

    @property
    def source_date_display(self):
        return format_source_date(self.source_date)

    @cached_property
    def ordered_sections(self):
        """Sections in page order; uses the prefetch cache when there is one."""
        return sorted(self.sections.all(), key=lambda section: section.position)

    @property
    def missing_core_kinds(self):
        """Core topics the leaflet lacks: no section, or a section saying the source is silent."""
        covered = {s.kind for s in self.sections.all() if not s.source_silent}
        return [kind for kind in CORE_SECTION_KINDS if kind not in covered]


class Member(models.Model):
    """One medicine within a group leaflet, e.g. tofacitinib (Xeljanz) among the JAK-remmers."""

    medication = models.ForeignKey(Medication, on_delete=models.CASCADE, related_name="members")
    substance = models.CharField("werkzame stof of vorm", max_length=120)
    brand_names = models.CharField("merknamen", max_length=300, blank=True)
    note = models.CharField("toelichting", max_length=500, blank=True)
    position = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["medication", "position"]
        verbose_name = "lid van de groep"
        verbose_name_plural = "leden van de groep"
        constraints = [
            models.UniqueConstraint(
                fields=["medication", "substance"],
                name="unique_member_per_medication",
                violation_error_message="een lid staat twee keer in de groep.",
            )
        ]

    def __str__(self):
        brands = ", ".join(self.brand_name_list)
        return f"{self.substance} ({brands})" if brands else self.substance

    @property
    def brand_name_list(self):
        return split_names(self.brand_names)


class Section(models.Model):
    """One topic of a leaflet: its question heading and its text in Markdown."""

    medication = models.ForeignKey(Medication, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField("onderdeel", max_length=30, choices=SectionKind.choices)
    position = models.PositiveSmallIntegerField(editable=False, default=0)
    heading = models.CharField("kop (een vraag van de patiënt)", max_length=200)
    body_markdown = models.TextField("tekst (Markdown)")
    body_html = models.TextField(editable=False, blank=True)
    source_silent = models.BooleanField(
        "de folder zegt hier niets over",
        default=False,
        help_text="Aan als de bronfolder over dit onderwerp geen informatie geeft.",
    )

    class Meta:
        ordering = ["medication", "position"]
        verbose_name = "onderdeel"
        verbose_name_plural = "onderdelen"
        constraints = [
            models.UniqueConstraint(fields=["medication", "kind"], name="unique_section_kind")
        ]

    def __str__(self):
        return f"{self.medication}: {self.heading}"

    def save(self, *args, **kwargs):
        # Same-row work only: the HTML is rendered by the write path (medications.publishing).
        self.position = SectionKind.position_of(self.kind)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return self.medication.section_url(self.kind)

    @property
    def anchor(self):
        return self.kind

    @property
    def is_alarm(self):
        return self.kind == SectionKind.WANNEER_CONTACT


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
    source_hash = models.CharField(max_length=64, blank=True, editable=False)

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

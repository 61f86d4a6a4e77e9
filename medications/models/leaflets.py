"""Leaflets: a medication (or a group of them) with its members and sections.

Each leaflet exists twice. The *working copy* is what editors change (the admin, the
loader, history); the *live copy* is what patients see (pages, print, search), made from the
working copy when it is published (medications.publishing). `Medication.objects` holds the
live copies and is the default manager (so related managers never return a draft),
`Medication.working_copies` the working ones, and `all_copies` both.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from medications import safety
from medications.choices import (
    CORE_SECTION_KINDS,
    MedicationKind,
    PublicationKind,
    ReviewStatus,
    Route,
    SectionKind,
)
from medications.models.workflow import Publication
from medications.text import format_source_date, split_lines, split_names
from medications.validators import (
    validate_atc_code,
    validate_lowercase_slug,
    validate_not_in_future,
    validate_source_date,
)


class MedicationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_live=True, is_published=True)

    def with_translations(self):
        """Each leaflet's translations and their state (which languages patients can read)."""
        return self.prefetch_related("working_copy__translations")

    def with_page_content(self):
        """Everything a medication page shows, in a constant number of queries."""
        published = models.Prefetch(
            "publications", queryset=Publication.objects.filter(kind=PublicationKind.PUBLISHED)
        )
        return self.prefetch_related(
            "sections",
            "members",
            "glossary_terms",
            published,
            models.Prefetch("working_copy__publications", queryset=published.queryset),
            "working_copy__translations",
        )

    def review_due(self, within_days=30):
        """Working copies whose next review is overdue or due within `within_days`, soonest
        first (a list: the due date may be a default, worked out per leaflet)."""
        due_by = timezone.localdate() + datetime.timedelta(days=within_days)
        due = [m for m in self.filter(is_live=False) if m.next_review_due <= due_by]
        return sorted(due, key=lambda medication: (medication.next_review_due, medication.name))


class CopyManager(models.Manager):
    """The live copies (`live=True`) or the working copies of leaflets."""

    def __init__(self, *, live=True, through=""):
        super().__init__()
        self.filter_name = f"{through}is_live"
        self.live = live

    def get_queryset(self):
        return super().get_queryset().filter(**{self.filter_name: self.live})


class LiveMedicationManager(CopyManager.from_queryset(MedicationQuerySet)):
    pass


class Medication(models.Model):
    """A medication, or a group of medications that one leaflet covers."""

    slug = models.CharField("webadres", max_length=80, validators=[validate_lowercase_slug])
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
    substance = models.CharField(
        "werkzame stof",
        max_length=120,
        blank=True,
        help_text="De algemene naam van de werkzame stof (INN), bijvoorbeeld infliximab. Leeg "
        "bij een groep: de leden noemen hun stof.",
    )
    atc = models.CharField(
        "ATC-code",
        max_length=7,
        blank=True,
        validators=[validate_atc_code],
        help_text="De code van dit medicijn in de ATC-indeling van de WHO, bijvoorbeeld "
        "L04AX01. Alleen voor koppelingen met andere systemen (API, FHIR); patiënten zien hem "
        "niet. Leeg bij een groep: zet de codes dan bij de leden.",
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
    key_points = models.TextField(
        "in het kort",
        blank=True,
        help_text="Hoogstens vijf korte punten, één per regel, alleen uit deze folder.",
    )
    alarm = models.JSONField(
        "wanneer contact opnemen (alarmsignalen)",
        default=list,
        blank=True,
        help_text="Elke situatie uit de folder met al haar klachten, wat de patiënt dan doet "
        "en hoe snel (alleen als de folder dat zegt). Zie content/README.md.",
    )
    contacts = models.JSONField(
        "telefoonnummers uit de folder",
        default=list,
        blank=True,
        help_text="Elk nummer met waarvoor het is (spoed, vragen, afspraken, buiten "
        "kantoortijd) en van wie (bijvoorbeeld 'UMC Utrecht').",
    )
    questions = models.JSONField(
        "veelgestelde vragen",
        default=dict,
        blank=True,
        help_text="Alleen de vragen waarop de folder antwoord geeft; de andere krijgen "
        "'De folder zegt hier niets over'.",
    )
    adaptations = models.TextField(
        "aangepast voor Nederland",
        blank=True,
        help_text="Wat de redactie aan een buitenlandse folder heeft veranderd, één punt per "
        "regel. Staat zichtbaar op de pagina.",
    )
    last_reviewed = models.DateField("laatst gecontroleerd", validators=[validate_not_in_future])
    reviewed_by = models.CharField("gecontroleerd door", max_length=120, blank=True)
    next_review = models.DateField(
        "volgende controle",
        null=True,
        blank=True,
        help_text="Leeg: de laatste controle plus de vaste termijn (PORTAL_REVIEW_INTERVAL_DAYS).",
    )
    is_published = models.BooleanField("online", default=True)
    is_live = models.BooleanField("live kopie", default=False, editable=False)
    working_copy = models.OneToOneField(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="live_copy",
        help_text="Bij de live kopie: de werkversie waaruit zij is gepubliceerd.",
    )
    status = models.CharField(
        "status", max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    content_file = models.CharField(
        "inhoudsbestand",
        max_length=200,
        blank=True,
        help_text="Het bestand in content/leaflets/ waaruit deze pagina wordt geladen.",
    )
    # What the last load from a file wrote (content.fingerprints): tells an edit made in the
    # admin since then from a change of the file.
    imported_fingerprints = models.JSONField(default=dict, blank=True, editable=False)
    # The same per translation language: {language: fingerprint of its file as last loaded}.
    imported_translations = models.JSONField(default=dict, blank=True, editable=False)
    glossary_terms = models.ManyToManyField(
        "GlossaryTerm", blank=True, related_name="medications", verbose_name="gebruikte termen"
    )
    updated_at = models.DateTimeField("gewijzigd", auto_now=True)
    # Optimistic concurrency: every change through the write path raises it; a form loaded
    # from an older value is refused (medications.editing.admin.concurrency).
    edit_version = models.PositiveIntegerField("bewerkversie", default=0, editable=False)
    # Document control: shown in the page footer and on every printed page.
    owner_department = models.CharField(
        "eigenaar (afdeling)",
        max_length=120,
        blank=True,
        help_text="De afdeling die verantwoordelijk is voor de inhoud, bijvoorbeeld Reumatologie.",
    )
    reference_number = models.CharField(
        "kenmerk", max_length=40, blank=True, help_text="Het documentnummer van het ziekenhuis."
    )
    version_number = models.PositiveIntegerField("versie", default=0, editable=False)
    approved_by = models.CharField("goedgekeurd door", max_length=150, blank=True, editable=False)
    approved_at = models.DateTimeField("goedgekeurd op", null=True, blank=True, editable=False)
    # Four eyes: who offered it for review, and a reviewer's comment when sent back.
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="aangeboden door",
    )
    submitted_at = models.DateTimeField("aangeboden op", null=True, blank=True, editable=False)
    returned_comment = models.TextField("teruggestuurd met opmerking", blank=True, editable=False)
    returned_by = models.CharField("teruggestuurd door", max_length=150, blank=True, editable=False)
    returned_at = models.DateTimeField("teruggestuurd op", null=True, blank=True, editable=False)
    # Withdrawal: the old address answers 410 with the reason and the date.
    withdrawn_reason = models.TextField("reden van intrekken", blank=True, editable=False)
    withdrawn_at = models.DateTimeField("ingetrokken op", null=True, blank=True, editable=False)

    all_copies = MedicationQuerySet.as_manager()
    objects = LiveMedicationManager(live=True)
    working_copies = LiveMedicationManager(live=False)

    class Meta:
        ordering = ["name"]
        verbose_name = "medicijn"
        verbose_name_plural = "medicijnen"
        # Live copies by default, so related managers (`term.medications`) and anything
        # generic never show a draft; working copies are asked for by name.
        default_manager_name = "objects"
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "is_live"],
                name="unique_slug_per_copy",
                violation_error_message="Er is al een folder met dit webadres.",
            )
        ]
        permissions = [
            ("publish_medication", "Mag folders publiceren, offline halen en terugzetten"),
            ("review_medication", "Mag controledata vastleggen"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("medications:detail", kwargs={"slug": self.slug})

    def validate_constraints(self, exclude=None):
        """The slug is unique per copy. Checked here, among all copies: Django would check
        with the default manager, which holds the live copies only."""
        exclude = set(exclude or ())
        super().validate_constraints(exclude=exclude | {"slug"})
        if "slug" in exclude:
            return
        clash = Medication.all_copies.filter(slug=self.slug, is_live=self.is_live)
        if clash.exclude(pk=self.pk).exists():
            constraint = next(c for c in self._meta.constraints if "slug" in c.fields)
            raise ValidationError(constraint.get_violation_error_message(), code="unique")

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
    def key_point_list(self):
        return split_lines(self.key_points)

    @property
    def adaptation_list(self):
        return split_lines(self.adaptations)

    @cached_property
    def alarm_groups(self):
        return safety.alarm_groups(self.alarm)

    @property
    def has_direct_alarm(self):
        """Whether the leaflet says to act at once for any of its alarm signs."""
        return any(group.is_direct for group in self.alarm_groups)

    @cached_property
    def leaflet_contacts(self):
        return safety.leaflet_contacts(self.contacts)

    @property
    def common_answers(self):
        return safety.answers(self.questions)

    @property
    def change_log(self):
        """What was published, newest first, with the publisher's summary ("Wat is er
        veranderd?"): the working copy keeps the trail of both copies."""
        owner = self.working_copy if self.is_live else self
        if owner is None:
            return []
        return [p for p in owner.publications.all() if p.kind == PublicationKind.PUBLISHED]

    @property
    def next_review_due(self):
        """The next review: as set, else the fixed period after the last one."""
        if self.next_review or not self.last_reviewed:
            return self.next_review
        return self.last_reviewed + datetime.timedelta(days=settings.REVIEW_INTERVAL_DAYS)

    @property
    def is_review_overdue(self):
        return self.next_review_due is not None and self.next_review_due < timezone.localdate()

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
    atc = models.CharField(
        "ATC-code",
        max_length=7,
        blank=True,
        validators=[validate_atc_code],
        help_text="De ATC-code van dit lid, bijvoorbeeld L04AF01. Alleen voor koppelingen met "
        "andere systemen; patiënten zien hem niet.",
    )
    position = models.PositiveSmallIntegerField("volgorde", default=0)

    all_copies = models.Manager()
    objects = CopyManager(live=True, through="medication__")

    class Meta:
        default_manager_name = "all_copies"
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

    all_copies = models.Manager()
    objects = CopyManager(live=True, through="medication__")

    class Meta:
        default_manager_name = "all_copies"
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

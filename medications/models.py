"""The domain: medications (or groups of them), their sections, members and the glossary."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from modeltranslation.utils import build_localized_fieldname

from medications import glossary_links
from medications.rendering import render_markdown
from medications.text import format_source_date, sort_key


def split_names(value):
    """Turn an editor's comma-separated list into a clean list of names."""
    return [name.strip() for name in value.split(",") if name.strip()]


class MedicationKind(models.TextChoices):
    """What kind of medicine this is; the home page groups by it, in this order."""

    REUMAREMMER = "reumaremmer", "Reumaremmers"
    BIOLOGICAL = "biological", "Biologicals"
    JAK_REMMER = "jak-remmer", "JAK-remmers"
    IMMUNOGLOBULINE = "immunoglobuline", "Immunoglobulinen"


class Route(models.TextChoices):
    TABLET = "tablet", "Tablet"
    SUBCUTANEOUS_INJECTION = "onderhuidse-injectie", "Injectie onder de huid"
    INFUSION = "infuus", "Infuus"
    INFUSION_OR_SUBCUTANEOUS = "infuus-of-onderhuids", "Infuus of onder de huid"


class SectionKind(models.TextChoices):
    """The fixed section vocabulary. The value is the page anchor; the order is the page order."""

    WERKING = "werking", "Wat is het en hoe werkt het?"
    AANDOENING = "aandoening", "De aandoening"
    VOOR_DE_START = "voor-de-start", "Voordat u begint"
    NIET_GEBRUIKEN = "niet-gebruiken", "Wanneer niet gebruiken"
    DOSERING = "dosering", "Hoe gebruikt u het?"
    WANNEER_WERKT_HET = "wanneer-werkt-het", "Wanneer werkt het?"
    BIJWERKINGEN = "bijwerkingen", "Bijwerkingen"
    WANNEER_CONTACT = "wanneer-contact", "Wanneer neemt u contact op?"
    CONTROLES = "controles", "Bloedcontroles en andere controles"
    ZWANGERSCHAP = "zwangerschap", "Zwangerschap, borstvoeding en kinderwens"
    VACCINATIE = "vaccinatie", "Vaccinaties"
    OPERATIES = "operaties", "Operaties en de tandarts"
    ANDERE_MEDICIJNEN = "andere-medicijnen", "Andere medicijnen"
    BEWAREN = "bewaren", "Bewaren"
    REIZEN = "reizen", "Op reis"
    MEER_WETEN = "meer-weten", "Meer weten"
    VRAGEN = "vragen", "Vragen en contact"

    @classmethod
    def position_of(cls, value):
        return cls.values.index(value)


CORE_SECTION_KINDS = (
    SectionKind.DOSERING,
    SectionKind.BIJWERKINGEN,
    SectionKind.CONTROLES,
    SectionKind.ZWANGERSCHAP,
    SectionKind.VACCINATIE,
    SectionKind.OPERATIES,
)


class MedicationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def with_page_content(self):
        """Everything a medication page shows, in a constant number of queries."""
        return self.prefetch_related("sections", "members")


class Medication(models.Model):
    """A medication, or a group of medications that one leaflet covers."""

    slug = models.SlugField("webadres", max_length=80, unique=True)
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
        "bron: datum", max_length=10, blank=True, help_text="Jaar, JJJJ-MM of JJJJ-MM-DD."
    )
    source_note = models.CharField("bron: opmerking", max_length=300, blank=True)
    last_reviewed = models.DateField("laatst gecontroleerd")
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
                fields=["medication", "substance"], name="unique_member_per_medication"
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
        self.position = SectionKind.position_of(self.kind)
        self.render()
        super().save(*args, **kwargs)
        glossary_links.record_terms_used(self.medication)

    def get_absolute_url(self):
        return f"{self.medication.get_absolute_url()}#{self.kind}"

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        glossary_links.record_terms_used(self.medication)
        return result

    def render(self, linkers=None):
        """Store sanitised HTML for every language, with glossary terms marked up, so pages
        never render Markdown. `linkers` (language -> GlossaryLinker) saves queries in bulk."""
        if linkers is None:
            linkers = glossary_links.linkers_for_all_languages()
        for language, _ in settings.LANGUAGES:
            source = getattr(self, build_localized_fieldname("body_markdown", language), "")
            html = render_markdown(source or "", id_prefix=self.kind, glossary=linkers[language])
            setattr(self, build_localized_fieldname("body_html", language), html)

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

    def save(self, *args, **kwargs):
        for language, _ in settings.LANGUAGES:
            source = getattr(self, build_localized_fieldname("explanation_markdown", language), "")
            html = render_markdown(source or "", id_prefix=self.slug)
            setattr(self, build_localized_fieldname("explanation_html", language), html)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return f"{reverse('medications:glossary')}#{self.slug}"

    @property
    def variant_list(self):
        return split_names(self.variants)

    @property
    def first_letter(self):
        return sort_key(self.term)[:1].upper() or "#"


# The search index lives in its own module; importing it here registers its models.
from medications.search_models import SearchEntry, SearchIndexVersion, SearchWord  # noqa: E402, F401

"""The fixed vocabularies of the domain: kinds of medicine, routes and section kinds."""

from django.db import models


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

    @classmethod
    def canonical(cls, values):
        """Section codes as one way of writing them: only valid ones, once, in page order."""
        return tuple(kind for kind in cls.values if kind in set(values))


CORE_SECTION_KINDS = (
    SectionKind.DOSERING,
    SectionKind.BIJWERKINGEN,
    SectionKind.CONTROLES,
    SectionKind.ZWANGERSCHAP,
    SectionKind.VACCINATIE,
    SectionKind.OPERATIES,
)


class ReviewStatus(models.TextChoices):
    """Where a working copy stands on its way to patients."""

    DRAFT = "concept", "Concept"
    IN_REVIEW = "ter-beoordeling", "Ter beoordeling"
    PUBLISHED = "gepubliceerd", "Gepubliceerd"


class PublicationKind(models.TextChoices):
    PUBLISHED = "gepubliceerd", "Gepubliceerd"
    UNPUBLISHED = "offline", "Offline gehaald"

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


class Urgency(models.TextChoices):
    """How fast the leaflet says to act on an alarm sign: only what the leaflet states."""

    DIRECT = "direct", "Meteen"
    NOT_STATED = "niet-genoemd", "De folder zegt niet hoe snel"


class ContactPurpose(models.TextChoices):
    """What a phone number is for. Only urgent numbers appear in the safety box."""

    URGENT = "spoed", "Bij spoed"
    OUT_OF_HOURS = "buiten-kantoortijd", "Buiten kantoortijd"
    QUESTIONS = "vragen", "Voor vragen"
    APPOINTMENTS = "afspraken", "Voor afspraken en planning"


URGENT_PURPOSES = (ContactPurpose.URGENT, ContactPurpose.OUT_OF_HOURS)


class CommonQuestion(models.TextChoices):
    """Questions patients often ask, on every leaflet; answered only from the leaflet."""

    MISSED_DOSE = "dosis-vergeten", "Wat doe ik als ik een dosis ben vergeten?"
    ALCOHOL = "alcohol", "Mag ik alcohol drinken?"
    DRIVING = "autorijden", "Mag ik autorijden?"
    SUN = "zon", "Moet ik oppassen met de zon?"
    SIDE_EFFECT_FREQUENCY = "bijwerkingen-hoe-vaak", "Hoe vaak komen bijwerkingen voor?"

"""The fixed vocabularies of the domain: kinds of medicine, routes and section kinds."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class MedicationKind(models.TextChoices):
    """What kind of medicine this is; the home page groups by it, in this order."""

    REUMAREMMER = "reumaremmer", _("Reumaremmers")
    BIOLOGICAL = "biological", _("Biologicals")
    JAK_REMMER = "jak-remmer", _("JAK-remmers")
    IMMUNOGLOBULINE = "immunoglobuline", _("Immunoglobulinen")


class Route(models.TextChoices):
    TABLET = "tablet", _("Tablet")
    SUBCUTANEOUS_INJECTION = "onderhuidse-injectie", _("Injectie onder de huid")
    INFUSION = "infuus", _("Infuus")
    INFUSION_OR_SUBCUTANEOUS = "infuus-of-onderhuids", _("Infuus of onder de huid")


class SectionKind(models.TextChoices):
    """The fixed section vocabulary. The value is the page anchor; the order is the page order."""

    WERKING = "werking", _("Wat is het en hoe werkt het?")
    AANDOENING = "aandoening", _("De aandoening")
    VOOR_DE_START = "voor-de-start", _("Voordat u begint")
    NIET_GEBRUIKEN = "niet-gebruiken", _("Wanneer niet gebruiken")
    DOSERING = "dosering", _("Hoe gebruikt u het?")
    WANNEER_WERKT_HET = "wanneer-werkt-het", _("Wanneer werkt het?")
    BIJWERKINGEN = "bijwerkingen", _("Bijwerkingen")
    WANNEER_CONTACT = "wanneer-contact", _("Wanneer neemt u contact op?")
    CONTROLES = "controles", _("Bloedcontroles en andere controles")
    ZWANGERSCHAP = "zwangerschap", _("Zwangerschap, borstvoeding en kinderwens")
    VACCINATIE = "vaccinatie", _("Vaccinaties")
    OPERATIES = "operaties", _("Operaties en de tandarts")
    ANDERE_MEDICIJNEN = "andere-medicijnen", _("Andere medicijnen")
    BEWAREN = "bewaren", _("Bewaren")
    REIZEN = "reizen", _("Op reis")
    MEER_WETEN = "meer-weten", _("Meer weten")
    VRAGEN = "vragen", _("Vragen en contact")

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

    DRAFT = "concept", _("Concept")
    IN_REVIEW = "ter-beoordeling", _("Ter beoordeling")
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")


class PublicationKind(models.TextChoices):
    PUBLISHED = "gepubliceerd", _("Gepubliceerd")
    UNPUBLISHED = "offline", _("Offline gehaald")


class Urgency(models.TextChoices):
    """How fast the leaflet says to act on an alarm sign: only what the leaflet states."""

    DIRECT = "direct", _("Meteen")
    NOT_STATED = "niet-genoemd", _("De folder zegt niet hoe snel")


class ContactPurpose(models.TextChoices):
    """What a phone number is for. Only urgent numbers appear in the safety box."""

    URGENT = "spoed", _("Bij spoed")
    OUT_OF_HOURS = "buiten-kantoortijd", _("Buiten kantoortijd")
    QUESTIONS = "vragen", _("Voor vragen")
    APPOINTMENTS = "afspraken", _("Voor afspraken en planning")


URGENT_PURPOSES = (ContactPurpose.URGENT, ContactPurpose.OUT_OF_HOURS)


class CommonQuestion(models.TextChoices):
    """Questions patients often ask, on every leaflet; answered only from the leaflet."""

    MISSED_DOSE = "dosis-vergeten", _("Wat doe ik als ik een dosis ben vergeten?")
    ALCOHOL = "alcohol", _("Mag ik alcohol drinken?")
    DRIVING = "autorijden", _("Mag ik autorijden?")
    SUN = "zon", _("Moet ik oppassen met de zon?")
    SIDE_EFFECT_FREQUENCY = "bijwerkingen-hoe-vaak", _("Hoe vaak komen bijwerkingen voor?")


def stored_label(choice):
    """A choice's label as stored text holds it (a publication summary, the admin's log): in
    the source language, whatever language the request that writes it is in. The labels are
    translated for the pages (gettext_lazy); what is stored is Dutch."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(choice.label)

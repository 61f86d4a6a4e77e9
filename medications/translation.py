"""Fields a translator would translate (django-modeltranslation; nl is the default)."""

from modeltranslation.translator import TranslationOptions, register

from medications.models import GlossaryTerm, Medication, Member, Section


@register(Medication)
class MedicationTranslationOptions(TranslationOptions):
    fields = ("name", "summary", "key_points")


@register(Member)
class MemberTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body_markdown", "body_html")


@register(GlossaryTerm)
class GlossaryTermTranslationOptions(TranslationOptions):
    fields = ("term", "variants", "explanation_markdown", "explanation_html")

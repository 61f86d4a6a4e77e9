"""Fields a translator would translate (django-modeltranslation; nl is the default). The
structured safety data (alarm, contacts, questions) has a column per language too: its
codes and numbers are the Dutch ones, its words the language's (content.translations checks)."""

from modeltranslation.translator import TranslationOptions, register

from medications.models import GlossaryTerm, Medication, Member, Section


@register(Medication)
class MedicationTranslationOptions(TranslationOptions):
    fields = (
        "name",
        "summary",
        "key_points",
        "source_note",
        "alarm",
        "contacts",
        "questions",
        "adaptations",
    )


@register(Member)
class MemberTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body_markdown", "body_html")


@register(GlossaryTerm)
class GlossaryTermTranslationOptions(TranslationOptions):
    fields = ("term", "variants", "explanation_markdown", "explanation_html")

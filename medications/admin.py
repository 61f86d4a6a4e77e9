"""The editors' admin: medications with their sections and members inline, and the glossary."""

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from medications import publishing
from medications.models import (
    CORE_SECTION_KINDS,
    GlossaryTerm,
    Medication,
    Member,
    Section,
    SectionKind,
)


class WritePathAdmin(TranslationAdmin):
    """Every change made through these admin pages goes through the write path: its
    derived data (HTML, terms used, search) is made once, when the request's change ends."""

    def changeform_view(self, *args, **kwargs):
        with publishing.changes():
            return super().changeform_view(*args, **kwargs)

    def delete_view(self, *args, **kwargs):
        with publishing.changes():
            return super().delete_view(*args, **kwargs)

    def changelist_view(self, *args, **kwargs):  # actions and bulk deletes
        with publishing.changes():
            return super().changelist_view(*args, **kwargs)


class SectionInline(TranslationStackedInline):
    model = Section
    extra = 0
    fields = ("kind", "heading", "body_markdown", "source_silent")


class MemberInline(TranslationTabularInline):
    model = Member
    extra = 0
    fields = ("position", "substance", "brand_names", "note")


@admin.register(Medication)
class MedicationAdmin(WritePathAdmin):
    list_display = ("name", "kind", "brand_names", "is_published", "last_reviewed", "core_topics")
    list_filter = ("kind", "is_published")
    search_fields = ("name", "brand_names", "other_names", "slug")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("core_topics_detail", "content_file", "updated_at", "terms_used")
    inlines = [MemberInline, SectionInline]
    actions = ["publish", "unpublish"]
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "route", "summary", "is_published")}),
        ("Namen", {"fields": ("brand_names", "other_names")}),
        (
            "Bron en controle",
            {
                "fields": (
                    "source_publisher",
                    "source_title",
                    "source_date",
                    "source_note",
                    "last_reviewed",
                    "content_file",
                    "updated_at",
                )
            },
        ),
        ("Kernonderwerpen en termen", {"fields": ("core_topics_detail", "terms_used")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("sections", "glossary_terms")

    @admin.display(description="Kernonderwerpen")
    def core_topics(self, medication):
        missing = medication.missing_core_kinds
        if not missing:
            return "compleet"
        return "ontbreekt: " + ", ".join(SectionKind(kind).label for kind in missing)

    @admin.display(description="Zes kernonderwerpen")
    def core_topics_detail(self, medication):
        missing = set(medication.missing_core_kinds) if medication.pk else set(CORE_SECTION_KINDS)
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {}</li>",
                (
                    (
                        SectionKind(kind).label,
                        "ONTBREEKT in de folder" if kind in missing else "aanwezig",
                    )
                    for kind in CORE_SECTION_KINDS
                ),
            ),
        )

    @admin.display(description="Termen uit de woordenlijst in deze folder")
    def terms_used(self, medication):
        terms = list(medication.glossary_terms.all()) if medication.pk else []
        return ", ".join(term.term for term in terms) or "geen"

    @admin.action(description="Publiceren")
    def publish(self, request, queryset):
        count = set_published(queryset, True)
        self.message_user(request, f"{count} medicijn(en) gepubliceerd.", messages.SUCCESS)

    @admin.action(description="Offline halen")
    def unpublish(self, request, queryset):
        count = set_published(queryset, False)
        self.message_user(request, f"{count} medicijn(en) offline gehaald.", messages.SUCCESS)


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(WritePathAdmin):
    list_display = ("term", "variants", "used_in")
    search_fields = ("term", "variants", "explanation_markdown")
    prepopulated_fields = {"slug": ("term",)}
    fields = ("term", "slug", "variants", "explanation_markdown")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("medications")

    @admin.display(description="Gebruikt in")
    def used_in(self, term):
        return ", ".join(m.name for m in term.medications.all()) or "-"


def set_published(queryset, published):
    medications = list(queryset)
    for medication in medications:
        medication.is_published = published
        medication.save(update_fields=["is_published", "updated_at"])
    return len(medications)

"""Leaflets in the admin: the working copy with its members and sections inline, its status
on the way to patients, the checks while editing, and the workflow's pages (admin.workflow)."""

import functools

from django.contrib import admin, messages
from django.db import models
from django.forms import Textarea
from django.urls import path
from django.utils.html import format_html, format_html_join
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from medications import html as stored_html
from medications import publishing
from medications.editing.admin import translations, workflow
from medications.editing.admin.base import WritePathAdmin
from medications.editing.admin.editing import EditingMixin
from medications.editing.admin.formsets import MemberFormSet, SectionFormSet
from medications.editing.admin.translations import languages_changed
from medications.editing.warnings import editing_warnings
from medications.models import (
    CORE_SECTION_KINDS,
    GlossaryTerm,
    Medication,
    Member,
    ReviewStatus,
    Section,
    SectionKind,
    Translation,
)
from medications.publishing.forms import (
    AlarmField,
    CleanTextForm,
    ContactsField,
    LineListField,
    QuestionsField,
)
from medications.publishing.rendering import removed_markup
from medications.translation_status import translation_languages

ROOMY_MARKDOWN = {
    models.TextField: {"widget": Textarea(attrs={"rows": 16, "cols": 100, "class": "markdown"})}
}
REVIEW_FIELDS = ("last_reviewed", "reviewed_by", "next_review")
DOCUMENT_CONTROL_FIELDS = ("version_number", "approved_by", "approved_at")
# The safety data is written as YAML, as in the content files (content/README.md).
STRUCTURED_FIELDS = {
    "alarm": AlarmField,
    "contacts": ContactsField,
    "questions": QuestionsField,
    "adaptations": LineListField,
}


class SectionForm(CleanTextForm):
    def validate_constraints(self):
        """One code per leaflet is checked across the whole formset (its validate_unique)
        in memory, not with a query per section."""


class SectionInline(TranslationStackedInline):
    model = Section
    form = SectionForm
    formset = SectionFormSet
    extra = 0
    fields = ("kind", "heading", "body_markdown", "source_silent", "preview")
    readonly_fields = ("preview",)
    formfield_overrides = ROOMY_MARKDOWN

    @admin.display(description="Voorbeeld")
    def preview(self, section):
        if not section.pk:
            return "Na het opslaan ziet u hier het onderdeel zoals de patiënt het ziet."
        terms = GlossaryTerm.objects.filter(slug__in=stored_html.term_slugs(section.body_html))
        shown = stored_html.page_html(
            section.body_html, stored_html.explanations(terms), section.anchor
        )
        return format_html('<div class="section-preview leaflet">{}</div>', shown)


class MemberInline(TranslationTabularInline):
    model = Member
    form = CleanTextForm
    formset = MemberFormSet
    extra = 0
    fields = ("position", "substance", "brand_names", "atc", "note")


@admin.register(Medication)
class MedicationAdmin(EditingMixin, WritePathAdmin):
    list_display = ("name", "kind", "status", "online_state", "next_review_due", "core_topics")
    list_filter = ("status", "is_published", "kind")
    search_fields = ("name", "brand_names", "other_names", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [MemberInline, SectionInline]
    actions = None  # taking offline asks a reason and a confirmation: workflow.withdraw
    formfield_overrides = ROOMY_MARKDOWN
    change_form_template = "admin/medications/medication/change_form.html"
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "route", "summary")}),
        (
            "Bovenaan de pagina",
            {"fields": ("key_points", "alarm", "contacts")},
        ),
        ("Veelgestelde vragen", {"fields": ("questions",)}),
        ("Namen", {"fields": ("substance", "brand_names", "other_names")}),
        (
            "Codes voor andere systemen",
            {
                "fields": ("atc",),
                "description": "Niet zichtbaar voor patiënten: voor de API, FHIR en "
                "koppelingen met het EPD.",
            },
        ),
        (
            "Bron",
            {
                "fields": (
                    "source_publisher",
                    "source_title",
                    "source_date",
                    "source_note",
                    "adaptations",
                )
            },
        ),
        ("Controle tegen de bron", {"fields": REVIEW_FIELDS}),
        ("Status", {"fields": ("status", "online_state", "content_file", "updated_at")}),
        (
            "Documentbeheer",
            {"fields": ("owner_department", "reference_number", *DOCUMENT_CONTROL_FIELDS)},
        ),
        (
            "Controles tijdens het bewerken",
            {"fields": ("warnings", "core_topics_detail", "terms_used")},
        ),
    )
    readonly_fields = (
        "status",
        "online_state",
        "content_file",
        "updated_at",
        "warnings",
        "core_topics_detail",
        "terms_used",
        *DOCUMENT_CONTROL_FIELDS,
    )

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        working = Medication.working_copies.select_related("live_copy")
        if request.method == "POST":  # a save: the formsets fetch what they change
            return working
        return working.prefetch_related("sections", "glossary_terms")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The safety data has a column per language: each is written as YAML.
        original = getattr(db_field, "translated_field", db_field)
        field_class = STRUCTURED_FIELDS.get(original.name)
        if field_class is None:
            return super().formfield_for_dbfield(db_field, request, **kwargs)
        return field_class(
            label=db_field.verbose_name.capitalize(),
            required=False,
            help_text=db_field.help_text,
            widget=Textarea(attrs={"rows": 12, "cols": 100, "class": "structured-yaml"}),
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and not request.user.has_perm("medications.review_medication"):
            fields += REVIEW_FIELDS  # review dates are the Eindredacteur's
        return fields

    def has_publish_permission(self, request):
        return request.user.has_perm("medications.publish_medication")

    def get_urls(self):
        view = self.admin_site.admin_view
        queue = path(
            "te-beoordelen/", view(workflow.review_queue(self)), name="medications_review_queue"
        )
        outdated = path(
            "vertalingen/",
            view(translations.translation_list(self)),
            name="medications_translations",
        )
        steps = path(
            "<path:object_id>/vertaling/<str:language>/",
            view(translations.translation_steps(self)),
            name="medications_medication_translation",
        )
        return (
            [queue, outdated, steps]
            + [
                path(
                    f"<path:object_id>/{route}",
                    view(getattr(workflow, name)(self)),
                    name=workflow.url_name(name),
                )
                for route, name in workflow.ROUTES
            ]
            + super().get_urls()
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        @functools.cache
        def translation_states():
            # Asked for only when the form is shown: a save that succeeds redirects, and
            # costs no query for it.
            states = (
                {
                    t.language: t
                    for t in Translation.objects.filter(medication_id=object_id).select_related(
                        "edited_by"
                    )
                }
                if str(object_id).isdigit()
                else {}
            )
            return [(code, states.get(code)) for code in translation_languages()]

        extra_context = {
            **(extra_context or {}),
            "translation_languages": translation_languages(),
            # Each language's own state, at the top of the form.
            "translation_states": translation_states,
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def declare(self, batch, medication):
        batch.working_copy_changed(medication.pk)
        live = getattr(medication, "live_copy", None)
        if live is not None:  # deleting the working copy takes its live copy with it
            batch.live_changed(live.pk)

    def save_model(self, request, obj, form, change):
        # A draft until someone with the right role publishes: the Dutch text when a Dutch
        # or shared field changed (or nothing did); a translation when its words changed.
        changed = languages_changed([form])
        if changed - set(translation_languages()) or not changed:
            publishing.mark_edited(obj)
        else:
            obj.edit_version += 1  # forms loaded before this save are refused
        super().save_model(request, obj, form, change)
        with publishing.changes() as batch:
            batch.working_copy_changed(obj.pk)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        changed = languages_changed(formsets)
        if changed - set(translation_languages()) and form.instance.status != ReviewStatus.DRAFT:
            Medication.all_copies.filter(pk=form.instance.pk).update(status=ReviewStatus.DRAFT)
        for language in (changed | languages_changed([form])) & set(translation_languages()):
            publishing.translation_edited(form.instance, language, request.user)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        saved = formset.new_objects + [obj for obj, _ in formset.changed_objects]
        if formset.model is Section:
            with publishing.changes() as batch:
                batch.working_copy_changed(
                    form.instance.pk, sections=saved + formset.deleted_objects
                )
        for section in saved:
            if isinstance(section, Section):
                removed = removed_markup(section.body_markdown)
                if removed:
                    messages.warning(
                        request,
                        f"Onderdeel '{section.heading}': {', '.join(removed)} is weggehaald; "
                        "zulke HTML komt nooit op de pagina.",
                    )

    @admin.display(description="Online")
    def online_state(self, medication):
        live = getattr(medication, "live_copy", None) if medication.pk else None
        if live is None:
            return "nog nooit gepubliceerd"
        return "online" if live.is_published else "offline"

    @admin.display(description="Volgende controle")
    def next_review_due(self, medication):
        due = medication.next_review_due
        if due is None:
            return "-"
        return format_html(
            "{}{}", due.strftime("%d-%m-%Y"), " (te laat)" if medication.is_review_overdue else ""
        )

    @admin.display(description="Waarschuwingen")
    def warnings(self, medication):
        if not medication.pk:
            return "Na het opslaan ziet u hier de controles."
        live = getattr(medication, "live_copy", None)
        found = editing_warnings(medication, live.sections.all() if live else ())
        if not found:
            return "Geen: alles ziet er goed uit."
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((w,) for w in found))
        )

    @admin.display(description="Kernonderwerpen")
    def core_topics(self, medication):
        missing = medication.missing_core_kinds
        if not missing:
            return "compleet"
        return "ontbreekt: " + ", ".join(str(SectionKind(kind).label) for kind in missing)

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

"""The derived data of content, made by a batch: sanitised HTML of sections and glossary
explanations (with glossary terms marked up) and the terms each leaflet uses."""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from medications.html import term_slugs
from medications.models import GlossaryTerm, Medication, Section
from medications.publishing.glossary_links import GlossaryLinker, Term
from medications.publishing.rendering import render_markdown


def languages():
    return [code for code, _ in settings.LANGUAGES]


def localized_fields(name):
    return [build_localized_fieldname(name, language) for language in languages()]


def render_terms(term_ids):
    """Each glossary explanation as sanitised HTML, in every language."""
    if not term_ids:
        return
    html_fields = localized_fields("explanation_html")
    terms = list(GlossaryTerm.objects.filter(pk__in=term_ids))
    for term in terms:
        for language, html_field in zip(languages(), html_fields, strict=True):
            source = getattr(term, build_localized_fieldname("explanation_markdown", language))
            setattr(term, html_field, render_markdown(source or "", id_prefix=term.slug))
    GlossaryTerm.objects.bulk_update(terms, html_fields, batch_size=200)


def linkers():
    """One GlossaryLinker per language, built from the glossary as it is now."""
    return {language: linker_for(language) for language in languages()}


def linker_for(language):
    def localized(name):
        return build_localized_fieldname(name, language)

    rows = GlossaryTerm.objects.order_by("pk").values_list(
        "slug", localized("term"), localized("variants")
    )
    return GlossaryLinker(
        [
            Term(
                slug=slug,
                term=term,
                forms=(term, *[v.strip() for v in (variants or "").split(",") if v.strip()]),
            )
            for slug, term, variants in rows
            if term
        ]
    )


def render_sections(sections):
    """Store every section's HTML in every language with the glossary terms marked up, so
    pages never render Markdown. Returns the ids of medications whose HTML changed."""
    by_language = linkers()
    html_fields = localized_fields("body_html")
    changed = []
    for section in sections:
        before = [getattr(section, name) for name in html_fields]
        for language, html_field in zip(languages(), html_fields, strict=True):
            source = getattr(section, build_localized_fieldname("body_markdown", language))
            html = render_markdown(source or "", section.kind, glossary=by_language[language])
            setattr(section, html_field, html)
        if [getattr(section, name) for name in html_fields] != before:
            changed.append(section)
    Section._base_manager.bulk_update(changed, html_fields, batch_size=200)
    return {section.medication_id for section in changed}


def record_terms_used(medication_ids):
    """Set `glossary_terms` of these medications to the terms marked up in their sections."""
    if not medication_ids:
        return
    html_field = build_localized_fieldname("body_html", settings.LANGUAGE_CODE)
    stored = Section._base_manager.filter(medication_id__in=medication_ids).values_list(
        "medication_id", html_field
    )
    used = {}
    for medication_id, html in stored:
        used.setdefault(medication_id, set()).update(term_slugs(html))
    through = Medication.glossary_terms.through
    rows = through.objects.filter(medication_id__in=medication_ids)
    current = {}
    for medication_id, slug in rows.values_list("medication_id", "glossaryterm__slug"):
        current.setdefault(medication_id, set()).add(slug)
    if all(current.get(pk, set()) == used.get(pk, set()) for pk in medication_ids):
        return  # a save that changed no term (most edits): nothing to write
    term_ids = dict(GlossaryTerm.objects.values_list("slug", "pk"))
    rows.delete()
    existing = set(Medication._base_manager.filter(pk__in=used).values_list("pk", flat=True))
    through.objects.bulk_create(
        [
            through(medication_id=medication_id, glossaryterm_id=term_ids[slug])
            for medication_id, slugs in used.items()
            if medication_id in existing
            for slug in sorted(slugs)
            if slug in term_ids
        ]
    )

"""Checked translations -> the working copies' `_<language>` columns, in the loader's batch.

The same rules as for the Dutch text: a translation file is loaded again only when it
changed since its last load; a translation changed in the admin since then is a conflict
(listed, nothing written) unless `force`. A loaded translation is published for that
language at once (publishing.publish_translation), as a loaded Dutch file is: its review is
the file's, and it then follows the Dutch text of the same load.
"""

from medications import publishing
from medications.content.errors import display_path
from medications.content.fingerprints import (
    file_translation_fingerprint,
    localized,
    stored_translation_fingerprint,
    term_translation_fingerprint,
)
from medications.editing import history
from medications.models import GlossaryTerm, Medication
from medications.publishing.forms import GlossaryTermTranslationForm, LeafletTranslationForm


def plan(from_file, now, imported):
    """create, update, unchanged, keep (changed in the admin, file unchanged) or conflict."""
    if now is None:
        return "create"
    if from_file == now:
        return "unchanged"
    if imported and now == imported:
        return "update"
    if imported and from_file == imported:
        return "keep"
    return "conflict"


def plan_translation(valid, working):
    fingerprint = file_translation_fingerprint(valid)
    if working is None:
        return "create", fingerprint
    now = stored_translation_fingerprint(working, valid.language)
    return plan(fingerprint, now, working.imported_translations.get(valid.language)), fingerprint


def plan_term_translation(valid, term):
    fingerprint = term_translation_fingerprint(valid.form.cleaned_data)
    if term is None:
        return "create", fingerprint
    now = term_translation_fingerprint(term, valid.language)
    return plan(fingerprint, now, term.imported_translations.get(valid.language)), fingerprint


def conflict_text(valid):
    return f"vertaling '{valid.language}' van folder '{valid.original.form.cleaned_data['name']}'"


def write_translation(batch, valid, action, fingerprint, report):
    """Write one leaflet's translation onto its working copy (after the Dutch text, in the
    same batch) and publish it for its language."""
    label = f"{valid.slug} ({valid.language})"
    if action == "keep":
        report.kept.append(label)
        return
    if action == "unchanged":
        report.unchanged_translations.append(label)
        return
    working = Medication.working_copies.prefetch_related("members", "sections").get(slug=valid.slug)
    language = valid.language
    if action == "conflict":
        with history.revision(None, "Bewaard vóór overschrijven door load_content --force"):
            history.keep_in_history(working)
    for name in LeafletTranslationForm._meta.fields:
        setattr(working, localized(name, language), valid.form.cleaned_data[name])
    working.imported_translations = {**working.imported_translations, language: fingerprint}
    working.edit_version += 1  # a form opened before this load is refused
    source = display_path(valid.source.path)
    with history.revision(None, f"Vertaling geladen uit {source}"):
        working.save()
        written = []
        for member, form in zip(working.members.all(), valid.members, strict=False):
            setattr(member, localized("note", language), form.cleaned_data["note"])
            member.save()
        for section in working.sections.all():
            form = valid.sections.get(section.kind)
            if form is not None:
                setattr(section, localized("heading", language), form.cleaned_data["heading"])
                setattr(
                    section,
                    localized("body_markdown", language),
                    form.cleaned_data["body_markdown"],
                )
                section.save()
                written.append(section)
        # Its sections' HTML is rendered again, in every language; nothing public until the
        # translation is published (below, in this batch).
        batch.working_copy_changed(working.pk, sections=written)
        working.save(update_fields=["updated_at"])  # its version now holds the sections
    report.translated.append(label)
    publishing.translation_edited(working, language, None)  # edited by the file, nobody's own
    publishing.publish_translation(working, language, None)


def write_term_translations(batch, translations, plans, report):
    terms = GlossaryTerm.objects.in_bulk(
        [valid.source.slug for valid in translations], field_name="slug"
    )
    for valid, (action, fingerprint) in zip(translations, plans, strict=True):
        if action in ("keep", "unchanged"):
            continue
        term = terms[valid.source.slug]
        for name in GlossaryTermTranslationForm._meta.fields:
            setattr(term, localized(name, valid.language), valid.form.cleaned_data[name])
        term.imported_translations = {**term.imported_translations, valid.language: fingerprint}
        publishing.term_edited(term)
        source = display_path(valid.path)
        with history.revision(None, f"Vertaling geladen uit {source}"):
            term.save()
            batch.term_changed(term)  # its HTML and every section's links are made again
        report.terms_translated += 1

"""Validated content -> database, through the write path in one transaction.

After its first load, the database is the source of truth. A file is loaded again only when
it changed since its last load; a leaflet (or term) changed in the admin since then is not
overwritten: that is a conflict, listed with file, leaflet and section, and nothing is
written, unless `force` (the admin's version is kept in the history first). A leaflet loaded
from a file is published at once, with a summary in patient words of what changed
(medications.publishing.summary); a removed file takes its page offline.

`force` overwrites admin edits with a new working copy holding the file's text (the admin's
version stays in the history, the review record stays), a draft: publishing it is a separate,
logged step (`publish_loaded`, load_content --publish). A leaflet new to this database whose
export carries its workflow state (content.workflow_state) keeps that state and trail.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation

from medications import publishing
from medications.content import sync_translations, workflow_state
from medications.content.errors import display_path
from medications.content.fingerprints import (
    leaflet_fingerprints,
    medication_fingerprints,
    term_fingerprint,
)
from medications.editing import history
from medications.models import GlossaryTerm, Medication, Member, ReviewStatus, SectionKind


@dataclass
class Conflict:
    path: object
    what: str  # "folder 'Azathioprine'" or "term 'Antistof'"
    parts: list  # what was changed in the admin

    def __str__(self):
        return (
            f"{display_path(self.path)}, {self.what}: in de beheeromgeving gewijzigd sinds het "
            f"bestand voor het laatst is geladen ({'; '.join(self.parts)})."
        )


class ContentConflicts(Exception):
    """Files and admin edits disagree; nothing was written."""

    def __init__(self, conflicts):
        self.conflicts = conflicts
        super().__init__("\n".join(str(conflict) for conflict in conflicts))


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # changed in the admin, file unchanged: kept
    overwritten: list = field(default_factory=list)  # conflicts overwritten with force
    drafts: list = field(default_factory=list)  # loaded as working copies, not published
    unpublished: list = field(default_factory=list)
    terms_created: int = 0
    terms_updated: int = 0
    terms_deleted: int = 0
    terms_kept: int = 0
    translated: list = field(default_factory=list)  # "slug (en)": translations loaded
    unchanged_translations: list = field(default_factory=list)
    terms_translated: int = 0
    warnings: list = field(default_factory=list)  # HTML sanitising took out, with file and line

    @property
    def changed_anything(self):
        return bool(
            self.created
            or self.updated
            or self.unpublished
            or self.terms_created
            or self.terms_updated
            or self.terms_deleted
            or self.translated
            or self.terms_translated
        )


@dataclass
class Plan:
    """What to do with one leaflet or term: create, update, unchanged, keep or conflict."""

    action: str
    fingerprints: object = None
    parts: list = field(default_factory=list)


def write_content(
    leaflets,
    terms,
    glossary_path=None,
    force=False,
    workflow=None,
    translations=(),
    term_translations=(),
):
    """Write validated leaflets and terms (content.validate) and their translations
    (content.translations) in one batch of the write path. Raises ContentConflicts, with
    nothing written, when a file would overwrite admin edits."""
    report = LoadReport()
    with publishing.changes() as batch, translation.override(settings.LANGUAGE_CODE):
        current = {
            m.slug: m
            for m in Medication.working_copies.filter(
                slug__in=[valid.slug for valid in leaflets]
            ).prefetch_related("sections", "members")
        }
        current_terms = {term.slug: term for term in GlossaryTerm.objects.all()}
        leaflet_plans = [plan_leaflet(valid, current.get(valid.slug)) for valid in leaflets]
        term_plans = [plan_term(valid, current_terms.get(valid.source.slug)) for valid in terms]
        translation_plans = [
            sync_translations.plan_translation(valid, current.get(valid.slug))
            for valid in translations
        ]
        term_translation_plans = [
            sync_translations.plan_term_translation(valid, current_terms.get(valid.source.slug))
            for valid in term_translations
        ]
        in_file = {valid.source.slug for valid in terms}
        removed = [t for slug, t in current_terms.items() if slug not in in_file]
        conflicts = (
            [
                Conflict(
                    valid.source.path, f"folder '{valid.form.cleaned_data['name']}'", plan.parts
                )
                for valid, plan in zip(leaflets, leaflet_plans, strict=True)
                if plan.action == "conflict"
            ]
            + [
                Conflict(glossary_path, f"term '{valid.source.term}'", plan.parts)
                for valid, plan in zip(terms, term_plans, strict=True)
                if plan.action == "conflict"
            ]
            + [
                Conflict(glossary_path, f"term '{term.term}'", ["in het bestand verwijderd"])
                for term in removed
                if term.imported_fingerprint and term_fingerprint(term) != term.imported_fingerprint
            ]
            + [
                Conflict(valid.source.path, sync_translations.conflict_text(valid), ["tekst"])
                for valid, (action, _) in zip(translations, translation_plans, strict=True)
                if action == "conflict"
            ]
            + [
                Conflict(
                    valid.path,
                    f"vertaling '{valid.language}' van term '{valid.source.term}'",
                    ["uitleg of andere vormen"],
                )
                for valid, (action, _) in zip(
                    term_translations, term_translation_plans, strict=True
                )
                if action == "conflict"
            ]
        )
        if conflicts and not force:
            raise ContentConflicts(conflicts)
        sync_glossary(batch, terms, term_plans, removed, glossary_path, report)
        sync_translations.write_term_translations(
            batch, term_translations, term_translation_plans, report
        )
        for valid, plan in zip(leaflets, leaflet_plans, strict=True):
            sync_leaflet(batch, valid, plan, current.get(valid.slug), report, workflow or {})
        for valid, (action, fingerprint) in zip(translations, translation_plans, strict=True):
            sync_translations.write_translation(batch, valid, action, fingerprint, report)
        unpublish_missing({valid.slug for valid in leaflets}, report)
    return report


# --- Plans ------------------------------------------------------------------------------


def plan_leaflet(valid, working):
    from_file = leaflet_fingerprints(
        valid.form.cleaned_data,
        valid.published,
        [form.cleaned_data for form in valid.members],
        [form.cleaned_data for form in valid.sections],
    )
    if working is None:
        return Plan("create", from_file)
    now = medication_fingerprints(working)
    imported = working.imported_fingerprints
    if from_file["leaflet"] == now["leaflet"]:
        return Plan("unchanged", from_file)
    if imported and now["leaflet"] == imported["leaflet"]:
        return Plan("update", from_file)
    if imported and from_file["leaflet"] == imported["leaflet"]:
        return Plan("keep", from_file)
    return Plan("conflict", from_file, changed_parts(now, imported))


def changed_parts(now, imported):
    """The parts of a leaflet changed since its last load, in words."""
    if not imported:
        return ["gemaakt in de beheeromgeving, nooit uit dit bestand geladen"]
    parts = []
    if now["front"] != imported["front"]:
        parts.append("gegevens bovenaan")
    if now["members"] != imported["members"]:
        parts.append("leden van de groep")
    kinds = set(now["sections"]) | set(imported["sections"])
    for kind in SectionKind.values:
        if kind in kinds and now["sections"].get(kind) != imported["sections"].get(kind):
            parts.append(f"onderdeel '{kind}'")
    return parts


def plan_term(valid, term):
    from_file = term_fingerprint(valid.form.cleaned_data)
    if term is None:
        return Plan("create", from_file)
    now = term_fingerprint(term)
    if from_file == now:
        return Plan("unchanged", from_file)
    if term.imported_fingerprint and now == term.imported_fingerprint:
        return Plan("update", from_file)
    if term.imported_fingerprint and from_file == term.imported_fingerprint:
        return Plan("keep", from_file)
    return Plan("conflict", from_file, ["uitleg of andere vormen"])


# --- Writing ----------------------------------------------------------------------------


def sync_glossary(batch, terms, plans, removed, glossary_path, report):
    source = display_path(glossary_path) if glossary_path else "de woordenlijst"
    with history.revision(None, f"Geladen uit {source}"):
        for valid, plan in zip(terms, plans, strict=True):
            if plan.action == "keep":
                report.terms_kept += 1
                continue
            if plan.action == "unchanged":
                if valid.form.instance.imported_fingerprint != plan.fingerprints:
                    GlossaryTerm.objects.filter(pk=valid.form.instance.pk).update(
                        imported_fingerprint=plan.fingerprints
                    )
                continue
            if plan.action == "create":
                report.terms_created += 1
            else:
                report.terms_updated += 1
            term = valid.form.save(commit=False)
            term.imported_fingerprint = plan.fingerprints
            term.save()
            batch.term_changed(term)
    from_file = [term for term in removed if term.imported_fingerprint]
    if from_file:
        for term in from_file:
            batch.term_changed(term)
        deleted = GlossaryTerm.objects.filter(pk__in=[term.pk for term in from_file]).delete()[1]
        report.terms_deleted += deleted.get(GlossaryTerm._meta.label, 0)


def sync_leaflet(batch, valid, plan, working, report, workflow):
    if plan.action == "keep":
        report.kept.append(valid.slug)
        return
    if plan.action == "unchanged":
        if working.imported_fingerprints != plan.fingerprints:
            # The file caught up with the admin (an export): remember it as loaded.
            Medication.all_copies.filter(pk=working.pk).update(
                imported_fingerprints=plan.fingerprints, content_file=valid.source.path.name
            )
        report.unchanged.append(valid.slug)
        return
    source = display_path(valid.source.path)
    if plan.action == "conflict":
        with history.revision(None, "Bewaard vóór overschrijven door load_content --force"):
            history.keep_in_history(working)
        report.overwritten.append(valid.slug)
    with history.revision(None, f"{LOADED_FROM} {source}"):
        written = write_leaflet(valid, plan, working)
    batch.working_copy_changed(valid.form.instance.pk, sections=written)
    medication = valid.form.instance
    (report.created if plan.action == "create" else report.updated).append(valid.slug)
    state = workflow.get(valid.slug) if plan.action == "create" else None
    if plan.action == "conflict":
        report.drafts.append(valid.slug)  # published separately: load_content --publish
    elif state:
        publish_it = workflow_state.apply_state(medication, state, publishing.system_user())
        if publish_it and valid.published:
            publishing.publish(medication, None, None)
        else:
            report.drafts.append(valid.slug)
        workflow_state.restore_document_control(medication, state)
    elif valid.published:
        publishing.publish(medication, None, publishing.change_summary(medication))
    elif publishing.live_copy_of(medication) is not None and plan.action != "create":
        publishing.unpublish(medication, None, f"Offline volgens {source}")


REVIEW_RECORD = ("last_reviewed", "reviewed_by", "next_review")


def translated_note_fields():
    """The members' note columns of the translation languages that have one (a language in
    LANGUAGES gets its columns from its migration)."""
    columns = {field.attname for field in Member._meta.concrete_fields}
    return [
        name
        for code, _ in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE and (name := f"note_{code.replace('-', '_')}") in columns
    ]


LOADED_FROM = "Geladen uit"  # the comment of a version written by the loader


def write_leaflet(valid, plan, working=None):
    """Write one leaflet's working copy; returns its sections saved or deleted."""
    medication = valid.form.save(commit=False)
    if working is not None and working.last_reviewed > medication.last_reviewed:
        # A review recorded in the admin after the file was written is not undone by it.
        for name in REVIEW_RECORD:
            setattr(medication, name, getattr(working, name))
    publishing.mark_edited(medication)
    medication.is_published = valid.published
    medication.content_file = valid.source.path.name
    medication.imported_fingerprints = plan.fingerprints
    medication.save()
    translated_notes = {
        member.substance: {name: getattr(member, name) for name in translated_note_fields()}
        for member in medication.members.all()
    }
    medication.members.all().delete()
    for position, form in enumerate(valid.members):
        member = form.save(commit=False)
        member.medication = medication
        member.position = position
        for name, value in translated_notes.get(member.substance, {}).items():
            setattr(member, name, value)  # the translations are loaded on their own
        member.save()
    existing = {section.kind: section for section in medication.sections.all()}
    written = []
    for form in valid.sections:
        section = existing.pop(form.cleaned_data["kind"], None) or form.instance
        for name in form._meta.fields:
            setattr(section, name, form.cleaned_data[name])
        section.medication = medication
        section.save()
        written.append(section)
    for stale in existing.values():
        stale.delete()
    medication.save(update_fields=["updated_at"])  # its version now holds the new sections
    return [*written, *existing.values()]


def unpublish_missing(slugs_in_files, report):
    missing = (
        Medication.working_copies.filter(is_published=True)
        .exclude(content_file="")
        .exclude(slug__in=slugs_in_files)
    )
    for working in missing:
        publishing.unpublish(working, None, f"Bestand {working.content_file} verwijderd")
        # Offline is now the state as loaded: the file coming back brings the page back.
        Medication.all_copies.filter(pk=working.pk).update(
            imported_fingerprints=medication_fingerprints(working)
        )
        report.unpublished.append(working.slug)


def publish_loaded(user):
    """Publish the working copies whose newest version is a load from their file and that are
    not published yet (after `force`), by `user`, who needs the Eindredacteur's right; each
    is in the admin's log under that user. Returns their slugs."""
    done = []
    with publishing.changes(), translation.override(settings.LANGUAGE_CODE):
        waiting = Medication.working_copies.filter(is_published=True).exclude(
            status=ReviewStatus.PUBLISHED
        )
        for working in waiting.exclude(content_file="").order_by("slug"):
            newest = history.versions_of(working).first()
            if newest is None or not newest.revision.comment.startswith(LOADED_FROM):
                continue  # edited in the admin since: that goes through the review
            summary = f"Geladen uit {working.content_file} (load_content --publish)"
            publishing.publish(working, user, summary)
            done.append(working.slug)
    return done

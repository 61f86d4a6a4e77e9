"""Validated content -> database, through the write path in one transaction.

A leaflet file unchanged since its last load is skipped; a removed file takes its page
offline; a glossary term removed from the file is deleted.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation

from medications import publishing
from medications.models import GlossaryTerm, Medication


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    unpublished: list = field(default_factory=list)
    terms_created: int = 0
    terms_updated: int = 0
    terms_deleted: int = 0

    @property
    def changed_anything(self):
        return bool(
            self.created
            or self.updated
            or self.unpublished
            or self.terms_created
            or self.terms_updated
            or self.terms_deleted
        )


def write_content(leaflets, terms):
    """Write validated leaflets and terms (content.validate) in one batch of the write path."""
    report = LoadReport()
    with publishing.changes(), translation.override(settings.LANGUAGE_CODE):
        sync_glossary(terms, report)
        for leaflet in leaflets:
            sync_leaflet(leaflet, report)
        unpublish_missing({leaflet.slug for leaflet in leaflets}, report)
    return report


def sync_glossary(terms, report):
    existing = {term.slug: term for term in GlossaryTerm.objects.all()}
    for valid in terms:
        term = existing.get(valid.source.slug)
        if term is not None and term.source_hash == valid.source.source_hash:
            continue
        if term is None:
            report.terms_created += 1
        else:
            report.terms_updated += 1
        term = valid.form.save(commit=False)
        term.source_hash = valid.source.source_hash
        term.save()
    in_file = {valid.source.slug for valid in terms}
    removed = [t.pk for slug, t in existing.items() if slug not in in_file and t.source_hash]
    if removed:
        deleted = GlossaryTerm.objects.filter(pk__in=removed).delete()[1]
        report.terms_deleted += deleted.get(GlossaryTerm._meta.label, 0)


def sync_leaflet(valid, report):
    """Create or overwrite one medication from its file; a file unchanged since the last load
    is skipped, so edits made in the admin since then are kept."""
    medication = valid.form.instance
    created = medication.pk is None
    if (
        not created
        and medication.content_hash == valid.source.content_hash
        and medication.is_published == valid.published
    ):
        report.unchanged.append(valid.slug)
        return
    medication = valid.form.save(commit=False)
    medication.is_published = valid.published
    medication.content_file = valid.source.path.name
    medication.content_hash = valid.source.content_hash
    medication.save()

    medication.members.all().delete()
    for position, form in enumerate(valid.members):
        member = form.save(commit=False)
        member.medication = medication
        member.position = position
        member.save()
    existing = {section.kind: section for section in medication.sections.all()}
    for form in valid.sections:
        kind = form.cleaned_data["kind"]
        section = existing.pop(kind, None) or form.instance
        for name in form._meta.fields:
            setattr(section, name, form.cleaned_data[name])
        section.medication = medication
        section.save()
    for stale in existing.values():
        stale.delete()
    (report.created if created else report.updated).append(valid.slug)


def unpublish_missing(slugs_in_files, report):
    missing = (
        Medication.objects.published().exclude(content_file="").exclude(slug__in=slugs_in_files)
    )
    for medication in missing:
        medication.is_published = False
        medication.content_hash = ""
        medication.save(update_fields=["is_published", "content_hash", "updated_at"])
        report.unpublished.append(medication.slug)

"""The live copy of a leaflet, made from its working copy when it is published.

The live rows are written with bulk operations: they are no editor's change (history records
none) and their HTML is the working copy's, already rendered by the same batch.
"""

from django.utils import timezone
from modeltranslation.translator import translator

from medications.models import Medication, Member, Section

NOT_COPIED = {"id", "is_live", "working_copy", "medication"}


def copied_fields(model):
    """Fields a live copy takes over from the working copy: every concrete field but the
    copy's own identity, with translated fields in each language (not the shared original)."""
    originals = set(translator.get_options_for_model(model).fields)
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.name not in NOT_COPIED and field.name not in originals
    ]


def copy_to_live(working):
    fields = copied_fields(Medication)
    live = Medication.all_copies.filter(working_copy=working).first()
    if live is None:
        live = Medication(is_live=True, working_copy=working)
    for name in fields:
        setattr(live, name, getattr(working, name))
    live.is_published = True
    live.updated_at = timezone.now()
    if live.pk is None:
        Medication.all_copies.bulk_create([live])
    else:
        Medication.all_copies.bulk_update([live], fields)
    copy_members(working, live)
    copy_sections(working, live)
    return live


def copy_members(working, live):
    Member.all_copies.filter(medication=live).delete()
    members = list(working.members.all())
    for member in members:
        member.pk, member.medication = None, live
    Member.all_copies.bulk_create(members)


def copy_sections(working, live):
    """Sections by kind, updated in place so their rows (and search entries) stay."""
    fields = copied_fields(Section)
    existing = {section.kind: section for section in live.sections.all()}
    changed, created = [], []
    for source in working.sections.all():
        target = existing.pop(source.kind, None)
        if target is None:
            target = Section(medication=live)
            created.append(target)
        else:
            changed.append(target)
        for name in fields:
            setattr(target, name, getattr(source, name))
    Section.all_copies.bulk_update(changed, fields)
    Section.all_copies.bulk_create(created)
    Section.all_copies.filter(pk__in=[section.pk for section in existing.values()]).delete()

"""The live copy of a leaflet, made from its working copy when it is published.

The live rows are written with bulk operations: they are no editor's change (history records
none) and their HTML is the working copy's, already rendered by the same batch.

Each language is published on its own (a translation has its own review): publishing the
source language copies the shared fields and the source language's columns; publishing a
translation copies only that language's columns. A translation published before its
leaflet's first publication waits in the working copy and is copied with it.
"""

from django.conf import settings
from django.utils import timezone
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from medications.models import Medication, Member, Section, Translation

NOT_COPIED = {"id", "is_live", "working_copy", "medication"}


def copied_fields(model, languages=None):
    """Fields a live copy takes over from the working copy: every concrete field but the
    copy's own identity, with translated fields in each language (not the shared original).
    With `languages`: the shared fields only with the source language, and the translated
    fields of those languages."""
    originals = set(translator.get_options_for_model(model).fields)
    every = [
        field.attname
        for field in model._meta.concrete_fields
        if field.name not in NOT_COPIED and field.name not in originals
    ]
    if languages is None:
        return every
    translated = {
        build_localized_fieldname(name, language): language
        for name in originals
        for language, _ in settings.LANGUAGES
    }
    shared = settings.LANGUAGE_CODE in languages
    return [
        name
        for name in every
        if (name in translated and translated[name] in languages)
        or (name not in translated and shared)
    ]


def copy_to_live(working, languages=None):
    live = Medication.all_copies.filter(working_copy=working).first()
    if live is None:
        # A first publication: the source language and every translation already published
        # (a draft translation never reaches patients).
        languages = {settings.LANGUAGE_CODE, *(languages or ()), *published_translations(working)}
        live = Medication(is_live=True, working_copy=working)
    fields = copied_fields(Medication, languages)
    for name in fields:
        setattr(live, name, getattr(working, name))
    live.is_published = True
    live.updated_at = timezone.now()
    if live.pk is None:
        Medication.all_copies.bulk_create([live])
    else:
        Medication.all_copies.bulk_update([live], fields)
    copy_members(working, live, languages)
    copy_sections(working, live, languages)
    return live


def published_translations(working):
    return set(
        Translation.objects.filter(medication=working, version_number__gt=0).values_list(
            "language", flat=True
        )
    )


def copy_members(working, live, languages=None):
    if languages is not None and settings.LANGUAGE_CODE not in languages:
        fields = copied_fields(Member, languages)
        by_position = {m.position: m for m in Member.all_copies.filter(medication=live)}
        members = []
        for source in working.members.all():
            target = by_position.get(source.position)
            if target is not None and target.substance == source.substance:
                for name in fields:
                    setattr(target, name, getattr(source, name))
                members.append(target)
        Member.all_copies.bulk_update(members, fields)
        return
    kept = {
        (m.substance): {name: getattr(m, name) for name in unpublished_fields(Member, languages)}
        for m in Member.all_copies.filter(medication=live)
    }
    Member.all_copies.filter(medication=live).delete()
    members = list(working.members.all())
    for member in members:
        member.pk, member.medication = None, live
        for name, value in kept.get(member.substance, {}).items():
            setattr(member, name, value)  # a translation not published with this step
    Member.all_copies.bulk_create(members)


def unpublished_fields(model, languages):
    """The translated columns a step with `languages` leaves as they are on the live copy."""
    if languages is None:
        return []
    published = set(copied_fields(model, languages))
    return [name for name in copied_fields(model) if name not in published]


def copy_sections(working, live, languages=None):
    """Sections by kind, updated in place so their rows (and search entries) stay. A new
    section takes only the published languages' text."""
    fields = copied_fields(Section, languages)
    existing = {section.kind: section for section in live.sections.all()}
    changed, created = [], []
    for source in working.sections.all():
        target = existing.pop(source.kind, None)
        if target is None:
            if languages is not None and settings.LANGUAGE_CODE not in languages:
                continue  # a section the published source language does not have yet
            target = Section(medication=live)
            created.append(target)
        else:
            changed.append(target)
        for name in fields:
            setattr(target, name, getattr(source, name))
    Section.all_copies.bulk_update(changed, fields)
    Section.all_copies.bulk_create(created)
    if languages is not None and settings.LANGUAGE_CODE not in languages:
        return  # only the source language adds or removes sections
    Section.all_copies.filter(pk__in=[section.pk for section in existing.values()]).delete()

"""History of everything an editor can change (leaflet, section, member, glossary term), kept
by django-reversion: who, when and what, a readable diff between any two versions, and
restoring an old version, which writes a new version through the write path and never
rewrites history.

A version of a leaflet is one reversion revision: the working copy with its sections and
members as they were after one save. Only what an editor writes is kept (the content forms'
fields, each language apart); HTML and search rows are derived again on restore.
"""

import difflib
import re
from contextlib import contextmanager
from dataclasses import dataclass, field

import reversion
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from medications.models import GlossaryTerm, Medication, Member, Section, SectionKind
from medications.publishing import changes, mark_edited
from medications.publishing.forms import GlossaryTermForm, LeafletForm, MemberForm, SectionForm
from medications.text import clean_text

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def localized(model, names):
    """Field names with each translated field once per language (name -> name_nl, name_en)."""
    translated = set(translator.get_options_for_model(model).fields)
    languages = [code for code, _ in settings.LANGUAGES]
    return [
        localized_name
        for name in names
        for localized_name in (
            [build_localized_fieldname(name, language) for language in languages]
            if name in translated
            else [name]
        )
    ]


def leaflet_fields():
    return localized(Medication, LeafletForm._meta.fields) + ["is_published"]


def section_fields():
    return localized(Section, SectionForm._meta.fields)


def member_fields():
    return localized(Member, MemberForm._meta.fields) + ["position"]


def register():
    """Called once the translated fields exist (AppConfig.ready, after modeltranslation)."""
    reversion.register(Medication, fields=leaflet_fields(), follow=("sections", "members"))
    reversion.register(Section, fields=[*section_fields(), "medication"])
    reversion.register(Member, fields=[*member_fields(), "medication"])
    reversion.register(GlossaryTerm, fields=localized(GlossaryTerm, GlossaryTermForm._meta.fields))


@contextmanager
def revision(user, comment):
    """Everything saved inside is one new version, by `user` (None: the system)."""
    # Inside the write path's transaction already: no savepoint of its own.
    with reversion.create_revision(atomic=False):
        reversion.set_comment(comment)
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        yield


def keep_in_history(instance):
    """Add `instance` as it is now (a leaflet with its sections and members) to the revision
    being made."""
    reversion.add_to_revision(instance)


def versions_of(instance):
    """Its versions, newest first, with who made them."""
    return Version.objects.get_for_object(instance).select_related("revision__user")


# --- A version of a leaflet, whole ----------------------------------------------------------


@dataclass
class Snapshot:
    version: Version
    fields: dict
    sections: dict = field(default_factory=dict)  # kind -> field values
    members: list = field(default_factory=list)

    @property
    def date(self):
        return self.version.revision.date_created


def snapshot(version):
    """A leaflet as one of its versions holds it: its fields, sections and members."""
    medication_id = int(version.object_id)
    section_type = ContentType.objects.get_for_model(Section).pk
    member_type = ContentType.objects.get_for_model(Member).pk
    result = Snapshot(version, {name: version.field_dict[name] for name in leaflet_fields()})
    for part in version.revision.version_set.filter(content_type__in=[section_type, member_type]):
        values = part.field_dict
        if values["medication_id"] != medication_id:
            continue
        if part.content_type_id == section_type:
            result.sections[values["kind"]] = {name: values[name] for name in section_fields()}
        else:
            result.members.append({name: values[name] for name in member_fields()})
    result.members.sort(key=lambda member: member["position"])
    return result


def restore(working, version, user):
    """Write an old version back as the newest one (a draft until it is published)."""
    old = snapshot(version)
    comment = f"Teruggezet naar de versie van {timezone.localtime(old.date):%d-%m-%Y %H:%M}"
    with changes() as batch, revision(user, comment):
        for name, value in old.fields.items():
            setattr(working, name, value)
        mark_edited(working)
        working.save()
        current = {section.kind: section for section in working.sections.all()}
        written = []
        for kind, values in old.sections.items():
            section = current.pop(kind, None) or Section(medication=working)
            for name, value in values.items():
                setattr(section, name, value)
            section.save()
            written.append(section)
        for section in current.values():
            section.delete()
        working.members.all().delete()
        for values in old.members:
            Member.all_copies.create(medication=working, **values)
        batch.working_copy_changed(working.pk, sections=[*written, *current.values()])


# --- Differences ----------------------------------------------------------------------------


@dataclass
class Difference:
    label: str
    html: str


def comparable(value):
    """A stored value as compared: text as it is normalised on the way in (versions from
    before normalisation may still hold \r\n). An empty translation is empty, whether the
    loader stored it as None or the admin as ""."""
    if value is None:
        return ""
    return clean_text(value) if isinstance(value, str) else value


def word_diff(old, new):
    """Old and new text as one, words taken out in <del> and put in in <ins>."""
    before = TOKEN.findall(str(comparable(old) or ""))
    after = TOKEN.findall(str(comparable(new) or ""))
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(before[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(''.join(before[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(''.join(after[b1:b2]))}</ins>")
    return mark_safe("".join(parts))  # noqa: S308 (built from escaped parts)


def marked_pair(old, new):
    """Old and new text each whole, side by side, with the words only one of them has marked
    (<mark>, neither is "wrong"): the merge view's two columns."""
    before = TOKEN.findall(str(comparable(old) or ""))
    after = TOKEN.findall(str(comparable(new) or ""))
    left, right = [], []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        old_part, new_part = escape("".join(before[a1:a2])), escape("".join(after[b1:b2]))
        if operation == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part:
            left.append(f"<mark>{old_part}</mark>")
        if new_part:
            right.append(f"<mark>{new_part}</mark>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 (escaped parts)


def field_label(model, name):
    base = name
    for code, language in settings.LANGUAGES:
        if name.endswith(f"_{code}"):
            base = name.removesuffix(f"_{code}")
            if code != settings.LANGUAGE_CODE:
                return f"{model._meta.get_field(base).verbose_name} ({language})"
    return str(model._meta.get_field(base).verbose_name)


def member_line(values):
    line = values["substance"]
    if values.get("brand_names"):
        line += f" ({values['brand_names']})"
    note = next((values[name] for name in values if name.startswith("note") and values[name]), "")
    return f"{line}: {note}" if note else line


def differences(old, new):
    """What changed from snapshot `old` to snapshot `new`, field by field."""
    found = []
    for name in leaflet_fields():
        if comparable(old.fields.get(name)) != comparable(new.fields.get(name)):
            found.append(
                Difference(
                    field_label(Medication, name),
                    word_diff(old.fields.get(name), new.fields.get(name)),
                )
            )
    old_members = "\n".join(member_line(values) for values in old.members)
    new_members = "\n".join(member_line(values) for values in new.members)
    if old_members != new_members:
        found.append(Difference("Leden van de groep", word_diff(old_members, new_members)))
    for kind in SectionKind.values:
        before, after = old.sections.get(kind, {}), new.sections.get(kind, {})
        for name in section_fields():
            if name == "kind" or comparable(before.get(name)) == comparable(after.get(name)):
                continue
            label = f"{SectionKind(kind).label}: {field_label(Section, name)}"
            if not before or not after:
                label += " (onderdeel toegevoegd)" if not before else " (onderdeel verwijderd)"
            found.append(Difference(label, word_diff(before.get(name), after.get(name))))
    return found

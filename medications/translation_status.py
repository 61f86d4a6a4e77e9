"""Where a translation stands against the Dutch text patients see: published or not, and out
of date when the Dutch text was published with changes after the translation was reviewed.

The Dutch text is compared by part (`source_parts`): the summary and key points, the safety
data (alarm groups and phone numbers), the common questions, the members, the source, and
each section. The parts a patient must not miss when they changed are the safety box, the
alarm section and the dosing section: there the English page shows the current Dutch text
beside the old translation (`OutdatedParts.shown_in_source_language`).
"""

import json
from dataclasses import dataclass, field

import yaml
from django.conf import settings
from django.utils import timezone

from medications.choices import SectionKind
from medications.models import Medication, Publication, PublicationKind, Translation

SUMMARY = "samenvatting"
SAFETY = "veiligheid"
QUESTIONS = "vragen"
MEMBERS = "leden"
SOURCE = "bron"
SECTION = "onderdeel:"
# Parts whose current Dutch text the translated page shows while its translation is behind.
SHOWN_IN_SOURCE_LANGUAGE = (
    SAFETY,
    f"{SECTION}{SectionKind.WANNEER_CONTACT}",
    f"{SECTION}{SectionKind.DOSERING}",
)
PART_LABELS = {
    SUMMARY: "Naam, samenvatting en In het kort",
    SAFETY: "Veiligheidsblok (alarmsignalen en telefoonnummers)",
    QUESTIONS: "Vragen die patiënten vaak stellen",
    MEMBERS: "Leden van de groep",
    SOURCE: "Bron en aanpassingen",
}


def translation_languages():
    """Every site language but the source language, in the order of LANGUAGES."""
    return [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def source_column(name):
    return f"{name}_{settings.LANGUAGE_CODE.replace('-', '_')}"


def source_value(row, name):
    return getattr(row, source_column(name))


def as_yaml(value):
    if not value:
        return ""
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=90)


def source_parts(medication):
    """The Dutch text of a leaflet (working or live copy) by part, as an editor reads it.
    Uses the prefetch cache of members and sections when there is one."""
    parts = {
        SUMMARY: "\n".join(
            [
                source_value(medication, "name") or "",
                source_value(medication, "summary") or "",
                source_value(medication, "key_points") or "",
            ]
        ),
        SAFETY: as_yaml(source_value(medication, "alarm"))
        + as_yaml(source_value(medication, "contacts")),
        QUESTIONS: as_yaml(source_value(medication, "questions")),
        MEMBERS: "\n".join(
            f"{member.substance}: {source_value(member, 'note') or ''}"
            for member in medication.members.all()
        ),
        SOURCE: "\n".join(
            [
                source_value(medication, "source_note") or "",
                source_value(medication, "adaptations") or "",
            ]
        ),
    }
    for section in sorted(medication.sections.all(), key=lambda s: s.position):
        parts[f"{SECTION}{section.kind}"] = (
            f"{source_value(section, 'heading')}\n\n{source_value(section, 'body_markdown')}"
        )
    return parts


def shown_language(section, language):
    """The source language when a translated page shows this section in it (the
    translation has no text for it yet: a section added to the Dutch text since), else ''."""
    if language == settings.LANGUAGE_CODE:
        return ""
    translated = getattr(section, f"heading_{language.replace('-', '_')}", None)
    return "" if translated else settings.LANGUAGE_CODE


def part_label(part):
    if part.startswith(SECTION):
        kind = part.removeprefix(SECTION)
        return f"Onderdeel '{SectionKind(kind).label}'" if kind in SectionKind.values else kind
    return PART_LABELS.get(part, part)


def fingerprint(parts):
    return json.dumps(parts, sort_keys=True, ensure_ascii=False)


@dataclass
class OutdatedParts:
    """What changed in the Dutch text since a translation was reviewed."""

    parts: list = field(default_factory=list)  # part codes, in page order

    def __bool__(self):
        return bool(self.parts)

    @property
    def shown_in_source_language(self):
        return [part for part in self.parts if part in SHOWN_IN_SOURCE_LANGUAGE]

    @property
    def safety_box(self):
        return SAFETY in self.parts

    @property
    def section_kinds(self):
        """Kinds of the sections (alarm, dosing) whose Dutch text the page shows."""
        return {
            part.removeprefix(SECTION)
            for part in self.shown_in_source_language
            if part.startswith(SECTION)
        }

    @property
    def labels(self):
        return [part_label(part) for part in self.parts]


def changed_parts(reviewed, current):
    """Parts whose text differs between the Dutch text a translation was reviewed against
    and the Dutch text now (a part added or removed counts)."""
    order = list(current) + [part for part in reviewed if part not in current]
    return OutdatedParts([part for part in order if reviewed.get(part) != current.get(part)])


def translation_for(medication, language):
    """The Translation of this leaflet (live or working copy) in `language`, or None; from
    the prefetch cache (`with_page_content`) when there is one."""
    working = medication.working_copy if medication.is_live else medication
    if working is None:
        return None
    return next((t for t in working.translations.all() if t.language == language), None)


def is_published(medication, language):
    """Whether patients can read this leaflet in `language`: the Dutch source always; any
    other language only when its translation was reviewed and published (a draft never)."""
    if language == settings.LANGUAGE_CODE:
        return True
    translation = translation_for(medication, language)
    return translation is not None and translation.is_published


def outdated_parts(live, language):
    """What changed in the live Dutch text since the published translation was reviewed
    (empty: up to date, or not published)."""
    translation = translation_for(live, language)
    if translation is None or not translation.is_published:
        return OutdatedParts()
    return changed_parts(translation.source_text, source_parts(live))


@dataclass
class PageNotice:
    """What a translated page says about its translation."""

    source_version: int | None
    source_date: object  # date of the Dutch version the translation follows
    outdated: OutdatedParts
    source_updated_on: object  # date of the Dutch update the translation lacks


def page_notice(live, language):
    """The translation note and, when the Dutch text moved on, the banner's facts."""
    translation = translation_for(live, language)
    if translation is None or not translation.is_published:
        return None
    outdated = changed_parts(translation.source_text, source_parts(live))
    source_date = translation.source_published_at or translation.approved_at
    return PageNotice(
        source_version=translation.source_version,
        source_date=local_date(source_date),
        outdated=outdated,
        source_updated_on=local_date(live.approved_at) if outdated else None,
    )


def local_date(moment):
    return timezone.localtime(moment).date() if moment else None


@dataclass
class OutdatedTranslation:
    """A published translation behind the Dutch text: what to carry over."""

    translation: object  # models.Translation
    live: object  # the live copy patients see
    outdated: OutdatedParts
    source_before: dict  # the Dutch text it was reviewed against, by part
    source_now: dict  # the Dutch text now, by part
    publications: list  # the Dutch publications since, oldest first ("Wat is er veranderd?")


def outdated_translations():
    """Every published translation whose Dutch text was published with changes since it was
    reviewed, by leaflet and language (a constant number of queries)."""
    translations = list(
        Translation.objects.filter(version_number__gt=0)
        .select_related("medication")
        .order_by("medication__name", "language")
    )
    working_ids = [t.medication_id for t in translations]
    lives = {
        live.working_copy_id: live
        for live in Medication.all_copies.filter(
            is_live=True, working_copy__in=working_ids
        ).prefetch_related("members", "sections")
    }
    published = Publication.objects.filter(
        medication__in=working_ids, kind=PublicationKind.PUBLISHED
    ).order_by("published_at", "pk")
    found = []
    for translation in translations:
        live = lives.get(translation.medication_id)
        if live is None:
            continue
        now = source_parts(live)
        outdated = changed_parts(translation.source_text, now)
        if not outdated:
            continue
        since = translation.source_published_at or translation.approved_at
        found.append(
            OutdatedTranslation(
                translation=translation,
                live=live,
                outdated=outdated,
                source_before=translation.source_text,
                source_now=now,
                publications=[
                    p
                    for p in published
                    if p.medication_id == translation.medication_id
                    and (since is None or p.published_at > since)
                ],
            )
        )
    return found

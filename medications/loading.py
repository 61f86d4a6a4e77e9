"""Content files -> database. Everything is checked first; writing happens in one transaction.

Leaflets live in `content/leaflets/*.md` (YAML front matter + `## Question {#code}` sections),
the glossary in `content/woordenlijst.md`. See content/README.md for the format.
"""

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from medications import search_index
from medications.glossary_links import relink_all_sections
from medications.models import (
    CORE_SECTION_KINDS,
    GlossaryTerm,
    Medication,
    MedicationKind,
    Route,
    SectionKind,
)

SECTION_HEADING = re.compile(r"^##(?!#)\s*(?P<heading>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
FENCE = re.compile(r"^\s*(```|~~~)")
SOURCE_SILENT_FLAG = "geen-informatie"


@dataclass
class ContentError:
    path: Path
    line: int
    message: str

    def __str__(self):
        return f"{display_path(self.path)}, regel {self.line}: {self.message}"


class ContentErrors(Exception):
    """One or more problems in the content files; nothing was written."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))


@dataclass
class SectionData:
    kind: str
    heading: str
    body: str
    source_silent: bool
    line: int


@dataclass
class MemberData:
    substance: str
    brand_names: list
    note: str


@dataclass
class LeafletData:
    path: Path
    content_hash: str
    slug: str
    name: str
    kind: str
    route: str
    summary: str
    brand_names: list
    other_names: list
    members: list
    source_publisher: str
    source_title: str
    source_date: str
    source_note: str
    last_reviewed: datetime.date
    published: bool
    sections: list


@dataclass
class TermData:
    term: str
    slug: str
    variants: list
    explanation: str
    line: int

    @property
    def source_hash(self):
        text = "\n".join([self.term, ",".join(self.variants), self.explanation])
        return hashlib.sha256(text.encode()).hexdigest()


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


def display_path(path):
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# --- Reading and checking -------------------------------------------------------------------


def read_content(content_dir):
    """Parse and check every content file; raise ContentErrors listing every problem found."""
    content_dir = Path(content_dir)
    errors = []
    leaflet_dir = content_dir / "leaflets"
    paths = sorted(leaflet_dir.glob("*.md"))
    if not paths:
        errors.append(
            ContentError(leaflet_dir, 1, "geen folders gevonden (bestanden met de extensie .md).")
        )
    leaflets = []
    for path in paths:
        leaflet = parse_leaflet(path, errors)
        if leaflet:
            leaflets.append(leaflet)
    check_unique_slugs(leaflets, errors)
    glossary_path = content_dir / "woordenlijst.md"
    if glossary_path.exists():
        terms = parse_glossary(glossary_path, errors)
    else:
        errors.append(ContentError(glossary_path, 1, "de woordenlijst ontbreekt."))
        terms = []
    if errors:
        raise ContentErrors(errors)
    return leaflets, terms


def read_text(path, errors):
    try:
        return path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        errors.append(ContentError(path, line, "het bestand is geen UTF-8-tekst."))
    except OSError as error:
        errors.append(ContentError(path, 1, f"kan het bestand niet lezen ({error.strerror})."))
    return None


def parse_leaflet(path, errors):
    """One leaflet file -> LeafletData, or None after adding its problems to `errors`."""
    text = read_text(path, errors)
    if text is None:
        return None
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        errors.append(ContentError(path, 1, "het bestand moet beginnen met een regel '---'."))
        return None
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---")
    except StopIteration:
        errors.append(
            ContentError(path, 1, "de gegevens bovenaan missen hun afsluitende regel '---'.")
        )
        return None
    error_count = len(errors)
    front = parse_front_matter(path, "\n".join(lines[1:end]), errors)
    sections = parse_sections(path, lines[end + 1 :], first_line=end + 2, errors=errors)
    if front is None or len(errors) > error_count:
        return None
    return LeafletData(
        path=path,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        sections=sections,
        **front,
    )


def yaml_key_lines(text):
    """Map each top-level YAML key to its 1-based line within `text`."""
    node = yaml.compose(text)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}


def parse_front_matter(path, text, errors):
    offset = 1  # the front matter starts on line 2, after '---'
    try:
        data = yaml.safe_load(text)
        key_lines = yaml_key_lines(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 + offset if mark else 1
        problem = getattr(error, "problem", None) or "onleesbare YAML"
        errors.append(
            ContentError(path, line, f"de gegevens bovenaan zijn geen geldige YAML ({problem}).")
        )
        return None
    if not isinstance(data, dict):
        errors.append(
            ContentError(path, 2, "de gegevens bovenaan moeten 'veld: waarde'-regels zijn.")
        )
        return None

    checker = FrontMatterChecker(path, data, {k: v + offset for k, v in key_lines.items()}, errors)
    return checker.check()


class FrontMatterChecker:
    """Checks the YAML fields of one leaflet and converts them to LeafletData keywords."""

    KNOWN = {
        "slug", "name", "kind", "route", "summary", "brand_names", "other_names", "members",
        "source", "last_reviewed", "published",
    }  # fmt: skip

    def __init__(self, path, data, key_lines, errors):
        self.path = path
        self.data = data
        self.key_lines = key_lines
        self.errors = errors

    def error(self, key, message):
        self.errors.append(ContentError(self.path, self.key_lines.get(key, 2), message))

    def text(self, key, required=True):
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error(key, f"het veld '{key}' ontbreekt of is leeg.")
            return ""
        if not isinstance(value, str | int | float):
            self.error(key, f"het veld '{key}' moet tekst zijn.")
            return ""
        return " ".join(str(value).split())

    def names(self, key, required=True, container=None):
        data = self.data if container is None else container
        value = data.get(key)
        if value is None:
            if required:
                self.error(key, f"het veld '{key}' ontbreekt; schrijf [] als er geen zijn.")
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(key, f"het veld '{key}' moet een lijst met namen zijn, zoals [A, B].")
            return []
        bad = [v for v in value if "," in v]
        if bad:
            self.error(key, f"een naam in '{key}' bevat een komma: {bad[0]!r}.")
        return [v.strip() for v in value]

    def choice(self, key, choices):
        value = self.text(key)
        if value and value not in choices.values:
            self.error(
                key, f"'{value}' is geen geldige {key}. Kies uit: {', '.join(choices.values)}."
            )
        return value

    def check(self):
        for key in self.data:
            if key not in self.KNOWN:
                self.error(
                    key, f"onbekend veld '{key}'. Bekende velden: {', '.join(sorted(self.KNOWN))}."
                )
        slug = self.text("slug")
        if slug and not SLUG.match(slug):
            self.error("slug", f"slug '{slug}' mag alleen kleine letters, cijfers en '-' bevatten.")
        published = self.data.get("published", True)
        if not isinstance(published, bool):
            self.error("published", "het veld 'published' moet true of false zijn.")
        return {
            "slug": slug,
            "name": self.text("name"),
            "kind": self.choice("kind", MedicationKind),
            "route": self.choice("route", Route),
            "summary": self.text("summary"),
            "brand_names": self.names("brand_names"),
            "other_names": self.names("other_names", required=False),
            "members": self.members(),
            **self.source(),
            "last_reviewed": self.last_reviewed(),
            "published": published is True,
        }

    def members(self):
        value = self.data.get("members", [])
        if not isinstance(value, list):
            self.error("members", "het veld 'members' moet een lijst zijn.")
            return []
        members = []
        for item in value:
            if not isinstance(item, dict) or not str(item.get("substance") or "").strip():
                self.error("members", "elk lid in 'members' heeft een 'substance' nodig.")
                continue
            unknown = set(item) - {"substance", "brand_names", "note"}
            if unknown:
                self.error("members", f"onbekend veld in 'members': {', '.join(sorted(unknown))}.")
            members.append(
                MemberData(
                    substance=str(item["substance"]).strip(),
                    brand_names=self.names("brand_names", required=False, container=item),
                    note=" ".join(str(item.get("note") or "").split()),
                )
            )
        substances = [m.substance.casefold() for m in members]
        if len(substances) != len(set(substances)):
            self.error("members", "een lid staat twee keer in 'members'.")
        return members

    def source(self):
        value = self.data.get("source")
        if not isinstance(value, dict):
            self.error(
                "source",
                "het veld 'source' ontbreekt (met title, en waar bekend publisher en date).",
            )
            return {
                "source_publisher": "",
                "source_title": "",
                "source_date": "",
                "source_note": "",
            }
        unknown = set(value) - {"publisher", "title", "date", "note"}
        if unknown:
            self.error("source", f"onbekend veld in 'source': {', '.join(sorted(unknown))}.")
        parts = {}
        for key in ("publisher", "title", "date", "note"):
            raw = value.get(key)
            parts[key] = " ".join(str(raw).split()) if raw is not None else ""
            if key == "title" and not parts[key]:
                self.error("source", f"'source' mist '{key}'.")
        if parts["date"] and not valid_source_date(parts["date"]):
            self.error(
                "source",
                f"'{parts['date']}' is geen geldige datum; "
                'schrijf "2016", "2020-05" of "2020-05-01".',
            )
        return {
            "source_publisher": parts["publisher"],
            "source_title": parts["title"],
            "source_date": parts["date"],
            "source_note": parts["note"],
        }

    def last_reviewed(self):
        value = self.data.get("last_reviewed")
        if isinstance(value, datetime.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value.strip())
            except ValueError:
                value = None
        if not isinstance(value, datetime.date):
            self.error("last_reviewed", "'last_reviewed' moet een datum zijn, zoals 2026-11-23.")
            return None
        if value > timezone.localdate():
            self.error("last_reviewed", f"'last_reviewed' ({value}) ligt in de toekomst.")
        return value


def valid_source_date(text):
    if not SOURCE_DATE.match(text):
        return False
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def parse_sections(path, lines, first_line, errors):
    """The body of a leaflet: `## Heading {#code}` sections in Markdown."""
    sections = []
    current = None
    body = []
    in_fence = False

    def close():
        if current is None:
            return
        current.body = "\n".join(body).strip()
        if not current.body:
            errors.append(
                ContentError(path, current.line, f"het onderdeel '{current.kind}' is leeg.")
            )
        sections.append(current)

    for number, line in enumerate(lines, start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            body.append(line)
            continue
        if re.match(r"^#(?!#)", line):
            errors.append(
                ContentError(
                    path, number, "gebruik geen kop met één '#': de paginatitel is de naam."
                )
            )
            continue
        if line.startswith("##") and not line.startswith("###"):
            close()
            body = []
            current = parse_section_heading(path, number, line, errors)
            continue
        if current is None:
            if line.strip():
                errors.append(
                    ContentError(
                        path,
                        number,
                        "tekst vóór het eerste onderdeel; begin met een '## Kop {#code}'.",
                    )
                )
            continue
        body.append(line)
    close()
    sections = [s for s in sections if s.kind]
    check_section_kinds(path, sections, first_line, errors)
    return sections


def parse_section_heading(path, number, line, errors):
    match = SECTION_HEADING.match(line)
    heading = match["heading"] if match else ""
    attrs = (match["attrs"] or "").split() if match else []
    if not attrs or not attrs[0].startswith("#"):
        errors.append(
            ContentError(
                path,
                number,
                "een onderdeel heeft een code nodig, zoals '## Hoe gebruikt u het? {#dosering}'.",
            )
        )
        return SectionData(kind="", heading=heading, body="", source_silent=False, line=number)
    kind = attrs[0][1:]
    if kind not in SectionKind.values:
        errors.append(
            ContentError(
                path,
                number,
                f"onbekend onderdeel '{kind}'. Kies uit: {', '.join(SectionKind.values)}.",
            )
        )
        kind = ""
    flags = attrs[1:]
    if any(flag != SOURCE_SILENT_FLAG for flag in flags):
        errors.append(
            ContentError(
                path, number, f"onbekende toevoeging {flags}; alleen '{SOURCE_SILENT_FLAG}' mag."
            )
        )
    if not heading:
        errors.append(ContentError(path, number, "het onderdeel heeft geen kop (een vraag)."))
    return SectionData(
        kind=kind, heading=heading, body="", source_silent=SOURCE_SILENT_FLAG in flags, line=number
    )


def check_section_kinds(path, sections, first_line, errors):
    seen = {}
    for section in sections:
        if section.kind in seen:
            errors.append(
                ContentError(
                    path,
                    section.line,
                    f"het onderdeel '{section.kind}' staat er twee keer "
                    f"(ook op regel {seen[section.kind]}).",
                )
            )
        seen.setdefault(section.kind, section.line)
    missing = [kind for kind in CORE_SECTION_KINDS if kind not in seen]
    if missing:
        errors.append(
            ContentError(
                path,
                first_line,
                "kernonderwerp(en) ontbreken: "
                + ", ".join(missing)
                + ". Zegt de folder er niets over, schrijf dan bijvoorbeeld "
                + f"'## ... {{#{missing[0]} {SOURCE_SILENT_FLAG}}}' "
                + "met wie de patiënt het kan vragen.",
            )
        )


def check_unique_slugs(leaflets, errors):
    first = {}
    for leaflet in leaflets:
        if leaflet.slug in first:
            errors.append(
                ContentError(
                    leaflet.path,
                    2,
                    f"slug '{leaflet.slug}' wordt ook gebruikt in "
                    f"{display_path(first[leaflet.slug])}.",
                )
            )
        first.setdefault(leaflet.slug, leaflet.path)


def parse_glossary(path, errors):
    """`## Term`, an optional `Ook: a, b` line, then the explanation."""
    text = read_text(path, errors)
    if text is None:
        return []
    terms = []
    current = None
    body = []

    def close():
        if current is None:
            return
        lines = list(body)
        while lines and not lines[0].strip():
            lines.pop(0)
        if lines and lines[0].lower().startswith("ook:"):
            current.variants = [v.strip() for v in lines.pop(0)[4:].split(",") if v.strip()]
        current.explanation = "\n".join(lines).strip()
        if not current.explanation:
            errors.append(
                ContentError(path, current.line, f"de term '{current.term}' heeft geen uitleg.")
            )
        terms.append(current)

    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("##") and not line.startswith("###"):
            close()
            body = []
            term = line.lstrip("#").strip()
            current = TermData(
                term=term, slug=slugify(term), variants=[], explanation="", line=number
            )
            if not term or not current.slug:
                errors.append(ContentError(path, number, "een term zonder naam."))
            continue
        if current is None:
            if line.strip() and not re.match(r"^#(?!#)", line):
                errors.append(
                    ContentError(path, number, "tekst vóór de eerste term; begin met '## Term'.")
                )
            continue
        body.append(line)
    close()
    check_unique_terms(path, terms, errors)
    return terms


def check_unique_terms(path, terms, errors):
    owner = {}
    slugs = {}
    for term in terms:
        for form in [term.term, *term.variants]:
            key = form.casefold()
            if key in owner and owner[key] is not term:
                errors.append(
                    ContentError(
                        path,
                        term.line,
                        f"'{form}' hoort al bij de term '{owner[key].term}' "
                        f"(regel {owner[key].line}).",
                    )
                )
            owner.setdefault(key, term)
        if term.slug in slugs and slugs[term.slug] is not term:
            errors.append(
                ContentError(path, term.line, f"de term '{term.term}' staat er twee keer.")
            )
        slugs.setdefault(term.slug, term)


# --- Writing ------------------------------------------------------------------------------


def load_content(content_dir=None):
    """Check all content, then write it in one transaction. Returns a LoadReport."""
    leaflets, terms = read_content(content_dir or settings.CONTENT_DIR)
    report = LoadReport()
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        sync_glossary(terms, report)
        if report.terms_created or report.terms_updated or report.terms_deleted:
            # Unchanged leaflets are skipped below, so their terms are linked again here.
            relink_all_sections()
        for leaflet in leaflets:
            sync_leaflet(leaflet, report)
        unpublish_missing({leaflet.slug for leaflet in leaflets}, report)
        search_index.rebuild()
    return report


def sync_glossary(terms, report):
    existing = {term.slug: term for term in GlossaryTerm.objects.all()}
    for data in terms:
        term = existing.get(data.slug)
        if term is not None and term.source_hash == data.source_hash:
            continue
        if term is None:
            term = GlossaryTerm(slug=data.slug)
            report.terms_created += 1
        else:
            report.terms_updated += 1
        term.term = data.term
        term.variants = ", ".join(data.variants)
        term.explanation_markdown = data.explanation
        term.source_hash = data.source_hash
        term.save()
    in_file = {data.slug for data in terms}
    removed = [t.pk for slug, t in existing.items() if slug not in in_file and t.source_hash]
    if removed:
        report.terms_deleted += (
            GlossaryTerm.objects.filter(pk__in=removed).delete()[1].get(GlossaryTerm._meta.label, 0)
        )


def sync_leaflet(data, report):
    """Create or overwrite one medication from its file; a file unchanged since the last load
    is skipped, so edits made in the admin since then are kept."""
    medication = Medication.objects.filter(slug=data.slug).first()
    if (
        medication is not None
        and medication.content_hash == data.content_hash
        and medication.is_published == data.published
    ):
        report.unchanged.append(data.slug)
        return
    created = medication is None
    medication = medication or Medication(slug=data.slug)
    medication.name = data.name
    medication.kind = data.kind
    medication.route = data.route
    medication.summary = data.summary
    medication.brand_names = ", ".join(data.brand_names)
    medication.other_names = ", ".join(data.other_names)
    medication.source_publisher = data.source_publisher
    medication.source_title = data.source_title
    medication.source_date = data.source_date
    medication.source_note = data.source_note
    medication.last_reviewed = data.last_reviewed
    medication.is_published = data.published
    medication.content_file = data.path.name
    medication.content_hash = data.content_hash
    medication.save()

    medication.members.all().delete()
    for position, member in enumerate(data.members):
        medication.members.create(
            substance=member.substance,
            brand_names=", ".join(member.brand_names),
            note=member.note,
            position=position,
        )
    existing = {section.kind: section for section in medication.sections.all()}
    for section_data in data.sections:
        section = existing.pop(section_data.kind, None) or medication.sections.model(
            medication=medication, kind=section_data.kind
        )
        section.heading = section_data.heading
        section.body_markdown = section_data.body
        section.source_silent = section_data.source_silent
        section.save()
    for stale in existing.values():
        stale.delete()
    (report.created if created else report.updated).append(data.slug)


def unpublish_missing(slugs_in_files, report):
    missing = (
        Medication.objects.published().exclude(content_file="").exclude(slug__in=slugs_in_files)
    )
    for medication in missing:
        medication.is_published = False
        medication.content_hash = ""
        medication.save(update_fields=["is_published", "content_hash", "updated_at"])
        report.unpublished.append(medication.slug)

"""Content files -> plain data with line numbers: no database, no model rules (those come in
content.validate). Leaflets live in `content/leaflets/*.md` (YAML front matter + `## Question
{#code}` sections), the glossary in `content/woordenlijst.md`; content/README.md has the format.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.utils.text import slugify

from medications.choices import CORE_SECTION_KINDS, SectionKind
from medications.content.errors import ContentError, ContentErrors, display_path

SECTION_HEADING = re.compile(r"^##(?!#)\s*(?P<heading>.*?)\s*(?:\{(?P<attrs>[^}]*)\})?\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
SOURCE_SILENT_FLAG = "geen-informatie"
FRONT_MATTER_FIRST_LINE = 2  # line 1 is '---'


class TextDatesLoader(yaml.SafeLoader):
    """YAML as written, except that dates stay text: the model's date field checks them, so
    an impossible date (2026-13-45) is reported with its line instead of crashing YAML."""


TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class SectionSource:
    kind: str
    heading: str
    body: str
    source_silent: bool
    line: int


@dataclass
class LeafletSource:
    """One leaflet file: its front matter as written, with the line of each top-level key."""

    path: Path
    front: dict
    key_lines: dict
    sections: list

    @property
    def slug(self):
        return text_value(self.front.get("slug"))

    def line_of(self, key):
        return self.key_lines.get(key, FRONT_MATTER_FIRST_LINE)


@dataclass
class TermSource:
    term: str
    slug: str
    variants: list
    explanation: str
    line: int


@dataclass
class ContentSource:
    leaflets: list = field(default_factory=list)
    terms: list = field(default_factory=list)
    glossary_path: Path | None = None
    # Per translation language: its leaflet files (LeafletSource) and its glossary.
    translations: dict = field(default_factory=dict)  # language -> [LeafletSource]
    glossary_translations: dict = field(default_factory=dict)  # language -> GlossarySource


@dataclass
class GlossarySource:
    path: Path
    terms: list


# `## English term {#dutch-term-slug}` in a translated glossary.
TRANSLATED_TERM = re.compile(r"^##\s*(?P<term>.*?)\s*(?:\{#(?P<slug>[^}\s]*)\})?\s*$")
# The line of other forms of a term, per language; a new language adds its word here.
VARIANTS_LINE = {"nl": "Ook:", "en": "Also:"}
DEFAULT_VARIANTS_LINE = "Also:"


def translated_file(path, languages):
    """The language of a translation file (`azathioprine.en.md` -> 'en'), or None for a
    file in the source language."""
    stem, dot, language = path.stem.rpartition(".")
    return language if dot and stem and language in languages else None


def text_value(value):
    """A scalar from YAML as one line of text (a folded `>` block ends in a newline)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def read_content(content_dir, languages=None):
    """Parse every content file; raise ContentErrors listing every problem found.
    `languages` are the translation languages: `<slug>.<language>.md` beside each leaflet and
    `woordenlijst.<language>.md` beside the glossary are their files (a missing one: no
    translation yet)."""
    if languages is None:
        languages = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    content_dir = Path(content_dir)
    errors = []
    leaflet_dir = content_dir / "leaflets"
    all_paths = sorted(leaflet_dir.glob("*.md"))
    paths = [path for path in all_paths if not translated_file(path, languages)]
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
    translations = {language: [] for language in languages}
    for path in all_paths:
        language = translated_file(path, languages)
        if language:
            leaflet = parse_leaflet(path, errors)
            if leaflet:
                translations[language].append(leaflet)
    glossary_translations = {}
    for language in languages:
        translated_glossary = content_dir / f"woordenlijst.{language}.md"
        if translated_glossary.exists():
            glossary_translations[language] = GlossarySource(
                translated_glossary, parse_glossary(translated_glossary, errors, language)
            )
    if errors:
        raise ContentErrors(errors)
    return ContentSource(
        leaflets=leaflets,
        terms=terms,
        glossary_path=glossary_path,
        translations={language: found for language, found in translations.items() if found},
        glossary_translations=glossary_translations,
    )


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
    """One leaflet file -> LeafletSource, or None after adding its problems to `errors`."""
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
    front, key_lines = parse_front_matter(path, "\n".join(lines[1:end]), errors)
    sections = parse_sections(path, lines[end + 1 :], first_line=end + 2, errors=errors)
    if front is None or len(errors) > error_count:
        return None
    return LeafletSource(
        path=path,
        front=front,
        key_lines=key_lines,
        sections=sections,
    )


def yaml_key_lines(node):
    """Map each top-level YAML key to its 1-based line within the front matter."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}


def parse_front_matter(path, text, errors):
    """The front matter as a dict, and the file line of each top-level key."""
    offset = FRONT_MATTER_FIRST_LINE - 1
    try:
        data = yaml.load(text, Loader=TextDatesLoader)  # noqa: S506 (a SafeLoader)
        key_lines = yaml_key_lines(yaml.compose(text, Loader=TextDatesLoader))  # noqa: S506
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 + offset if mark else 1
        problem = getattr(error, "problem", None) or "onleesbare YAML"
        errors.append(
            ContentError(path, line, f"de gegevens bovenaan zijn geen geldige YAML ({problem}).")
        )
        return None, {}
    if not isinstance(data, dict):
        errors.append(
            ContentError(path, 2, "de gegevens bovenaan moeten 'veld: waarde'-regels zijn.")
        )
        return None, {}
    return data, {key: line + offset for key, line in key_lines.items()}


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
        return SectionSource(kind="", heading=heading, body="", source_silent=False, line=number)
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
    return SectionSource(
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


def parse_glossary(path, errors, language=None):
    """`## Term`, an optional `Ook: a, b` line, then the explanation. A translation
    (`language`) writes `## Term {#slug}`, the slug of the Dutch term, and its own word for
    the other forms (`Also: a, b`)."""
    variants_line = VARIANTS_LINE.get(language or "nl", DEFAULT_VARIANTS_LINE).lower()
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
        if lines and lines[0].lower().startswith(variants_line):
            forms = lines.pop(0)[len(variants_line) :]
            current.variants = [v.strip() for v in forms.split(",") if v.strip()]
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
            current = parse_term_heading(path, number, line, language, errors)
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


def parse_term_heading(path, number, line, language, errors):
    if language is None:
        term = line.lstrip("#").strip()
        slug = slugify(term)
    else:
        match = TRANSLATED_TERM.match(line)
        term, slug = match["term"], match["slug"] or ""
        if term and not slug:
            errors.append(
                ContentError(
                    path,
                    number,
                    f"de term '{term}' mist de code van de Nederlandse term, zoals "
                    "'## Immune system {#afweersysteem}'.",
                )
            )
    if not term or not slugify(term):
        errors.append(ContentError(path, number, "een term zonder naam."))
    return TermSource(term=term, slug=slug, variants=[], explanation="", line=number)


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

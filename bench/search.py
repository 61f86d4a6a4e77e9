"""Search benchmark: latency of the search view in Dutch and in English, typo correction and
re-indexing one leaflet, on SQLite and PostgreSQL, over a synthetic corpus built from the real
leaflets.

    python bench/search.py                                # both databases, 3,000 and 30,000
    python bench/search.py --sections 3000 --databases sqlite
    python bench/search.py --explain                      # also PostgreSQL query plans

Each (database, size) runs in its own process on its own database: a fresh SQLite file in
the temp directory, and the PostgreSQL database `search_bench` (BENCH_POSTGRES_URL, default
postgres://postgres@127.0.0.1:5432/search_bench), which is emptied first. The corpus: the real
leaflets from content/, plus synthetic leaflets of 15 sections each whose text is made of the
real sections of the same kind, paragraphs mixed from two leaflets and the names replaced,
in Dutch and (from the same two sections' translations) in English. Each language is searched
with its own questions: the Dutch and English gold sets, broad questions and templates.
"""

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/search_bench"
)
SECTIONS_PER_LEAFLET = 15
SEED = 20261123

PREFIXES = [
    "ab", "al", "bel", "cor", "dal", "en", "fil", "gal", "hex", "ir", "jol", "kav",
    "lem", "mor", "nal", "ol", "pex", "ros", "sal", "tel", "ur", "val", "wex", "zan",
]  # fmt: skip
MIDDLES = ["a", "e", "i", "o", "u", "ri", "ta", "no", "li", "ve"]
SUFFIXES = ["mab", "nib", "tinib", "cept", "zumab", "ximab", "parin", "lol", "prine", "tide"]
BRAND_ENDINGS = ["ra", "ex", "ol", "a", "ia", "on", "is", "ix"]
LANGUAGES = ["nl", "en"]
BROAD_QUERIES = {
    "nl": [
        "bijwerkingen", "griepprik", "mag ik naar de tandarts", "koelkast", "zwanger worden",
        "op vakantie", "bloedcontrole", "wat is een biosimilar", "koorts", "hoofdpijn",
    ],
    "en": [
        "side effects", "flu jab", "can i go to the dentist", "fridge", "getting pregnant",
        "on holiday", "blood test", "what is a biosimilar", "fever", "headache",
    ],
}  # fmt: skip
QUESTION_TEMPLATES = {
    "nl": [
        "{name} bijwerkingen", "{brand} zwanger", "mag ik {name} gebruiken als ik zwanger ben",
        "{name} griepprik", "{brand} koelkast", "{name} tandarts", "hoe vaak bloed prikken {name}",
        "{brand}", "{typo}", "{typo} bijwerkingen", "wanneer werkt {name}",
    ],
    "en": [
        "{name} side effects", "{brand} pregnant", "can i take {name} if i am pregnant",
        "{name} flu jab", "{brand} fridge", "{name} dentist", "how often blood test {name}",
        "{brand}", "{typo}", "{typo} side effects", "when does {name} start to work",
    ],
}  # fmt: skip
GENERAL_TYPOS = {
    "nl": ["bijwerkngen", "zwangerschp", "vacinatie", "tandats", "koelkats", "operatei"],
    "en": ["sideefects", "pregnent", "vacination", "dentits", "frigde", "opertion"],
}


# --- Parent: one child process per database and size --------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, nargs="+", default=[3000, 30000])
    parser.add_argument(
        "--databases", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"]
    )
    parser.add_argument("--queries", type=int, default=400, help="timed searches per run")
    parser.add_argument("--explain", action="store_true", help="print PostgreSQL plans")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    rows = []
    for sections in args.sections:
        for database in args.databases:
            url = POSTGRES_URL if database == "postgresql" else sqlite_url(sections)
            print(f"== {database}, {sections} sections per language ...", flush=True)
            command = [sys.executable, __file__, "--child", url, "--sections", str(sections)]
            command += ["--queries", str(args.queries)] + (["--explain"] if args.explain else [])
            output = subprocess.run(
                command, cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True
            )
            lines = output.stdout.strip().splitlines()
            print("\n".join(lines[:-1]))
            rows.append(json.loads(lines[-1]))
            print(f"   {lines[-1]}", flush=True)
    print_table(rows)


def sqlite_url(sections):
    path = Path(tempfile.gettempdir()) / f"search_bench_{sections}.sqlite3"
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def print_table(rows):
    print()
    print(
        "| database | sections/lang | language | search p50 | p95 | p99 | typo p50 | p95 | p99 "
        "| reindex leaflet p50 | p95 | full rebuild |"
    )
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        r = row["reindex_ms"]
        for language in LANGUAGES:
            s, t = row["search_ms"][language], row["typo_ms"][language]
            print(
                f"| {row['database']} | {row['sections']:,} | {language} | {s[0]:.1f} ms"
                f" | {s[1]:.1f} | {s[2]:.1f} | {t[0]:.2f} ms | {t[1]:.2f} | {t[2]:.2f}"
                f" | {r[0]:.0f} ms | {r[1]:.0f} | {row['rebuild_s']:.1f} s |"
            )


# --- Child: build the corpus, then time --------------------------------------------------


def ensure_postgres_database(url):
    """Create the benchmark's own PostgreSQL database when it is not there yet."""
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(base + "/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def child(args):
    if args.child.startswith("postgres"):
        ensure_postgres_database(args.child)
    os.environ["DATABASE_URL"] = args.child
    os.environ["DJANGO_HTTPS"] = "0"
    # What is measured is search itself: the per-client limit would refuse most of the run.
    os.environ["PORTAL_RATE_LIMIT_SEARCH"] = "1000000/m"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    call_command("migrate", verbosity=0)
    random.seed(SEED)
    corpus = build_corpus(args.sections[0])
    static = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    with override_settings(STORAGES={"staticfiles": static, "default": static}):
        search_ms = {lang: time_searches(corpus, args.queries, lang) for lang in LANGUAGES}
    result = {
        "database": connection.vendor,
        "sections": corpus["sections"],
        "rebuild_s": corpus["rebuild_s"],
        "search_ms": {lang: percentiles(samples) for lang, samples in search_ms.items()},
        "typo_ms": {lang: percentiles(time_typos(corpus, lang)) for lang in LANGUAGES},
        "reindex_ms": percentiles(time_reindex(corpus)),
    }
    if args.explain and connection.vendor == "postgresql":
        explain(corpus)
    print(json.dumps(result))


def percentiles(samples):
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return [cuts[49], cuts[94], cuts[98]]


def build_corpus(sections_wanted):
    """Empty the database, load the real content, add synthetic leaflets, rebuild the index."""
    from django.utils import translation

    from medications.content import load_content
    from medications.models import GlossaryTerm, Medication
    from search import index as search_index
    from search.models import SearchEntry, SearchWord

    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    Medication.all_copies.all().delete()
    GlossaryTerm.objects.all().delete()
    load_content(ROOT / "content")
    real = list(Medication.objects.prefetch_related("sections", "members"))
    real_sections = sum(len(m.sections.all()) for m in real)
    count = max(0, round((sections_wanted - real_sections) / SECTIONS_PER_LEAFLET))
    with translation.override("nl"):  # Section(heading=...) is the Dutch text
        synthetic = add_synthetic_leaflets(real, count)
    started = time.perf_counter()
    search_index.rebuild()
    search_index.tidy_after_rebuild()  # as load_content and rebuild_search_index do
    rebuild_s = time.perf_counter() - started
    total = real_sections + count * SECTIONS_PER_LEAFLET
    english = SearchEntry.objects.filter(language="en", section__isnull=False).count()
    print(f"   corpus: {len(real) + count} leaflets, {total} sections ({english:,} in English)")
    return {"real": real, "synthetic": synthetic, "sections": total, "rebuild_s": rebuild_s}


def synthetic_names(count):
    seen = set()
    names = []
    while len(names) < count:
        # Two middle syllables: room for tens of thousands of names (30,000 sections need 2,000).
        name = random.choice(PREFIXES) + "".join(random.choices(MIDDLES, k=2))
        name += random.choice(SUFFIXES)
        brand = (random.choice(PREFIXES) + "".join(random.choices(MIDDLES, k=2))).capitalize()
        brand += random.choice(BRAND_ENDINGS)
        if name not in seen and brand.lower() not in seen:
            seen.update({name, brand.lower()})
            names.append((name, brand))
    return names


def name_pattern(medication):
    names = [medication.name_nl, medication.name_en, *medication.brand_name_list]
    names += medication.other_name_list
    names += [member.substance.split("(")[0].strip() for member in medication.members.all()]
    names += [brand for member in medication.members.all() for brand in member.brand_name_list]
    names = sorted({n for n in names if n}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.I)


def section_sources(real):
    """The real sections by kind: per language its heading and Markdown blocks (None where
    the section has no text in that language), with the pattern of its medication's names."""
    by_kind = {}
    for medication in real:
        pattern = name_pattern(medication)
        for section in medication.sections.all():
            source = {"pattern": pattern}
            for language in LANGUAGES:
                heading = getattr(section, f"heading_{language}")
                body = getattr(section, f"body_markdown_{language}") or ""
                blocks = [b for b in body.split("\n\n") if b.strip()]
                source[language] = (heading, blocks) if heading and blocks else None
            by_kind.setdefault(section.kind, []).append(source)
    return by_kind


def mixed_text(first, second, language, kind, name, brand, rendered):
    """The first half of one section's blocks and the second half of another's, in one
    language, with the names replaced: (heading, Markdown, HTML), or None."""
    from medications.publishing.rendering import render_markdown

    if not first[language] or not second[language]:
        return None
    heading, blocks = first[language]
    other_blocks = second[language][1]
    chosen = [(b, first["pattern"]) for b in blocks[: max(1, len(blocks) // 2 + 1)]]
    chosen += [(b, second["pattern"]) for b in other_blocks[len(other_blocks) // 2 :]]
    html = []
    for block, pattern in chosen:
        if block not in rendered:
            rendered[block] = render_markdown(block, id_prefix=kind)
        html.append(rename(rendered[block], pattern, name, brand))
    markdown = "\n\n".join(rename(b, p, name, brand) for b, p in chosen)
    return rename(heading, first["pattern"], name, brand), markdown, "\n".join(html)


def add_synthetic_leaflets(real, count):
    """Leaflets whose sections are the real ones of the same kind: the blocks of two real
    sections mixed, every real name replaced by the new name (or its brand). The English
    text mixes the same two sections' English text, where both have it."""
    from medications.models import (
        CORE_SECTION_KINDS,
        Medication,
        MedicationKind,
        Route,
        Section,
        SectionKind,
    )

    by_kind = section_sources(real)
    optional = [kind for kind in by_kind if kind not in CORE_SECTION_KINDS]
    rendered = {}
    medications, sections = [], []
    for index, (name, brand) in enumerate(synthetic_names(count)):
        medication = Medication(
            is_live=True,  # what patients see, and search indexes
            slug=f"synthetisch-{index}-{name}",
            name=name.capitalize(),
            kind=random.choice(MedicationKind.values),
            route=random.choice(Route.values),
            summary=f"{name.capitalize()} is een medicijn dat het afweersysteem remt.",
            brand_names=brand,
            source_publisher="Benchmark",
            source_title=f"Folder over {name}",
            last_reviewed="2026-01-01",
        )
        medications.append(medication)
        kinds = list(CORE_SECTION_KINDS) + random.sample(
            optional, SECTIONS_PER_LEAFLET - len(CORE_SECTION_KINDS)
        )
        for kind in kinds:
            sources = by_kind[kind]
            first, second = random.sample(sources, 2) if len(sources) > 1 else sources * 2
            heading, markdown, html = mixed_text(first, second, "nl", kind, name, brand, rendered)
            section = Section(
                medication=medication,
                kind=kind,
                position=SectionKind.position_of(kind),
                heading=heading,
                body_markdown=markdown,
                body_html=html,
            )
            english = mixed_text(first, second, "en", kind, name, brand, rendered)
            if english:
                section.heading_en, section.body_markdown_en, section.body_html_en = english
            sections.append(section)
    Medication.objects.bulk_create(medications, batch_size=500)
    for section in sections:
        section.medication_id = section.medication.pk
    Section.objects.bulk_create(sections, batch_size=1000)
    publish_english(medications)
    return medications


def publish_english(medications):
    """Each synthetic leaflet's English as a loaded one has it: a working copy whose English
    translation is published (medications.languages: only then has it an English page)."""
    from medications.models import Medication, ReviewStatus, Translation

    working = [
        Medication(
            slug=live.slug,
            name=live.name,
            kind=live.kind,
            route=live.route,
            summary=live.summary,
            brand_names=live.brand_names,
            source_publisher=live.source_publisher,
            source_title=live.source_title,
            last_reviewed=live.last_reviewed,
        )
        for live in medications
    ]
    Medication.all_copies.bulk_create(working, batch_size=500)
    for live, copy in zip(medications, working, strict=True):
        live.working_copy = copy
        live.name_en, live.summary_en = live.name, "A medicine that calms the immune system."
    Medication.all_copies.bulk_update(
        medications, ["working_copy", "name_en", "summary_en"], batch_size=500
    )
    Translation.objects.bulk_create(
        [
            Translation(
                medication=copy, language="en", status=ReviewStatus.PUBLISHED, version_number=1
            )
            for copy in working
        ],
        batch_size=500,
    )


def rename(text, pattern, name, brand):
    def replace(match):
        word = match.group()
        if word[:1].isupper() and word.lower() != word:
            return brand if random.random() < 0.3 else name.capitalize()
        return name

    return pattern.sub(replace, text)


def typo(word):
    position = random.randrange(1, len(word) - 1)
    return word[:position] + word[position + 1 :]


def query_mix(corpus, size, language):
    from tests.search.gold import gold_set

    queries = [gold.query for gold in gold_set(language)] + BROAD_QUERIES[language]
    while len(queries) < size:
        medication = random.choice(corpus["synthetic"] or corpus["real"])
        name, brand = medication.name.lower(), medication.brand_names or medication.name
        template = random.choice(QUESTION_TEMPLATES[language])
        queries.append(template.format(name=name, brand=brand, typo=typo(name)))
    random.shuffle(queries)
    return queries[:size]


def time_searches(corpus, size, language):
    """The search page in `language` (/zoeken/, /en/search/), with that language's questions.
    The language stays active around each request, as LocaleMiddleware keeps it."""
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    client = Client()
    queries = query_mix(corpus, size, language)
    with translation.override(language):
        url = reverse("search:search")
        for query in queries[:20]:  # warm up: vocabulary in memory, caches filled
            client.get(url, {"q": query})
        samples = []
        for query in queries:
            started = time.perf_counter()
            response = client.get(url, {"q": query})
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code in (200, 302), (query, response.status_code)
    slowest = sorted(zip(samples, queries, strict=True), reverse=True)[:5]
    print(f"   slowest ({language}): " + "; ".join(f"{ms:.1f} ms {q!r}" for ms, q in slowest))
    return samples


def time_typos(corpus, language):
    from search.vocabulary import vocabulary

    known = vocabulary(language)
    words = [
        typo(m.name.lower())
        for m in random.sample(corpus["synthetic"], min(200, len(corpus["synthetic"])))
    ]
    words += [typo(m.name.lower()) for m in corpus["real"]] + GENERAL_TYPOS[language] * 10
    samples = []
    for word in words:
        started = time.perf_counter()
        known.correct(word)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def time_reindex(corpus):
    from search import index as search_index

    samples = []
    for medication in (
        random.sample(corpus["synthetic"], min(30, len(corpus["synthetic"]))) + corpus["real"]
    ):
        started = time.perf_counter()
        search_index.reindex([medication.pk])
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def explain(corpus):
    """PostgreSQL's plans for the candidate queries (a question naming a medication needs
    none: its few rows are matched in Python)."""
    from django.db import connection

    from search import analysis
    from search.backends import backend

    broad = [analysis.term_group("bijwerkingen"), analysis.term_group("griepprik")]
    for label, kinds in [("broad, prefix + OR", None), ("broad, with kind", {"bijwerkingen": 1})]:
        for seqscan in ("on", "off"):
            with connection.cursor() as cursor:
                cursor.execute(f"SET enable_seqscan = {seqscan}")
                queryset_sql = capture_sql(
                    lambda k=kinds: backend().candidate_ids("nl", broad, k, 150)
                )
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + queryset_sql[0], queryset_sql[1])
                plan = [row[0] for row in cursor.fetchall()]
                cursor.execute("SET enable_seqscan = on")
            scans = [line.strip() for line in plan if "Scan" in line]
            total = next(line for line in plan if line.startswith("Execution Time"))
            print(f"   plan [{label}, enable_seqscan={seqscan}]: {total}")
            for scan in scans:
                print(f"      {scan}")


def capture_sql(run):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        run()
    sql = queries.captured_queries[-1]["sql"]
    return sql, None


if __name__ == "__main__":
    main()

"""Candidates from the database's full-text index: FTS5 with bm25 on SQLite, a GIN-indexed
tsvector with ts_rank on PostgreSQL.

Both get the same Python-analysed term groups (medications.analysis) and return row ids,
best first. The final order is decided in Python (medications.search), so the two databases
show the same results whenever they return the same candidates.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F

from medications.models import Medication, SearchEntry
from medications.search_index import kind_tag, language_tag, medication_tag

CANDIDATE_LIMIT = 150
FTS_TABLE = f"{SearchEntry._meta.db_table}_fts"
# bm25 column weights for name_terms, heading_terms, body_terms, tags.
FTS_WEIGHTS = (10.0, 4.0, 1.0, 0.0)
# ts_rank weights for D (tags), C (body), B (heading), A (names).
TS_WEIGHTS = [0.0, 0.1, 0.4, 1.0]


def candidate_ids(language, groups, medication_ids=None, kinds=None, limit=CANDIDATE_LIMIT):
    """Ids of published rows in `language` matching any of the term groups, best first,
    optionally only of some medications and some section kinds."""
    if not groups:
        return []
    if connection.vendor == "postgresql":
        return postgresql_candidates(language, groups, medication_ids, kinds, limit)
    return sqlite_candidates(language, groups, medication_ids, kinds, limit)


# --- SQLite: FTS5 -------------------------------------------------------------------------


def fts5_term(term):
    # Analysed terms are [a-z0-9]+ only; quoting them keeps FTS5 syntax out all the same.
    exact = f'"{term.stem}"'
    if not term.prefix:
        return exact
    if term.stem.startswith(term.prefix):
        return f'"{term.prefix}"*'
    return f'({exact} OR "{term.prefix}"*)'


def fts5_groups(groups):
    alternatives = [
        "(" + " AND ".join(fts5_term(term) for term in alternative) + ")"
        for group in groups
        for alternative in group.alternatives
    ]
    return "{name_terms heading_terms body_terms} : (" + " OR ".join(alternatives) + ")"


def fts5_any_tag(values):
    return "tags : (" + " OR ".join(f'"{value}"' for value in values) + ")"


def fts5_expression(language, groups, medication_ids=None, kinds=None):
    parts = [fts5_any_tag([language_tag(language)]), fts5_groups(groups)]
    if medication_ids:
        parts.append(fts5_any_tag(medication_tag(pk) for pk in sorted(medication_ids)))
    if kinds:
        parts.append(fts5_any_tag(kind_tag(kind) for kind in sorted(kinds)))
    return " AND ".join(parts)


def sqlite_candidates(language, groups, medication_ids, kinds, limit):
    weights = ", ".join(str(weight) for weight in FTS_WEIGHTS)
    sql = f"""
        SELECT entry.id
        FROM {FTS_TABLE}
        JOIN {SearchEntry._meta.db_table} entry ON entry.id = {FTS_TABLE}.rowid
        JOIN {Medication._meta.db_table} medication ON medication.id = entry.medication_id
        WHERE {FTS_TABLE} MATCH %s AND medication.is_published
        ORDER BY bm25({FTS_TABLE}, {weights}), entry.id
        LIMIT %s
    """  # noqa: S608 (table names are ours; the expression is a parameter)
    expression = fts5_expression(language, groups, medication_ids, kinds)
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, limit])
        return [row[0] for row in cursor.fetchall()]


# --- PostgreSQL: tsvector -----------------------------------------------------------------


def tsquery_term(term):
    # Weights A, B and C only: the D weight holds the filter tags.
    exact = f"{term.stem}:ABC"
    if not term.prefix:
        return exact
    if term.stem.startswith(term.prefix):
        return f"{term.prefix}:*ABC"
    return f"({exact} | {term.prefix}:*ABC)"


def tsquery_expression(groups):
    return " | ".join(
        "(" + " & ".join(tsquery_term(term) for term in alternative) + ")"
        for group in groups
        for alternative in group.alternatives
    )


def postgresql_candidates(language, groups, medication_ids, kinds, limit):
    query = SearchQuery(tsquery_expression(groups), search_type="raw", config="simple")
    rows = SearchEntry.objects.filter(
        language=language, medication__is_published=True, search_vector=query
    )
    if medication_ids:
        rows = rows.filter(medication__in=medication_ids)
    if kinds:
        rows = rows.filter(kind__in=kinds)
    rows = rows.annotate(rank=SearchRank(F("search_vector"), query, weights=TS_WEIGHTS))
    return list(rows.order_by("-rank", "pk").values_list("pk", flat=True)[:limit])

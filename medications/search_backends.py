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


def candidate_ids(language, groups, kinds=None, limit=CANDIDATE_LIMIT, require_all=False):
    """Ids of published rows in `language` matching any of the term groups (with
    `require_all`, every group), best first, optionally only of some section kinds."""
    if not groups:
        return []
    if connection.vendor == "postgresql":
        return postgresql_candidates(language, groups, kinds, limit, require_all)
    return sqlite_candidates(language, groups, kinds, limit, require_all)


# --- SQLite: FTS5 -------------------------------------------------------------------------


def fts5_term(term):
    # Analysed terms are [a-z0-9]+ only; quoting them keeps FTS5 syntax out all the same.
    exact = f'"{term.stem}"'
    if not term.prefix:
        return exact
    if term.stem.startswith(term.prefix):
        return f'"{term.prefix}"*'
    return f'({exact} OR "{term.prefix}"*)'


def fts5_group(group):
    return " OR ".join(
        "(" + " AND ".join(fts5_term(term) for term in alternative) + ")"
        for alternative in group.alternatives
    )


def fts5_groups(groups, require_all=False):
    joined = (" AND " if require_all else " OR ").join(f"({fts5_group(g)})" for g in groups)
    return "{name_terms heading_terms body_terms} : (" + joined + ")"


def fts5_any_tag(values):
    return "tags : (" + " OR ".join(f'"{value}"' for value in values) + ")"


def fts5_expression(language, groups, kinds=None, hidden_ids=(), require_all=False):
    parts = [fts5_any_tag([language_tag(language)]), fts5_groups(groups, require_all)]
    if kinds:
        parts.append(fts5_any_tag(kind_tag(kind) for kind in sorted(kinds)))
    expression = " AND ".join(parts)
    if hidden_ids:
        expression += " NOT " + fts5_any_tag(medication_tag(pk) for pk in sorted(hidden_ids))
    return expression


def unpublished_ids():
    """Medications offline (usually none): their rows are left out inside the FTS5 query
    itself, so ranking needs no join and FTS5 can keep only the best rows while it ranks."""
    return set(Medication.objects.filter(is_published=False).values_list("pk", flat=True))


def sqlite_candidates(language, groups, kinds, limit, require_all):
    weights = ", ".join(str(weight) for weight in FTS_WEIGHTS)
    sql = f"""
        SELECT rowid FROM {FTS_TABLE}
        WHERE {FTS_TABLE} MATCH %s
        ORDER BY bm25({FTS_TABLE}, {weights}), rowid
        LIMIT %s
    """  # noqa: S608 (the table name is ours; the expression is a parameter)
    expression = fts5_expression(language, groups, kinds, unpublished_ids(), require_all)
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


def tsquery_group(group):
    return " | ".join(
        "(" + " & ".join(tsquery_term(term) for term in alternative) + ")"
        for alternative in group.alternatives
    )


def tsquery_expression(groups, require_all=False):
    return (" & " if require_all else " | ").join(f"({tsquery_group(g)})" for g in groups)


def postgresql_candidates(language, groups, kinds, limit, require_all=False):
    query = SearchQuery(tsquery_expression(groups, require_all), search_type="raw", config="simple")
    rows = SearchEntry.objects.filter(
        language=language, medication__is_published=True, search_vector=query
    )
    if kinds:
        rows = rows.filter(kind__in=kinds)
    rows = rows.annotate(rank=SearchRank(F("search_vector"), query, weights=TS_WEIGHTS))
    return list(rows.order_by("-rank", "pk").values_list("pk", flat=True)[:limit])

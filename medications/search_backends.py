"""Candidates from the database's full-text index: FTS5 with bm25 on SQLite, a GIN-indexed
tsvector with ts_rank on PostgreSQL.

Both get the same Python-analysed term groups (medications.analysis) and return row ids,
best first. The final order is decided in Python (medications.search), so the two databases
show the same results whenever they return the same candidates.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, When

from medications.models import Medication, SearchEntry
from medications.search_index import kind_tag, language_tag, medication_tag

CANDIDATE_LIMIT = 150
FTS_TABLE = f"{SearchEntry._meta.db_table}_fts"
# bm25 column weights for name_terms, heading_terms, body_terms, tags.
FTS_WEIGHTS = (10.0, 4.0, 1.0, 0.0)
# ts_rank weights for D (unused), C (body), B (heading), A (names).
TS_WEIGHTS = [0.0, 0.1, 0.4, 1.0]


def candidate_ids(
    language, groups, kinds=None, limit=CANDIDATE_LIMIT, require_all=False, titles_only=False
):
    """Ids of published rows in `language` matching any of the term groups (with
    `require_all`, every group): first those of the section `kinds` the question is about,
    best first, then the others, best first. With `titles_only`, only rows with the words in
    their names or heading."""
    if not groups:
        return []
    if connection.vendor == "postgresql":
        return postgresql_candidates(language, groups, kinds, limit, require_all, titles_only)
    options = {"require_all": require_all, "titles_only": titles_only}
    options["hidden_ids"] = unpublished_ids()  # once for both queries
    ids = sqlite_candidates(language, groups, kinds, limit, **options) if kinds else []
    if len(ids) < limit:
        ids += sqlite_candidates(language, groups, None, limit, **options)
    return list(dict.fromkeys(ids))[:limit]


# --- SQLite: FTS5 -------------------------------------------------------------------------


def fts5_term(term):
    # Analysed terms are [a-z0-9]+ only; quoting them keeps FTS5 syntax out all the same.
    exact = f'"{term.stem}"'
    if not term.prefix:
        return exact
    if term.stem.startswith(term.prefix):
        return f'"{term.prefix}"*'
    return f'({exact} OR "{term.prefix}"*)'


def boolean_expression(groups, term, and_, or_, require_all):
    """The term groups in one query syntax (FTS5 or tsquery): a group matches when all terms
    of one of its alternatives do; the expression when any group does (all: `require_all`)."""

    def group_expression(group):
        return f" {or_} ".join(
            "(" + f" {and_} ".join(term(each) for each in alternative) + ")"
            for alternative in group.alternatives
        )

    joined = f" {and_} " if require_all else f" {or_} "
    return joined.join(f"({group_expression(group)})" for group in groups)


def fts5_groups(groups, require_all=False, titles_only=False):
    joined = boolean_expression(groups, fts5_term, "AND", "OR", require_all)
    columns = "name_terms heading_terms" if titles_only else "name_terms heading_terms body_terms"
    return "{" + columns + "} : (" + joined + ")"


def fts5_any_tag(values):
    return "tags : (" + " OR ".join(f'"{value}"' for value in values) + ")"


def fts5_expression(
    language, groups, kinds=None, hidden_ids=(), require_all=False, titles_only=False
):
    parts = [fts5_any_tag([language_tag(language)]), fts5_groups(groups, require_all, titles_only)]
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


def sqlite_candidates(
    language, groups, kinds, limit, require_all=False, titles_only=False, hidden_ids=()
):
    weights = ", ".join(str(weight) for weight in FTS_WEIGHTS)
    sql = f"""
        SELECT rowid FROM {FTS_TABLE}
        WHERE {FTS_TABLE} MATCH %s
        ORDER BY bm25({FTS_TABLE}, {weights}), rowid
        LIMIT %s
    """  # noqa: S608 (the table name is ours; the expression is a parameter)
    expression = fts5_expression(language, groups, kinds, hidden_ids, require_all, titles_only)
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression, limit])
        return [row[0] for row in cursor.fetchall()]


# --- PostgreSQL: tsvector -----------------------------------------------------------------


def tsquery_term(term):
    # No weight restriction: with one, the GIN index is lossy and every match is read again.
    if not term.prefix:
        return term.stem
    if term.stem.startswith(term.prefix):
        return f"{term.prefix}:*"
    return f"({term.stem} | {term.prefix}:*)"


def tsquery_expression(groups, require_all=False):
    return boolean_expression(groups, tsquery_term, "&", "|", require_all)


def postgresql_candidates(language, groups, kinds, limit, require_all=False, titles_only=False):
    vector = "title_vector" if titles_only else "search_vector"
    expression = tsquery_expression(groups, require_all)
    query = SearchQuery(expression, search_type="raw", config="simple")
    rows = SearchEntry.objects.filter(
        language=language, medication__is_published=True, **{vector: query}
    )
    rows = rows.annotate(rank=SearchRank(F(vector), query, weights=TS_WEIGHTS))
    order = ["-rank", "pk"]
    if kinds:  # one query where SQLite needs two: the kinds asked about first
        rows = rows.annotate(of_kind=Case(When(kind__in=kinds, then=1), default=0))
        order.insert(0, "-of_kind")
    return list(rows.order_by(*order).values_list("pk", flat=True)[:limit])

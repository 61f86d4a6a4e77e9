"""PostgreSQL: GIN-indexed tsvector columns ('simple' configuration), ranked by ts_rank."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F

from medications.models import Medication
from search.backends.base import SearchBackend, boolean_expression
from search.models import SearchEntry, SearchWord

# ts_rank weights for D (unused), C (body), B (heading), A (names).
TS_WEIGHTS = [0.0, 0.1, 0.4, 1.0]
# Rank divided by 1 + log(length), as bm25 weighs long rows down: on the benchmark corpus
# this gives the same top 3 as SQLite more often (368 of 383 questions against 357).
TS_NORMALIZATION = 1


def tsquery_term(term):
    # No weight restriction: with one, the GIN index is lossy and every match is read again.
    if not term.prefix:
        return term.stem
    if term.stem.startswith(term.prefix):
        return f"{term.prefix}:*"
    return f"({term.stem} | {term.prefix}:*)"


def tsquery_expression(groups, require_all=False):
    return boolean_expression(groups, tsquery_term, "&", "|", require_all)


def title_vector():
    """Names and heading as a weighted tsvector. The 'simple' configuration only splits on
    spaces and lowercases: no second stemmer on top of ours."""
    return SearchVector("name_terms", weight="A", config="simple") + SearchVector(
        "heading_terms", weight="B", config="simple"
    )


def search_vector():
    """The whole row: names, heading and text (weights A, B and C)."""
    return title_vector() + SearchVector("body_terms", weight="C", config="simple")


class PostgreSQLBackend(SearchBackend):
    def candidate_ids(
        self, language, groups, kinds=None, limit=150, require_all=False, titles_only=False
    ):
        rows = self.candidate_rows(
            language, groups, kinds, limit, ["pk"], require_all=require_all,
            titles_only=titles_only,
        )  # fmt: skip
        return [row[0] for row in rows]

    def candidate_rows(
        self, language, groups, kinds, limit, fields, require_all=False, titles_only=False
    ):
        """As SQLite does it: the kinds asked about first, then the rest. Ranking reads the
        vector of every row that matches, and a common word matches thousands: with the
        kind first, a few hundred rows are ranked and the second query is seldom needed.
        The rows come with their fields: one round trip less than fetching them by id."""
        if not groups:
            return []
        vector = "title_vector" if titles_only else "search_vector"
        expression = tsquery_expression(groups, require_all)
        query = SearchQuery(expression, search_type="raw", config="simple")
        rows = SearchEntry.objects.filter(
            language=language, medication__is_published=True, **{vector: query}
        )
        rank = SearchRank(F(vector), query, weights=TS_WEIGHTS, normalization=TS_NORMALIZATION)
        rows = rows.annotate(rank=rank)
        found = self.best(rows.filter(kind__in=list(kinds)), limit, fields) if kinds else []
        if len(found) < limit:
            seen = [row[0] for row in found]
            found += self.best(rows.exclude(pk__in=seen), limit - len(found), fields)
        return found

    def best(self, rows, limit, fields):
        return list(rows.order_by("-rank", "pk").values_list(*fields)[:limit])

    def rows_written(self, rows):
        rows.update(search_vector=search_vector(), title_vector=title_vector())

    def tidy(self):
        """Clear the dead rows a rebuild left and refresh the statistics. Until autovacuum
        comes by, every search would step over the old rows, and the planner would guess a
        handful of rows and pick nested loops. VACUUM cannot run in a transaction: inside one
        (a test, a caller's atomic block) this does nothing."""
        if connection.in_atomic_block:
            return
        with connection.cursor() as cursor:
            for model in (SearchEntry, SearchWord, Medication):
                cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(model._meta.db_table)}")

"""PostgreSQL: GIN-indexed tsvector columns ('simple' configuration), ranked by ts_rank."""

import re

from django.contrib.postgres.search import SearchVector
from django.db import connection

from medications.models import Medication
from search.backends.base import SearchBackend, boolean_expression
from search.models import SearchEntry, SearchWord

# ts_rank weights for D (unused), C (body), B (heading), A (names).
TS_WEIGHTS = [0.0, 0.1, 0.4, 1.0]
# Rank divided by the log of the row's length, as bm25 weighs long rows down: on the
# benchmark corpus this gives the same top 3 as SQLite more often (368 of 383 questions
# against 357). ts_rank's own normalisation counts the words of every matching vector; for
# the whole row the count is stored (word_count), and ln orders as ts_rank's log2 does.
TS_NORMALIZATION = 1
LOG_LENGTH = "ln(greatest(v.word_count, 1) + 1)"
ENTRIES = SearchEntry._meta.db_table
MEDICATIONS = Medication._meta.db_table
# A language code as settings.LANGUAGES writes it ('nl', 'pt-br'): safe in an index's name.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")
OFFLINE = f"SELECT id FROM {MEDICATIONS} WHERE NOT is_published"  # noqa: S608 (our names)


def column(field):
    """A candidate field (a values_list name) as a column of the query in best()."""
    if field == "pk":
        return "e.id"
    if field.startswith("medication__"):
        return "m." + Medication._meta.get_field(field.removeprefix("medication__")).column
    return "e." + SearchEntry._meta.get_field(field).column


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
        Names and headings match few rows: there one statement ranks the kinds first.
        The rows come with their fields: one round trip less than fetching them by id."""
        if not groups:
            return []
        vector = "title_vector" if titles_only else "search_vector"
        query = tsquery_expression(groups, require_all)
        if titles_only:
            return self.best(language, vector, query, limit, fields, first_kinds=kinds)
        found = self.best(language, vector, query, limit, fields, kinds=kinds) if kinds else []
        if len(found) < limit:
            seen = [row[0] for row in found]
            found += self.best(language, vector, query, limit - len(found), fields, seen=seen)
        return found

    def best(self, language, vector, query, limit, fields, kinds=(), seen=(), first_kinds=()):
        """The `limit` best rows matching `query` (of `kinds`, not `seen`; those of
        `first_kinds` first), with their `fields`. Ranked without a join, the fields fetched
        for the best only: offline medications are left out by a list made once per query,
        not by joining every match to its medication."""
        tsquery = "to_tsquery('simple', %(query)s)"
        weights = "'{" + ",".join(map(str, TS_WEIGHTS)) + "}'::float4[]"
        if vector == "search_vector":  # the stored count spares counting a long vector
            rank = f"ts_rank({weights}, v.{vector}, {tsquery}) / {LOG_LENGTH}"
        else:
            rank = f"ts_rank({weights}, v.{vector}, {tsquery}, {TS_NORMALIZATION})"
        conditions = [
            "v.language = %(language)s",
            "v.medication_id IS NOT NULL",
            f"v.{vector} @@ {tsquery}",
            f"NOT v.medication_id = ANY(ARRAY({OFFLINE}))",
        ]
        if kinds:
            conditions.append("v.kind = ANY(%(kinds)s)")
        if seen:
            conditions.append("NOT v.id = ANY(%(seen)s)")
        asked = "v.kind = ANY(%(first_kinds)s)" if first_kinds else "false"
        sql = f"""
            SELECT {", ".join(map(column, fields))}
            FROM (
                SELECT v.id, {asked} AS asked, {rank} AS rank FROM {ENTRIES} v
                WHERE {" AND ".join(conditions)}
                ORDER BY asked DESC, rank DESC, v.id LIMIT %(limit)s
            ) best
            JOIN {ENTRIES} e ON e.id = best.id
            JOIN {MEDICATIONS} m ON m.id = e.medication_id
            ORDER BY best.asked DESC, best.rank DESC, e.id
        """  # noqa: S608 (names and expressions are ours; values are parameters)
        values = {"language": language, "query": query, "limit": limit, "seen": list(seen)}
        values.update(kinds=list(kinds or []), first_kinds=list(first_kinds or []))
        with connection.cursor() as cursor:
            cursor.execute(sql, values)
            return cursor.fetchall()

    def rows_written(self, rows):
        rows.update(search_vector=search_vector(), title_vector=title_vector())

    def add_language_indexes(self, connection, languages):
        """A GIN index per vector for each language, as migration 0002 made those of nl and
        en: a language added to settings.LANGUAGES gets its own at the next `migrate`."""
        with connection.cursor() as cursor:
            for language in languages:
                if not LANGUAGE_CODE.fullmatch(language):
                    raise ValueError(f"Geen geldige taalcode voor een index: {language!r}")
                for column in ("search_vector", "title_vector"):
                    name = f"{ENTRIES}_{column}_{language.replace('-', '_')}"
                    cursor.execute(
                        f"CREATE INDEX IF NOT EXISTS {name} ON {ENTRIES} "
                        f"USING gin ({column}) WHERE language = '{language}'"
                    )

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

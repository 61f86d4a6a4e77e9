"""SQLite: an FTS5 table over the analysed columns (kept in step by triggers), ranked by bm25."""

from django.db import connection

from medications.models import Medication
from search.backends.base import SearchBackend, boolean_expression
from search.models import SearchEntry
from search.tags import kind_tag, language_tag, medication_tag

FTS_TABLE = f"{SearchEntry._meta.db_table}_fts"
# bm25 column weights for name_terms, heading_terms, body_terms, tags.
FTS_WEIGHTS = (10.0, 4.0, 1.0, 0.0)


def fts5_term(term):
    # Analysed terms are [a-z0-9]+ only; quoting them keeps FTS5 syntax out all the same.
    exact = f'"{term.stem}"'
    if not term.prefix:
        return exact
    if term.stem.startswith(term.prefix):
        return f'"{term.prefix}"*'
    return f'({exact} OR "{term.prefix}"*)'


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


class SQLiteBackend(SearchBackend):
    def candidate_ids(
        self, language, groups, kinds=None, limit=150, require_all=False, titles_only=False
    ):
        if not groups:
            return []
        options = {"require_all": require_all, "titles_only": titles_only}
        options["hidden_ids"] = unpublished_ids()  # once for both queries
        ids = self.query(language, groups, kinds, limit, **options) if kinds else []
        if len(ids) < limit:
            ids += self.query(language, groups, None, limit, **options)
        return list(dict.fromkeys(ids))[:limit]

    def query(self, language, groups, kinds, limit, require_all, titles_only, hidden_ids):
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

"""What every full-text backend does, and the query syntax both build from term groups."""

CANDIDATE_LIMIT = 150


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


class SearchBackend:
    """Candidates from the full-text index, and the upkeep that index needs."""

    def candidate_ids(
        self,
        language,
        groups,
        kinds=None,
        limit=CANDIDATE_LIMIT,
        require_all=False,
        titles_only=False,
    ):
        """Ids of published rows in `language` matching any of the term groups (with
        `require_all`, every group): first those of the section `kinds` the question is
        about, best first, then the others, best first. With `titles_only`, only rows with
        the words in their names or heading."""
        raise NotImplementedError

    def candidate_rows(self, language, groups, kinds, limit, fields, **options):
        """As candidate_ids, with each row's `fields` (a values_list) instead of its id."""
        from search.models import SearchEntry

        ids = self.candidate_ids(language, groups, kinds, limit, **options)
        # By id alone: with the language too, SQLite walks the language index instead.
        rows = SearchEntry.objects.filter(pk__in=ids, medication__is_published=True)
        found = {row[0]: row for row in rows.order_by().values_list(*fields)}
        return [found[pk] for pk in ids if pk in found]

    def rows_written(self, rows):
        """Rows of `rows` (a queryset) were inserted or had their terms changed."""

    def tidy(self):
        """After a full rebuild has committed: let the database catch up."""

    def add_language_indexes(self, connection, languages):
        """Whatever index each language's rows need (after `migrate`)."""

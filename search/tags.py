"""Filter terms, one word each, that FTS5 matches in its `tags` column (PostgreSQL filters on
real columns): a row's language, its section kind and its medication."""


def language_tag(language):
    return f"xlang{language}"


def kind_tag(kind):
    return "xkind" + kind.replace("-", "")


def medication_tag(medication_id):
    return f"xmed{medication_id}"


def tags(language, kind, medication_id=None):
    """Filter terms, one word each, for the FTS5 tags column (PostgreSQL filters on columns)."""
    parts = [language_tag(language), kind_tag(kind)]
    if medication_id is not None:
        parts.append(medication_tag(medication_id))
    return " ".join(parts)

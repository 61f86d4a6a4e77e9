"""Small text helpers shared by sorting, grouping and search."""

import unicodedata

from django.utils.dates import MONTHS


def split_names(value):
    """Turn an editor's comma-separated list into a clean list of names."""
    return [name.strip() for name in value.split(",") if name.strip()]


def split_lines(value):
    """One item per line (the 'In het kort' points), empty lines left out."""
    return [line.strip() for line in value.splitlines() if line.strip()]


def strip_diacritics(text):
    """'Corticosteroïden' -> 'Corticosteroiden'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def sort_key(text):
    """A-Z order the way a Dutch reader expects: ignore case and accents."""
    return strip_diacritics(text).casefold()


def format_source_date(value):
    """'2016' -> '2016', '2020-05' -> 'mei 2020', '2020-05-01' -> '1 mei 2020' (the
    month in the active language, from Django's own translations)."""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = MONTHS[int(parts[1])]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def clean_text(value):
    """Text as stored, whoever typed it: line endings as \\n (browsers send \\r\\n) and no
    whitespace at the end of a line. The one place text is normalised on the way in (the
    forms of medications.publishing.forms, used by the admin and the loader, and migration
    0032), so a one-word change is a one-word difference."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines)

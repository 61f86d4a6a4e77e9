"""Warnings about the shape of a section's text, the same in the admin (checks.editing_warnings)
and in the loader (its report, with file and line). Warnings, never refusals:

- a Markdown table that will not render as a table (no `|---|` line under its header, or rows
  with another number of cells), which patients would see as raw `|` characters;
- a section far longer than the others of its leaflet (more than LONG_FACTOR times their
  median and more than LONG_WORDS words).
"""

import re
import statistics
from dataclasses import dataclass

TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
LONG_FACTOR = 3
LONG_WORDS = 800


@dataclass(frozen=True)
class ShapeWarning:
    line: int  # in the section's text, from 1
    message: str


def cells(row):
    return len(row.strip().strip("|").split("|"))


def table_warnings(markdown):
    lines = (markdown or "").split("\n")
    warnings = []
    number = 0
    while number < len(lines):
        if not TABLE_ROW.match(lines[number]):
            number += 1
            continue
        start = number
        while number < len(lines) and TABLE_ROW.match(lines[number]):
            number += 1
        block = lines[start:number]
        if len(block) < 2 or not DELIMITER_ROW.match(block[1]):
            warnings.append(
                ShapeWarning(
                    start + 1,
                    "deze tabel wordt geen tabel: zet onder de kopregel een regel als "
                    "'| --- | --- |'; nu ziet de patiënt losse |-tekens.",
                )
            )
        elif any(cells(row) != cells(block[0]) for row in block[2:]):
            warnings.append(
                ShapeWarning(
                    start + 1,
                    f"niet elke rij van deze tabel heeft {cells(block[0])} kolommen, zoals de "
                    "kopregel; controleer de |-tekens.",
                )
            )
    return warnings


def word_count(markdown):
    return len((markdown or "").split())


def overlong(sections_words):
    """{key: words} -> the keys of sections far longer than the others, with a message."""
    if len(sections_words) < 3:
        return {}
    median = statistics.median(sections_words.values())
    return {
        key: (
            f"dit onderdeel is erg lang ({words} woorden; de andere hebben er meestal "
            f"{int(median)}). Splits het of kort het in."
        )
        for key, words in sections_words.items()
        if words > LONG_WORDS and words > LONG_FACTOR * median
    }

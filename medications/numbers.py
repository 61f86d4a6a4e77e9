"""The numbers a text states (doses, intervals, weeks, ml, mg, phone numbers, dates), so a
translation can be checked to carry every one of them over: the loader refuses an English
file whose numbers differ from the Dutch file's, and a test compares every rendered section
of every leaflet in both languages with the same function.

A number is a run of digits: separators split it, so "0,5 ml" and "0.5 ml", "088 75 574 28"
written with or without dashes, "8.00 uur" and "8:00" give the same numbers in any language.
Small numbers written as a word ("twee weken", "two weeks") count as their digits; "een" and
"one" do not (they are also "a"). No database, no Django: plain text in, numbers out.
"""

import re
from collections import Counter

NUMBER_WORDS = {
    "nl": {
        "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
        "negen": 9, "tien": 10, "elf": 11, "twaalf": 12,
    },
    "en": {
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    },
}  # fmt: skip
DIGITS = re.compile(r"\d+")
WORD = re.compile(r"[^\W\d_]+")
# A Markdown link's target is an address, not text the reader reads.
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def numbers_in(text, language):
    """The numbers `text` states, as a Counter of their digits ('020', '5662500', '2')."""
    text = LINK_TARGET.sub("]", text or "")
    found = Counter(match.lstrip("0") or "0" for match in DIGITS.findall(text))
    words = NUMBER_WORDS.get(language.split("-")[0], {})
    for word in WORD.findall(text.lower()):
        if word in words:
            found[str(words[word])] += 1
    return found


def number_differences(source, source_language, translation, translation_language):
    """What the translation lacks and what it adds, compared with its source: two sorted
    lists of numbers (both empty when every number carried over)."""
    wanted = numbers_in(source, source_language)
    got = numbers_in(translation, translation_language)
    return sorted((wanted - got).elements(), key=int), sorted((got - wanted).elements(), key=int)


def describe_differences(missing, added):
    """The differences in words, for the person who edits the translation (Dutch, like the
    loader's other messages)."""
    parts = []
    if missing:
        parts.append(f"ontbreekt in de vertaling: {', '.join(missing)}")
    if added:
        parts.append(f"staat niet in het Nederlands: {', '.join(added)}")
    return "; ".join(parts)

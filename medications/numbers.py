"""The numbers a text states (doses, intervals, weeks, ml, mg, phone numbers, dates), so a
translation can be checked to carry every one of them over: the loader refuses an English
file whose numbers differ from the Dutch file's, and a test compares every rendered section
of every leaflet in both languages with the same function.

A number is a run of digits: separators split it, so "0,5 ml" and "0.5 ml", "088 75 574 28"
written with or without dashes, "8.00 uur" and "8:00" give the same numbers in any language.
Numbers written as a word ("twee weken", "two weeks", "vijfentwintig", "twenty-five") count
as their digits; "een" and "one" alone do not (they are also "a"); "once a day" and "één
keer per dag" count as 1. No database, no Django:
plain text in, numbers out.
"""

import re
from collections import Counter

UNITS = {
    "nl": {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
           "negen": 9},
    "en": {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9},
}  # fmt: skip
TEENS = {
    "nl": {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
           "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19},
    "en": {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
           "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19},
}  # fmt: skip
TENS = {
    "nl": {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
           "zeventig": 70, "tachtig": 80, "negentig": 90},
    "en": {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90},
}  # fmt: skip
# "one", "een" and "één" are left out: they are also "a".
ONE = {"nl": "één", "en": "one"}
# How often, in words: "once a day" is "1 keer per dag". "Once" alone is also "as soon as",
# so it counts only before a frequency.
TIMES = {
    "nl": {re.compile(r"\b(?:één|eén) keer\b|\beenmaal\b"): 1},
    "en": {
        re.compile(r"\bonce (?:a|an|every|per|each|daily|weekly|monthly)\b"): 1,
        re.compile(r"\btwice\b"): 2,
    },
}


def number_words(language):
    """Each number word of `language` (2 to 99, compounds too) with its value: Dutch
    writes "vijfentwintig", English "twenty-five"."""
    units, teens, tens = UNITS.get(language, {}), TEENS.get(language, {}), TENS.get(language, {})
    words = {**units, **teens, **tens}
    all_units = {**units, ONE.get(language, ""): 1}
    for ten_word, ten in tens.items():
        if language == "en":
            words[f"{ten_word[:-1]}ies"] = ten  # "the nineties": "de jaren negentig"
        for unit_word, unit in all_units.items():
            if not unit_word:
                continue
            if language == "nl":
                joint = "ën" if unit_word.endswith("e") else "en"
                words[f"{unit_word}{joint}{ten_word}"] = ten + unit
                words[f"{unit_word.replace('é', 'e')}{joint}{ten_word}"] = ten + unit
            else:
                words[f"{ten_word}-{unit_word}"] = ten + unit
    return words


NUMBER_WORDS = {language: number_words(language) for language in UNITS}
DIGITS = re.compile(r"\d+")
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A Markdown link's target is an address, not text the reader reads.
LINK_TARGET = re.compile(r"\]\([^)]*\)")


def numbers_in(text, language):
    """The numbers `text` states, as a Counter of their digits ('020', '5662500', '2')."""
    text = LINK_TARGET.sub("]", text or "")
    found = Counter(match.lstrip("0") or "0" for match in DIGITS.findall(text))
    language = language.split("-")[0]
    words = NUMBER_WORDS.get(language, {})
    lower = text.lower()
    for phrase, value in TIMES.get(language, {}).items():
        found[str(value)] += len(phrase.findall(lower))
    for word in WORD.findall(lower):
        for part in [word, *word.split("-")] if word not in words else [word]:
            if part in words:
                found[str(words[part])] += 1
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

"""What search knows of each language: its Snowball stemmer, stop words, the lay words patients
type with the words the leaflets use, and the question words that point to a section kind.

A language with a module here (nl, en) gets all of that. Any other language in
settings.LANGUAGES is searched too, with its Snowball stemmer when PyStemmer has one and
without stop words or synonyms: adding a language needs no code, only better search does.
"""

from dataclasses import dataclass, field
from functools import cache

import Stemmer

from search.languages import dutch, english


@dataclass(frozen=True)
class LanguageRules:
    code: str
    # A Snowball algorithm (PyStemmer), or None: words are then indexed as they are.
    stemmer: str | None
    stop_words: frozenset = frozenset()
    lay_synonyms: dict = field(default_factory=dict)
    kind_keywords: dict = field(default_factory=dict)
    example_queries: tuple = ()
    # Latin script: letters are folded to ASCII ('ï' -> 'i') and anything else is dropped.
    # Other scripts (Arabic, Cyrillic) keep their letters, without diacritics.
    latin_script: bool = True


def rules_from(module, code):
    return LanguageRules(
        code=code,
        stemmer=module.STEMMER,
        stop_words=frozenset(module.STOP_WORDS_TEXT.split()),
        lay_synonyms=module.LAY_SYNONYMS,
        kind_keywords=module.KIND_KEYWORDS,
        example_queries=tuple(module.EXAMPLE_QUERIES),
    )


KNOWN = {"nl": rules_from(dutch, "nl"), "en": rules_from(english, "en")}
# Languages Dutch hospitals are asked for, written in another script than Latin.
OTHER_SCRIPTS = {"ar", "fa", "uk", "ru", "ti", "am", "he", "el", "zh", "ja", "ko", "hi", "ta"}


@cache
def rules(code):
    """The rules for a language code ('en', 'pt-br'): its own, or generic ones."""
    if code in KNOWN:
        return KNOWN[code]
    base = code.split("-")[0].split("_")[0]
    return LanguageRules(
        code=code,
        stemmer=base if has_stemmer(base) else None,
        latin_script=base not in OTHER_SCRIPTS,
    )


def has_stemmer(code):
    """Whether PyStemmer has a Snowball stemmer for this ISO code (it accepts 'tr', 'pl')."""
    try:
        Stemmer.Stemmer(code)
    except KeyError:
        return False
    return True

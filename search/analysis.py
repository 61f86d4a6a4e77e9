"""Text analysis for search, done in Python so SQLite and PostgreSQL index the very same terms.

A text becomes a list of terms: lowercase, without diacritics, without stop words, each word
as its Snowball stem in the text's language plus, when the stem differs, the word itself (so
a word prefix can still match where the stemmer strips too much: Dutch 'zwangerschap' stems to
'zwanrschap'). A query becomes term groups, one per word, with lay synonyms as alternatives.
What differs per language (stemmer, stop words, synonyms, question words) is in
search.languages; every function here takes the language.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from search.languages import rules

WORD = re.compile(r"[a-z0-9]+")
# Letters of any script, for a language not written in Latin letters.
ANY_SCRIPT_WORD = re.compile(r"[^\W_]+")
MAX_WORD_LENGTH = 60
# Shorter query words only match whole terms; a prefix like 'zo*' would find far too much.
MIN_PREFIX_LENGTH = 4


def stop_words(language="nl"):
    return rules(language).stop_words


def lay_synonyms(language="nl"):
    return rules(language).lay_synonyms


class Unstemmed:
    """For a language Snowball has no stemmer for: every word is its own stem."""

    def stemWord(self, word):  # noqa: N802 (PyStemmer's name)
        return word


@lru_cache(maxsize=8)
def stemmer_for(language):
    algorithm = rules(language).stemmer
    if algorithm is None:
        return Unstemmed()
    stemmer = Stemmer.Stemmer(algorithm)
    stemmer.maxCacheSize = 50_000
    return stemmer


def fold(text, language="nl"):
    """Lowercase without diacritics. In Latin script, ASCII: 'Corticosteroïden' ->
    'corticosteroiden', and letters with no ASCII form (Greek, emoji) are dropped: words()
    keeps only a-z and 0-9 anyway. Other scripts keep their letters, without their marks."""
    if text.isascii():
        return text.lower()
    if rules(language).latin_script:
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text, language="nl"):
    """The words of a text, folded; single letters (the 'b' of 'B-cellen') are left out."""
    pattern = WORD if rules(language).latin_script else ANY_SCRIPT_WORD
    return [
        word[:MAX_WORD_LENGTH]
        for word in pattern.findall(fold(text, language))
        if len(word) > 1 or word.isdigit()
    ]


def stem(word, language="nl"):
    return stemmer_for(language).stemWord(word)


def word_terms(word, language="nl"):
    """A word's index terms: its stem, and the word itself when the stemmer changed it."""
    stemmed = stem(word, language)
    return (stemmed,) if stemmed == word else (stemmed, word)


def index_terms(text, language="nl"):
    """Text as the space-separated terms stored in the search index."""
    return terms_of_words(words(text, language), language)


def terms_of_words(text_words, language="nl"):
    """index_terms() for a text already split by words()."""
    terms = []
    unwanted = stop_words(language)
    for word in text_words:
        if word not in unwanted:
            terms.extend(word_terms(word, language))
    return " ".join(terms)


def name_terms(names, language="nl"):
    """Index terms for names: every word, stop words included, plus each multi-word or
    hyphenated name written as one word ('JAK-remmers' -> 'jakremmers')."""
    terms = []
    for name in names:
        name_words = words(name, language)
        for word in name_words:
            terms.extend(word_terms(word, language))
        if len(name_words) > 1:
            terms.append("".join(name_words)[:MAX_WORD_LENGTH])
    return " ".join(terms)


# --- Queries --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One word to look for: its stem exactly, or (long enough) the word as a prefix."""

    stem: str
    prefix: str = ""

    def matches(self, token):
        return token == self.stem or bool(self.prefix and token.startswith(self.prefix))


@dataclass(frozen=True)
class TermGroup:
    """One query word and its synonyms: any alternative may match; within an alternative
    (a phrase) every term must match."""

    word: str
    alternatives: tuple

    @property
    def terms(self):
        return tuple(term for alternative in self.alternatives for term in alternative)


def query_term(word, language="nl"):
    prefix = word if len(word) >= MIN_PREFIX_LENGTH else ""
    return Term(stem=stem(word, language), prefix=prefix)


def term_group(word, language="nl", parts=None):
    """A query word with its alternatives: lay synonyms and, for a compound the portal writes
    as two words ('bloedcontrole' -> 'bloed controle'), its `parts`."""
    alternatives = [(query_term(word, language),)]
    phrases = list(lay_synonyms(language).get(word, ()))
    if parts:
        phrases.append(" ".join(parts))
    for phrase in phrases:
        unwanted = stop_words(language)
        phrase_words = [w for w in words(phrase, language) if w not in unwanted]
        alternative = tuple(query_term(w, language) for w in phrase_words)
        if alternative and alternative not in alternatives:
            alternatives.append(alternative)
    return TermGroup(word=word, alternatives=tuple(alternatives))


def detect_kinds(query_words, language="nl"):
    """Section kinds the question is about, with a weight: 1 for one word, 1.5 for two."""
    found = {}
    for kind, keywords in rules(language).kind_keywords.items():
        for keyword in keywords:
            if all(any(keyword_matches(part, word) for word in query_words) for part in keyword):
                found[kind] = max(found.get(kind, 0), 1 + (len(keyword) - 1) / 2)
    return found


def keyword_matches(part, word):
    return word.startswith(part) if len(part) >= 4 else word == part

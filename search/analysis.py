"""Text analysis for search, done in Python so SQLite and PostgreSQL index the very same terms.

A text becomes a list of terms: lowercase, without diacritics, without stop words, each word
as its Dutch Snowball stem plus, when the stem differs, the word itself (so a word prefix can
still match where the stemmer strips too much: 'zwangerschap' stems to 'zwanrschap'). A query
becomes term groups, one per word, with lay synonyms as alternatives.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

STEMMER_ALGORITHMS = {"nl": "dutch", "en": "english"}
WORD = re.compile(r"[a-z0-9]+")
MAX_WORD_LENGTH = 60
# Shorter query words only match whole terms; a prefix like 'zo*' would find far too much.
MIN_PREFIX_LENGTH = 4

# Snowball's Dutch stop-word list, plus words patients add to a question ('mag ik ...').
STOP_WORDS_TEXT = """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus
    een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun iemand
    iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar niet niets
    nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor
    want waren was wat we wel werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder
    zou
    mag mogen moeten kun kunt wanneer waarom welke welk waar hoeveel hoelang graag even eigenlijk
    nou ok oke dus vraag vragen weet weten zeggen krijgen krijg krijgt gaat gaan ga word zitten
    beter goed slecht keer soms vaak echt erg heel betekent betekenen betekenis uitleg precies
    a an and are as at be by for from has have how i if in is it of on or the to was what when
    where which who why will with you your can do does my not no
"""
STOP_WORDS = frozenset(STOP_WORDS_TEXT.split())

# Lay words patients type, with the words the leaflets use. Each alternative is a phrase whose
# words must all occur. Keys and phrases are written as patients and leaflets write them.
LAY_SYNONYMS = {
    "griepprik": ["griepvaccinatie", "griepvaccin", "vaccinatie griep"],
    "griepspuit": ["griepvaccinatie", "griepvaccin", "vaccinatie griep"],
    "coronaprik": ["coronavaccinatie", "covid vaccinatie", "corona vaccinatie"],
    "prik": ["injectie", "vaccinatie"],
    "prikje": ["injectie", "vaccinatie"],
    "spuitje": ["injectie"],
    "inenting": ["vaccinatie"],
    "inentingen": ["vaccinatie"],
    "tandarts": ["tandheelkundige ingreep", "tandartsbehandeling"],
    "kies": ["tandarts", "tandheelkundige ingreep"],
    "zwanger": ["zwangerschap", "kinderwens"],
    "kinderwens": ["zwanger"],
    "baby": ["zwangerschap", "borstvoeding"],
    "anticonceptie": ["zwanger"],
    "bloedprikken": ["bloedcontrole", "bloed prikken", "bloedonderzoek"],
    "bloedtest": ["bloedcontrole", "bloedonderzoek", "bloed onderzoek"],
    "bloedonderzoek": ["bloedcontrole", "bloed prikken", "bloed onderzoek"],
    "bloedcontrole": ["bloedonderzoek", "bloed controleren", "bloed prikken"],
    "bloedcontroles": ["bloedonderzoek", "bloed controleren", "bloed prikken"],
    "lab": ["bloedcontrole", "bloedonderzoek"],
    "vakantie": ["reis", "reizen"],
    "buitenland": ["reis", "reizen"],
    "vliegtuig": ["reis", "vliegen"],
    "koelkast": ["bewaren", "koel"],
    "opereren": ["operatie", "ingreep"],
    "ziekenhuisopname": ["operatie", "opname"],
    "misselijk": ["misselijkheid"],
    "moe": ["vermoeid"],
    "moeheid": ["vermoeid"],
    "haarverlies": ["haaruitval"],
    "pijnstiller": ["paracetamol", "ibuprofen", "pijnstillers"],
    "kosten": ["vergoeding", "vergoed", "eigen risico"],
    "vergoed": ["vergoeding", "kosten"],
    "bijsluiter": ["folder"],
}

# What a question is about: words that point to a section kind. A tuple only counts when all
# its parts occur in the query; parts of 4+ letters match as a word prefix, shorter ones only
# as a whole word ('moe', not 'moet'). Longer tuples are more specific and weigh a little more.
KIND_KEYWORDS = {
    "werking": [("werking",), ("hoe", "werk"), ("wat", "doet"), ("wat", "is"), ("wat", "zijn")],
    "aandoening": [("aandoening",), ("ziekte",), ("reuma",), ("oorzaak",)],
    "voor-de-start": [("voordat",), ("vooraf",), ("screening",), ("starten",), ("beginnen",)],
    "niet-gebruiken": [("niet", "gebruik"), ("contra",), ("mag", "niet"), ("allergi",)],
    "dosering": [
        ("dosis",), ("dosering",), ("hoeveel",), ("innemen",), ("inname",), ("tablet",),
        ("vergeten",), ("toedien",), ("infuus",), ("hoe", "vaak"), ("hoe", "gebruik"), ("spuiten",),
        ("injecteren",), ("zelf", "prik"),
    ],
    "wanneer-werkt-het": [
        ("wanneer", "werk"), ("hoe", "lang", "duur"), ("hoe", "snel", "werk"), ("helpt", "niet"),
        ("werkt", "niet"),
        ("effect",), ("resultaat",),
    ],
    "bijwerkingen": [
        ("bijwerking",), ("last", "van"), ("misselijk",), ("haaruitval",), ("hoofdpijn",),
        ("moe",), ("moeheid",), ("vermoeid",), ("klachten",), ("huiduitslag",), ("jeuk",),
        ("kanker",), ("risico",), ("diarree",),
    ],
    "wanneer-contact": [
        ("koorts",), ("alarm",), ("spoed",), ("wanneer", "bel"), ("wanneer", "contact"),
        ("arts", "bellen"), ("keelpijn",),
    ],
    "controles": [
        ("controle",), ("bloedcontrole",), ("bloed", "prik"), ("bloedprik",), ("bloedtest",),
        ("bloedonderzoek",), ("lab",), ("leverwaarde",), ("nierfunctie",), ("bloedwaarde",),
    ],
    "zwangerschap": [
        ("zwanger",), ("kinderwens",), ("borstvoeding",), ("baby",), ("anticonceptie",),
        ("vruchtbaar",), ("kind", "krijgen"), ("kinderen", "krijgen"),
    ],
    "vaccinatie": [
        ("vaccin",), ("griep",), ("corona",), ("covid",), ("inenting",), ("prik",),
        ("pneumokok",),
    ],
    "operaties": [
        ("operatie",), ("opereren",), ("tandarts",), ("ingreep",), ("narcose",), ("kies",),
        ("chirurg",),
    ],
    "andere-medicijnen": [
        ("andere", "medicijn"), ("combineren",), ("samen", "met"), ("pijnstiller",),
        ("paracetamol",), ("ibuprofen",), ("interactie",), ("wisselwerking",), ("antibiotica",),
        ("methotrexaat",), ("allopurinol",),
    ],
    "bewaren": [("bewaren",), ("bewaar",), ("koelkast",), ("houdbaar",), ("temperatuur",)],
    "reizen": [("reis",), ("reizen",), ("vakantie",), ("vliegtuig",), ("buitenland",)],
    "meer-weten": [("kosten",), ("vergoed",), ("verzekering",), ("autorijden",), ("melden",)],
    "vragen": [("vragen", "stellen"), ("telefoonnummer",), ("meer", "informatie")],
}  # fmt: skip


@lru_cache(maxsize=8)
def stemmer_for(language):
    stemmer = Stemmer.Stemmer(STEMMER_ALGORITHMS.get(language, "dutch"))
    stemmer.maxCacheSize = 50_000
    return stemmer


def fold(text):
    """Lowercase ASCII without diacritics: 'Corticosteroïden' -> 'corticosteroiden'. Letters
    with no ASCII form (Greek, emoji) are dropped: words() keeps only a-z and 0-9 anyway."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower()


def words(text):
    """The words of a text, folded; single letters (the 'b' of 'B-cellen') are left out."""
    return [
        word[:MAX_WORD_LENGTH]
        for word in WORD.findall(fold(text))
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
    return terms_of_words(words(text), language)


def terms_of_words(text_words, language="nl"):
    """index_terms() for a text already split by words()."""
    terms = []
    for word in text_words:
        if word not in STOP_WORDS:
            terms.extend(word_terms(word, language))
    return " ".join(terms)


def name_terms(names, language="nl"):
    """Index terms for names: every word, stop words included, plus each multi-word or
    hyphenated name written as one word ('JAK-remmers' -> 'jakremmers')."""
    terms = []
    for name in names:
        name_words = words(name)
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
    phrases = list(LAY_SYNONYMS.get(word, ()))
    if parts:
        phrases.append(" ".join(parts))
    for phrase in phrases:
        phrase_words = [w for w in words(phrase) if w not in STOP_WORDS]
        alternative = tuple(query_term(w, language) for w in phrase_words)
        if alternative and alternative not in alternatives:
            alternatives.append(alternative)
    return TermGroup(word=word, alternatives=tuple(alternatives))


def detect_kinds(query_words):
    """Section kinds the question is about, with a weight: 1 for one word, 1.5 for two."""
    found = {}
    for kind, keywords in KIND_KEYWORDS.items():
        for keyword in keywords:
            if all(any(keyword_matches(part, word) for word in query_words) for part in keyword):
                found[kind] = max(found.get(kind, 0), 1 + (len(keyword) - 1) / 2)
    return found


def keyword_matches(part, word):
    return word.startswith(part) if len(part) >= 4 else word == part

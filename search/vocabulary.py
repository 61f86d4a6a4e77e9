"""The portal's own words: medication and glossary names to recognise in a query, and the
words of the content to correct typing errors against (rapidfuzz).

Each process keeps one Vocabulary per language in memory and builds it again when the content
version changes (serving.models.ContentVersion, made by the write path when patients see a
change; one small query per search).
"""

import bisect
import threading
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import process
from rapidfuzz.distance import OSA

from medications.models import GlossaryTerm, Medication
from search import analysis
from search.models import SearchEntry, SearchWord
from search.names import current_version, localized, medication_names, term_names

# Only words this long are corrected: shorter ones are too often a different, valid word.
MIN_CORRECTION_LENGTH = 4
# Compounds are split into parts of 3+ letters that the portal itself uses.
MIN_COMPOUND_LENGTH = 7
MIN_PART_LENGTH = 3


@dataclass(frozen=True)
class NameForm:
    """One way to write a name: its folded words and their stems."""

    words: tuple
    stems: tuple
    target: int  # a medication's or glossary term's primary key
    label: str  # the name as written
    is_alias: bool = False  # another word for it, not its name or a brand name

    @property
    def key(self):
        return "".join(self.words)


@dataclass
class NameMatch:
    start: int
    end: int
    targets: frozenset


def name_forms(names, target, language, aliases=()):
    forms = []
    for name in names:
        words = tuple(analysis.words(name, language))
        if words:
            alias = name in aliases
            stems = tuple(analysis.stem(word, language) for word in words)
            forms.append(NameForm(words, stems, target, name, alias))
            if len(words) > 1:  # 'JAK-remmers' may also be typed 'jakremmers'
                joined = "".join(words)
                stem = analysis.stem(joined, language)
                forms.append(NameForm((joined,), (stem,), target, name, alias))
    return forms


class NameIndex:
    """Name forms by their first stem (to find them in a query) and by their key (to see
    whether a whole query is a name)."""

    def __init__(self, forms):
        self.forms = forms
        self.by_first_stem = {}
        self.by_key = {}
        for form in forms:
            self.by_first_stem.setdefault(form.stems[0], []).append(form)
            self.by_key.setdefault(form.key, []).append(form)
        pairs = sorted(((" ".join(form.words), form) for form in forms), key=lambda p: p[0])
        self.sorted_words = [words for words, _ in pairs]
        self.sorted_forms = [form for _, form in pairs]

    def find(self, query_words, language):
        """Names that occur in the query as whole words (compared by stem), longest first and
        without overlap: 'imuran mitis' is one name, not 'imuran' plus a word."""
        stems = [analysis.stem(word, language) for word in query_words]
        candidates = [
            (start, start + len(form.stems), form)
            for start, stem in enumerate(stems)
            for form in self.by_first_stem.get(stem, ())
            if tuple(stems[start : start + len(form.stems)]) == form.stems
        ]
        taken = set()
        matches = {}
        for start, end, form in sorted(candidates, key=lambda c: c[0] - c[1]):
            span = set(range(start, end))
            if (start, end) in matches or not span & taken:
                matches.setdefault((start, end), set()).add(form.target)
                taken |= span
        return [NameMatch(start, end, frozenset(t)) for (start, end), t in sorted(matches.items())]

    def starting_with(self, text):
        """Forms whose words start with `text`, in A-Z order."""
        position = bisect.bisect_left(self.sorted_words, text)
        while position < len(self.sorted_words) and self.sorted_words[position].startswith(text):
            yield self.sorted_forms[position]
            position += 1


@dataclass
class Vocabulary:
    language: str
    medication_forms: list = field(default_factory=list)
    term_forms: list = field(default_factory=list)
    display: dict = field(default_factory=dict)  # folded name word -> as written ('Kineret')
    name_words: list = field(default_factory=list)
    words: list = field(default_factory=list)
    frequency: dict = field(default_factory=dict)
    known: set = field(default_factory=set)
    known_stems: set = field(default_factory=set)

    @classmethod
    def load(cls, language):
        """The names of what has a page in `language` (rows in its index), and its words."""
        vocabulary = cls(language=language)
        in_language = SearchEntry.objects.filter(language=language).order_by()
        medication_ids = in_language.exclude(medication=None).values("medication_id")
        term_ids = in_language.exclude(glossary_term=None).values("glossary_term_id")
        medications = Medication.objects.filter(pk__in=medication_ids)
        for medication in medications.prefetch_related("members"):
            names = medication_names(medication, language)
            own_name = localized(medication, "name", language)
            aliases = set(names) - {own_name, *medication.brand_name_list}
            aliases -= {
                brand for member in medication.members.all() for brand in member.brand_name_list
            }
            vocabulary.medication_forms += name_forms(names, medication.pk, language, aliases)
            vocabulary.remember_display(names)
        for term in GlossaryTerm.objects.filter(pk__in=term_ids):
            names = term_names(term, language)
            vocabulary.term_forms += name_forms(names, term.pk, language)
        rows = SearchWord.objects.filter(language=language).order_by("-frequency", "word")
        vocabulary.frequency = dict(rows.values_list("word", "frequency"))
        vocabulary.words = list(vocabulary.frequency)
        name_words = {w for form in vocabulary.medication_forms for w in form.words}
        vocabulary.name_words = sorted(name_words)
        vocabulary.known = (
            set(vocabulary.words)
            | name_words
            | {w for form in vocabulary.term_forms for w in form.words}
            | set(analysis.stop_words(language))
            | set(analysis.lay_synonyms(language))
        )
        vocabulary.known_stems = {analysis.stem(word, language) for word in vocabulary.known}
        return vocabulary

    def remember_display(self, names):
        for name in names:
            for word in name.replace("-", " ").split():
                self.display.setdefault(analysis.fold(word, self.language), word)

    @cached_property
    def medications(self):
        return NameIndex(self.medication_forms)

    @cached_property
    def glossary_terms(self):
        return NameIndex(self.term_forms)

    def find_medications(self, query_words):
        return self.medications.find(query_words, self.language)

    def find_glossary_terms(self, query_words):
        return self.glossary_terms.find(query_words, self.language)

    def exact_medication(self, query_words):
        """The one medication whose name or brand name is the whole query, else None. An
        alias counts too, unless it is also a glossary term ('antistoffen'): then the results
        page shows both."""
        key = "".join(query_words)
        forms = self.medications.by_key.get(key, [])
        if key in self.glossary_terms.by_key:
            forms = [form for form in forms if not form.is_alias]
        targets = {form.target for form in forms}
        return targets.pop() if len(targets) == 1 else None

    def is_known(self, word):
        return word in self.known or analysis.stem(word, self.language) in self.known_stems

    def split_compound(self, word):
        """An unknown long word as two words the portal uses ('bloedcontrole' -> ('bloed',
        'controle'), also with a linking s: 'ontstekingsremmer'), the most common pair; or
        None."""
        if len(word) < MIN_COMPOUND_LENGTH or self.is_known(word):
            return None
        best, best_count = None, 0
        for cut in range(MIN_PART_LENGTH, len(word) - MIN_PART_LENGTH + 1):
            head, tail = word[:cut], word[cut:]
            heads = [head] + ([head[:-1]] if head.endswith("s") else [])
            for part in heads:
                count = min(self.frequency.get(part, 0), self.frequency.get(tail, 0))
                if count > best_count and part not in analysis.stop_words(self.language):
                    best, best_count = (part, tail), count
        return best

    def correct(self, word):
        """The portal's word closest to an unknown word of 4+ letters, names first; None when
        the word is known, is two known words, or nothing is close (1 edit for up to 5 letters,
        else 2)."""
        if len(word) < MIN_CORRECTION_LENGTH or word.isdigit() or self.is_known(word):
            return None
        if self.split_compound(word):
            return None
        max_edits = 1 if len(word) <= 5 else 2
        for choices in (self.name_words, self.words):
            best = process.extractOne(word, choices, scorer=OSA.distance, score_cutoff=max_edits)
            if best is not None:
                return best[0]
        return None

    def display_word(self, word):
        return self.display.get(word, word)

    def complete(self, text, limit=8):
        """Medication and glossary names that start with what is typed:
        [(label, 'medication' or 'term', primary key)], in A-Z order."""
        start = " ".join(analysis.words(text, self.language))
        if len(start) < 2:
            return []
        found = {}
        for kind, index in (("medication", self.medications), ("term", self.glossary_terms)):
            for form in index.starting_with(start):
                found.setdefault(form.label.casefold(), (form.label, kind, form.target))
        return sorted(found.values(), key=lambda item: analysis.fold(item[0]))[:limit]


_cache = {}
_lock = threading.Lock()


def vocabulary(language):
    """This language's Vocabulary, built again when the index has changed since."""
    version = current_version()
    cached = _cache.get(language)
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        built = Vocabulary.load(language)
        _cache[language] = (version, built)
    return built

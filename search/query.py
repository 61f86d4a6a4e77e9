"""Search: a patient's question -> the right section of the right leaflet.

1. The query is cleaned, split into words and typing errors are corrected against the portal's
   own vocabulary (search.vocabulary); a query that is exactly one medication's name goes
   straight to its page.
2. Candidates come from the database's full-text index (search.backends); a named medication
   limits them to its own sections.
3. The final order is decided in Python (search.ranking), so SQLite and PostgreSQL show the
   same results.
4. Only sections that contain a word of the question (after stemming, synonyms and typo
   correction) count as found. When none does, the page says so first and offers the
   sections nearest to the question (of the kind asked about, or of the medication named),
   labelled as not containing the words: a side-effect section is no answer to 'haaruitval'
   just because 'haaruitval' is a side-effect word.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from rapidfuzz import process
from rapidfuzz.distance import OSA

from medications.models import GlossaryTerm, Medication
from medications.text import sort_key
from search import analysis, snippets
from search.backends import backend
from search.languages import rules
from search.models import SearchEntry
from search.ranking import CANDIDATE_FIELDS, Candidate, group_hits, occurrences, rank
from search.vocabulary import vocabulary

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12
# Candidates for a broad question; the page shows ranking.MAX_MEDICATIONS_SHOWN at most.
BROAD_CANDIDATES = 30
# Sections with all the words of a question: enough of them, and no search for 'any' follows.
ENOUGH_CANDIDATES = 20
MAX_SUGGESTIONS = 3


@dataclass
class GlossaryHit:
    """A glossary term the question names, with its explanation."""

    term: GlossaryTerm
    title: str
    text: str
    url: str = ""  # in the language searched
    title_html: str = ""
    snippet_html: str = ""


@dataclass
class SearchResults:
    query: str
    language: str = settings.LANGUAGE_CODE
    corrected_query: str = ""
    redirect_url: str = ""
    groups: list = field(default_factory=list)
    glossary: list = field(default_factory=list)
    named: list = field(default_factory=list)
    more_medications: int = 0
    suggestions: list = field(default_factory=list)
    # Medications with a section that contains a word of the question, shown or not.
    matching_medications: int = 0
    # The question's own words (after correction), names of medications left out.
    content_words: list = field(default_factory=list)
    # Those words when no section searched contains any of them.
    absent_words: list = field(default_factory=list)

    @property
    def hits(self):
        """Every section hit in the order the page shows them."""
        return [hit for group in self.groups for hit in group.hits]

    @property
    def found(self):
        return bool(self.groups or self.glossary)

    @property
    def medication_count(self):
        """How many medications have a section with a word of the question, shown or not."""
        return self.matching_medications

    @property
    def only_nearest(self):
        """No section contains the question's words: the sections shown are only near it."""
        return bool(self.absent_words)

    @property
    def example_queries(self):
        return list(rules(self.language).example_queries)

    @property
    def is_broad(self):
        """No medication named: the page shows the matching section of each medication."""
        return not self.named


@dataclass
class ParsedQuery:
    words: list
    groups: list
    kinds: dict
    medication_ids: set
    term_ids: set
    name_words: list


def clean_query(raw):
    """Any input is safe: drop control characters (NUL included), fold spaces, truncate."""
    printable = "".join(char if char.isprintable() else " " for char in raw or "")
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def current_language():
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    codes = [code for code, _ in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


def search_medications(raw_query, language=None, correct=True):
    """Search the published leaflets and the glossary in `language` (default: the active
    language), only pages written in it; links lead to that language's pages. `correct=False`
    searches the words exactly as typed (the 'search for what I typed' link after a
    correction)."""
    language = language or current_language()
    with translation.override(language):
        return search_in(raw_query, language, correct)


def search_in(raw_query, language, correct):
    query = clean_query(raw_query)
    results = SearchResults(query=query, language=language)
    words = analysis.words(query, language)[:MAX_QUERY_WORDS]
    if not words:
        results.suggestions = suggestions(query, language)
        return results
    known = vocabulary(language)

    exact = known.exact_medication(words)
    medication = Medication.objects.published().filter(pk=exact).first() if exact else None
    if medication is not None:
        results.redirect_url = medication.get_absolute_url()
        return results

    if correct:
        corrected = [well_spelled(known, known.correct(word)) or word for word in words]
        if corrected != words:
            results.corrected_query = " ".join(known.display_word(w) for w in corrected)
            words = corrected

    parsed = parse(words, known, language)
    candidates = named_candidates(parsed, language)
    named_ids = {candidate.medication_id for candidate in candidates}
    candidates = candidates or broad_candidates(parsed, language)
    hits = rank(candidates, parsed, named_ids)
    results.groups, results.more_medications = group_hits(hits, named=bool(named_ids))
    results.content_words = [group.word for group in parsed.groups]
    results.matching_medications = len({h.candidate.medication_id for h in hits if h.matched})
    if hits and not results.matching_medications:
        # Every section that could contain a word is among the candidates (named: all those
        # medications' sections; broad: the index was asked for any of the words), so none
        # does: what is shown is only near the question.
        results.absent_words = results.content_words
    results.named = sorted(
        (group.medication for group in results.groups if group.medication.pk in named_ids),
        key=lambda medication: sort_key(medication.name),
    )
    results.glossary = glossary_hits(parsed.term_ids, language)
    add_highlights(results, parsed, language)
    if not results.found:
        results.suggestions = suggestions(query, language)
    return results


def parse(words, known, language):
    """Split the words into named medications, glossary terms, section kinds and the term
    groups to look for in the text."""
    name_matches = known.find_medications(words)
    named_positions = {i for match in name_matches for i in range(match.start, match.end)}
    unwanted = analysis.stop_words(language)
    content = [
        word
        for position, word in enumerate(words)
        if position not in named_positions and word not in unwanted
    ]
    return ParsedQuery(
        words=words,
        groups=[
            analysis.term_group(word, language, parts=known.split_compound(word))
            for word in dict.fromkeys(content)
        ],
        kinds=analysis.detect_kinds(words, language),
        medication_ids=set().union(*(match.targets for match in name_matches)),
        term_ids=set().union(*(m.targets for m in known.find_glossary_terms(words))),
        name_words=[words[i] for i in sorted(named_positions)],
    )


def entries(language):
    return SearchEntry.objects.filter(language=language, medication__is_published=True).order_by()


def fetch(rows, with_text=False):
    fields = CANDIDATE_FIELDS + (["text"] if with_text else [])
    return [Candidate(*values) for values in rows.values_list(*fields)]


def named_candidates(parsed, language):
    """For named medications: their sections that match, plus those the question is about
    (by kind); failing both, all their sections. Empty when no published one is named."""
    if not parsed.medication_ids:
        return []
    # A medication has at most one row per section kind: fetch them all, with their text.
    # So few rows need no full-text query: they are matched here, term by term, the way the
    # index matches them (every term of one alternative, in any of the row's columns).
    mine = fetch(entries(language).filter(medication__in=parsed.medication_ids), with_text=True)
    wanted = [
        candidate
        for candidate in mine
        if candidate.kind in parsed.kinds or matches_any_group(candidate, parsed.groups)
    ]
    return wanted or mine


def matches_any_group(row, groups):
    terms = f" {row.name_terms} {row.heading_terms} {row.body_terms} "
    return any(
        all(occurrences(terms, term) for term in alternative)
        for group in groups
        for alternative in group.alternatives
    )


def broad_candidates(parsed, language):
    """No medication named: the best matching sections of all medications. The search goes
    from narrow to wide and stops once it has enough: the words in a heading or the names,
    then (for several words) all of them in the text, then any of them. Each step puts the
    sections of the kind the question is about first. On a large index a common word
    matches much of it, and ranking all that is slow; headings keep that small."""
    steps = [{"titles_only": True}]
    if len(parsed.groups) > 1:
        steps.append({"require_all": True})
    steps.append({})
    fields = CANDIDATE_FIELDS + ["text"]
    found = {}
    for options in steps:
        rows = backend().candidate_rows(
            language, parsed.groups, parsed.kinds, BROAD_CANDIDATES, fields, **options
        )
        found.update((row[0], row) for row in rows if row[0] not in found)
        if len(found) >= ENOUGH_CANDIDATES:
            break
    if not found and parsed.kinds:  # no text matches, but the question is clear: those sections
        of_kind = entries(language).filter(kind__in=parsed.kinds).order_by("medication__slug")
        return fetch(of_kind[:BROAD_CANDIDATES], with_text=True)
    return [Candidate(*row) for row in found.values()]


def glossary_hits(term_ids, language):
    if not term_ids:
        return []
    rows = SearchEntry.objects.filter(language=language, glossary_term__in=term_ids)
    rows = rows.select_related("glossary_term").order_by("title")
    return [GlossaryHit(term=row.glossary_term, title=row.title, text=row.text) for row in rows]


# --- Showing ------------------------------------------------------------------------------


def add_highlights(results, parsed, language):
    """Addresses, titles and snippets for the hits shown (in the language searched: it is
    active here), built from readable text, with <mark>."""
    term_sets = [group.terms for group in parsed.groups]
    term_sets += [[analysis.query_term(word, language)] for word in parsed.name_words]
    matcher = snippets.Matcher(term_sets, language)
    hits = results.hits
    missing = [hit.candidate.pk for hit in hits if hit.candidate.text is None]
    texts = dict(SearchEntry.objects.filter(pk__in=missing).values_list("pk", "text"))
    for hit in hits:
        text = hit.candidate.text if hit.candidate.text is not None else texts[hit.candidate.pk]
        hit.url = hit.medication.section_url(hit.kind)
        hit.title_html = snippets.highlight(hit.candidate.title, matcher)
        hit.snippet_html = snippets.snippet(text, matcher)
    for hit in results.glossary:
        hit.url = hit.term.get_absolute_url()
        hit.title_html = snippets.highlight(hit.title, matcher)
        hit.snippet_html = snippets.highlight(hit.text, matcher)


# Glossary entries list common misspellings as other forms ("Ook: immunosuppresiva"), so a
# patient who types one still finds the word. A correction or a suggestion must never offer
# such a form: it offers the entry's own spelling instead.
MAX_SPELLING_EDITS = 2


def well_spelled(known, word):
    """`word` (a correction from the vocabulary), or, when it is only a glossary entry's other
    form that differs from the entry's own word by a letter or two, that word as the entry
    spells it: 'immunosuppresiva' -> 'immunosuppressiva'."""
    if not word:
        return word
    headwords = {}
    for form in known.term_forms:
        # The entry comes first.
        headwords.setdefault(form.target, analysis.words(form.label, known.language))
    for form in known.term_forms:
        if word not in form.words or word in headwords[form.target]:
            continue
        closest = process.extractOne(
            word, headwords[form.target], scorer=OSA.distance, score_cutoff=MAX_SPELLING_EDITS
        )
        if closest is not None:
            return closest[0]
    return word


def suggestions(query, language):
    """For a page with no results: medications whose names look like what was typed, each
    once, as written on its page (a brand or the medication's own name, never a word that
    only exists to catch a typing error)."""
    if not analysis.words(query, language):
        return []
    known = vocabulary(language)
    forms = {}
    for form in known.medication_forms:
        forms.setdefault(" ".join(form.words), form)
    found = process.extract(analysis.fold(query, language), list(forms), limit=10, score_cutoff=60)
    targets = [forms[name].target for name, _, _ in found]
    medications = Medication.objects.published().in_bulk(set(targets))
    names = {}
    for name, _, _ in found:
        form = forms[name]
        if form.target in medications and form.target not in names:
            medication = medications[form.target]
            names[form.target] = medication.name if form.is_alias else form.label
    return list(names.values())[:MAX_SUGGESTIONS]


def suggest(raw_query, language=None):
    """Names for the search box while typing: [{label, url, note}], published only."""
    language = language or current_language()
    with translation.override(language):
        return suggestions_for(raw_query, language)


def suggestions_for(raw_query, language):
    found = vocabulary(language).complete(clean_query(raw_query))
    medication_ids = {target for _, kind, target in found if kind == "medication"}
    medications = Medication.objects.published().in_bulk(medication_ids)
    term_ids = {target for _, kind, target in found if kind == "term"}
    terms = GlossaryTerm.objects.in_bulk(term_ids)
    suggestions = []
    for label, kind, target in found:
        if kind == "medication" and target in medications:
            medication = medications[target]
            note = "" if label == medication.name else medication.name
            suggestions.append({"label": label, "url": medication.get_absolute_url(), "note": note})
        elif kind == "term" and target in terms:
            suggestions.append(
                {
                    "label": label,
                    "url": terms[target].get_absolute_url(),
                    "note": gettext("woordenlijst"),
                }
            )
    return suggestions

"""The final order of search results, decided in Python so both databases agree: how well a
row matches each query word, how many words it matches, whether it is the kind of section
asked about, and whether it belongs to a medication the question names.

A row can rank without containing any of the question's words: the kind of section asked
about ('haaruitval' is a side-effect question) and a named medication weigh in too. Such a
hit is only near the question, so it is kept apart (`Hit.matched`): it never counts as found.
"""

import math
from dataclasses import dataclass

from medications.models import Medication

MAX_MEDICATIONS_SHOWN = 10
# A named medication shows its best sections; a broad question one or two per medication.
MAX_HITS_NAMED = 3
MAX_HITS_BROAD = 2
SECOND_HIT_SHARE = 0.8

# Ranking weights, the same for both databases.
HEADING_WEIGHT = 2.0
NAME_WEIGHT = 3.0
MAX_BODY_SCORE = 3.0
SYNONYM_WEIGHT = 0.8
COVERAGE_WEIGHT = 3.0
KIND_WEIGHT = 3.0
NAMED_WEIGHT = 10.0


@dataclass
class Candidate:
    """A search index row as ranking needs it: plain values, no model instance."""

    pk: int
    kind: str
    medication_id: int
    medication_slug: str
    position: int
    title: str
    name_terms: str
    heading_terms: str
    body_terms: str
    text: str | None = None


CANDIDATE_FIELDS = [
    "pk", "kind", "medication_id", "medication__slug", "position", "title", "name_terms",
    "heading_terms", "body_terms",
]  # fmt: skip


@dataclass
class ResultGroup:
    medication: Medication
    hits: list


@dataclass
class Hit:
    """One section found, with its highlighted title and snippet."""

    candidate: Candidate
    score: float
    # The row contains a word of the question (or its synonym); False for a section that is
    # only of the kind asked about or of the medication named.
    matched: bool = True
    medication: Medication | None = None
    # The section's address in the language searched (set with the highlights).
    url: str = ""
    title_html: str = ""
    snippet_html: str = ""

    @property
    def kind(self):
        return self.candidate.kind


def occurrences(terms, term):
    """How often a term occurs in a space-padded string of index terms."""
    if not term.prefix:
        return terms.count(f" {term.stem} ")
    if term.stem.startswith(term.prefix):
        return terms.count(f" {term.prefix}")
    return terms.count(f" {term.stem} ") + terms.count(f" {term.prefix}")


def group_score(group, names, heading, body):
    """How well a row matches one query word: in its title, how often in its text, or in its
    names. The word itself counts fully, a synonym a little less."""
    best = 0.0
    for position, alternative in enumerate(group.alternatives):
        in_heading = all(occurrences(heading, term) for term in alternative)
        in_names = all(occurrences(names, term) for term in alternative)
        in_body = min(occurrences(body, term) for term in alternative)
        score = (
            HEADING_WEIGHT * in_heading
            + NAME_WEIGHT * in_names
            + min(math.log2(1 + in_body), MAX_BODY_SCORE)
        )
        best = max(best, score * (SYNONYM_WEIGHT if position else 1.0))
    return best


def word_scores(row, parsed):
    """How well the row matches each query word (0 where it does not contain it)."""
    names = f" {row.name_terms} "
    heading = f" {row.heading_terms} "
    body = f" {row.body_terms} "
    return [group_score(group, names, heading, body) for group in parsed.groups]


def score_row(row, parsed, named_ids, scores=None):
    """A candidate's score: how well it matches each query word, how many of them it
    matches, whether it is the kind of section asked about, and of a medication named."""
    if scores is None:
        scores = word_scores(row, parsed)
    score = sum(scores)
    if scores:
        score += COVERAGE_WEIGHT * sum(1 for s in scores if s) / len(scores)
    score += KIND_WEIGHT * parsed.kinds.get(row.kind, 0)
    if row.medication_id in named_ids:
        score += NAMED_WEIGHT
    return score


def rank(candidates, parsed, named_ids):
    """Candidates as hits, best first; ties go by medication and page order. A question
    without words of its own (only a name) is matched by every section it finds."""
    hits = []
    for candidate in candidates:
        scores = word_scores(candidate, parsed)
        score = score_row(candidate, parsed, named_ids, scores)
        hits.append(Hit(candidate, score, matched=not scores or any(scores)))
    # A section with the question's words always comes before one that is only near it.
    return sorted(
        (hit for hit in hits if hit.score > 0),
        key=lambda hit: (
            not hit.matched,
            -hit.score,
            hit.candidate.medication_slug,
            hit.candidate.position,
        ),
    )


def group_hits(hits, named):
    """Hits per medication, medications in the order of their best hit. Returns the groups
    shown and how many medications were left out."""
    by_medication = {}
    for hit in hits:
        by_medication.setdefault(hit.candidate.medication_id, []).append(hit)
    shown_ids = list(by_medication)[:MAX_MEDICATIONS_SHOWN]
    medications = Medication.objects.in_bulk(shown_ids)
    groups = []
    for medication_id in shown_ids:
        medication_hits = by_medication[medication_id]
        best = medication_hits[0].score
        if named:
            shown = medication_hits[:MAX_HITS_NAMED]
        else:
            shown = [h for h in medication_hits if h.score >= SECOND_HIT_SHARE * best]
            shown = shown[:MAX_HITS_BROAD]
        for hit in shown:
            hit.medication = medications[medication_id]
        groups.append(ResultGroup(medication=medications[medication_id], hits=shown))
    return groups, len(by_medication) - len(shown_ids)

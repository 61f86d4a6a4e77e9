"""Readable text with the words a query matched in <mark>: everything else is escaped.

A word is marked when it matches one of the query's terms the way the index matched it: its
stem equals the term's stem, or the word starts with the term's prefix.
"""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search import analysis

WORD = re.compile(r"\w+")
SNIPPET_LENGTH = 240  # characters, about 35 words
CONTEXT_BEFORE = 40  # characters shown before the first marked word


@lru_cache(maxsize=100_000)
def word_forms(word, language):
    """A word of the text as (folded part, stem) pairs; 'B-cellen' has one part, 'IL-1' two."""
    return tuple((part, analysis.stem(part, language)) for part in analysis.words(word, language))


class Matcher:
    """Which query words a word of the text matches, remembered per word: the same words come
    back in every snippet of one results page. `term_sets` holds, per query word, the terms
    that count as that word (the word itself and its synonyms)."""

    def __init__(self, term_sets, language="nl"):
        self.term_sets = [tuple(terms) for terms in term_sets]
        self.language = language
        self.known = {}
        # Quick first tests that turn most words away without looking at each term: a stem
        # starts like its word (Snowball's Dutch stemmer only drops a leading 'ge').
        terms = [term for terms in self.term_sets for term in terms]
        self.stems = frozenset(term.stem for term in terms)
        self.prefixes = tuple(term.prefix for term in terms if term.prefix)
        starts = sorted({t.stem[:2] for t in terms} | {p[:2] for p in self.prefixes})
        alternatives = "|".join(re.escape(start) for start in starts) or "(?!)"
        self.likely_words = re.compile(rf"(?<!\w)(?:ge)?(?:{alternatives})\w*", re.IGNORECASE)

    def could_match(self, forms):
        return any(
            part in self.stems
            or stem in self.stems
            or part.startswith(self.prefixes)
            or stem.startswith(self.prefixes)
            for part, stem in forms
        )

    def __call__(self, word):
        found = self.known.get(word)
        if found is None:
            forms = word_forms(word, self.language)
            found = self.known[word] = (
                frozenset(
                    index
                    for index, terms in enumerate(self.term_sets)
                    if any(
                        t.matches(stem) or t.matches(part) for part, stem in forms for t in terms
                    )
                )
                if self.could_match(forms)
                else frozenset()
            )
        return found

    def spans(self, text):
        """(start, end, terms) of every matching word. Each distinct word is checked once;
        a regular expression of the matching words then finds them all."""
        matching = {word for word in set(self.likely_words.findall(text)) if self(word)}
        if not matching:
            return []
        alternatives = "|".join(re.escape(w) for w in sorted(matching, key=len, reverse=True))
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        return [(m.start(), m.end(), self(m.group())) for m in pattern.finditer(text)]


def marked(text, spans):
    """`text` escaped, with <mark> around the (start, end, ...) spans."""
    html = []
    position = 0
    for start, end, *_ in spans:
        html.append(escape(text[position:start]))
        html.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    html.append(escape(text[position:]))
    return "".join(html)


def highlight(text, matcher):
    """The whole text, escaped, with every matching word marked."""
    return mark_safe(marked(text, matcher.spans(text)))  # noqa: S308 (escaped parts)


def one_line(text):
    """Lines (paragraphs, list items, table cells, subheadings) as one line of whole phrases.

    A line without an ending stop gets one, so a subheading does not run into the sentence
    after it; but before a line that goes on in small letters (the next item of a list, "als u
    ..."), lines are joined with a semicolon, never a full stop inside a sentence."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    joined = []
    for line, following in zip(lines, lines[1:] + [""], strict=True):
        continues = following[:1].islower()
        if continues and line[-1] in ".;":
            line = f"{line[:-1]};"
        elif line[-1] not in ".?!:;,…":
            line += ";" if continues else "."
        joined.append(line)
    return " ".join(joined)


def snippet(text, matcher, length=SNIPPET_LENGTH):
    """About `length` characters of the text around the words that match the most different
    query words (the earliest such place), with '…' where text was left out."""
    text = one_line(text)
    spans = matcher.spans(text)
    begin, best = 0, (-1, -1)
    for start, _, _ in spans:
        window_begin = max(0, start - CONTEXT_BEFORE)
        inside = [s for s in spans if s[0] >= window_begin and s[1] <= window_begin + length]
        score = (len(frozenset().union(*(s[2] for s in inside))), len(inside))
        if score > best:
            begin, best = window_begin, score
    end = min(len(text), begin + length)
    # Cut at spaces, so no word is shown in part.
    if begin:
        begin = text.find(" ", begin) + 1 or begin
    if end < len(text):
        cut = text.rfind(" ", begin, end)
        end = cut if cut > begin else end
    inside = [(s - begin, e - begin, t) for s, e, t in spans if s >= begin and e <= end]
    html = marked(text[begin:end], inside)
    if begin:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # noqa: S308 (built from escaped parts)

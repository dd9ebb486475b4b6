"""From a citizen's question to what the index is asked: analysed terms, corrected typos, official terms
for everyday words, and character bigrams for the fallback."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field

from .analyser import analyse
from .expand import SynonymTable
from .jamo import TypoIndex


@dataclass
class QueryPlan:
    terms: list[str] = field(default_factory=list)  # known words, each once, question order
    expanded: list[str] = field(default_factory=list)  # official terms from the everyday-words table
    grams: list[str] = field(default_factory=list)  # bigrams of the words, for the fallback
    corrections: dict[str, str] = field(default_factory=dict)  # misspelt → known
    unknown: list[str] = field(default_factory=list)  # words neither known nor correctable

    @property
    def all_terms(self) -> list[str]:
        seen: dict[str, None] = {}
        for term in self.terms + self.expanded:
            seen.setdefault(term, None)
        return list(seen)

    def confidence(self) -> float:
        """Share of the question's words the index knows; a corrected word counts half. Scales the scores
        so that a question matched only through a guessed spelling looks weak (to the "no good answer" list)."""
        corrected = len(self.corrections)
        known = len(self.terms) - corrected
        total = known + corrected + len(self.unknown)
        if total == 0:
            return 1.0 if self.expanded else 0.0
        return (known + 0.5 * corrected + (0.5 if self.expanded else 0.0)) / (
            total + (0.5 if self.expanded else 0.0)
        )

    def highlight_words(self) -> list[str]:
        words = set(self.all_terms) | set(self.unknown)
        long_words = [w for w in words if len(w) >= 2]  # one letter (내, 위) would mark half the text
        return sorted(long_words or words, key=len, reverse=True)


def plan_query(
    question: str,
    *,
    synonyms: SynonymTable | None = None,
    vocabulary: Container[str] | None = None,
    typos: TypoIndex | None = None,
) -> QueryPlan:
    """`vocabulary` is the set of words in the index (None: every word counts as known); `typos` corrects
    the words that are not in it."""
    plan = QueryPlan()
    analysis = analyse(question)
    matched = synonyms.matches(question) if synonyms is not None else []
    # A word inside an everyday phrase of the table is understood through the table, never "corrected"
    # into a look-alike (딱지 → 따지).
    phrases = "|".join("".join(row.phrase.split()).lower() for row in matched)
    seen: set[str] = set()
    for word in analysis.terms + analysis.keys:
        if word in seen:
            continue
        seen.add(word)
        if vocabulary is None or word in vocabulary:
            plan.terms.append(word)
            continue
        fixed = typos.correct(word) if typos is not None and word not in phrases else None
        if fixed:
            plan.corrections[word] = fixed
            if fixed not in seen:
                seen.add(fixed)
                plan.terms.append(fixed)
        else:
            plan.unknown.append(word)
    if matched:
        for row in matched:
            extra = analyse(row.terms.replace(",", " "))
            for word in extra.terms + extra.keys:
                if word not in seen and (vocabulary is None or word in vocabulary):
                    seen.add(word)
                    plan.expanded.append(word)
    grams: dict[str, None] = {}
    for gram in analysis.grams:
        grams.setdefault(gram, None)
    plan.grams = list(grams)
    return plan

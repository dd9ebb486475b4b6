"""Precision, recall and F1 per label on a labelled file (one utterance a line: labels, kind, text)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import LABELS

SHORT = {"p": "profanity", "t": "threat", "s": "sexual"}


@dataclass(frozen=True)
class Sample:
    line: int
    labels: frozenset[str]
    kind: str
    text: str


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    per_label: dict[str, Scores] = field(default_factory=lambda: {label: Scores() for label in LABELS})
    any_label: Scores = field(default_factory=Scores)
    hard_negatives: int = 0
    hard_false_alarms: int = 0
    errors: list[tuple[Sample, frozenset[str]]] = field(default_factory=list)


def load(path: Path) -> list[Sample]:
    samples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("labels\t"):
            continue
        labels, kind, text = line.split("\t", 2)
        found = frozenset(SHORT[c] for c in labels if c in SHORT)
        samples.append(Sample(number, found, kind, text))
    return samples


def evaluate(samples: Iterable[Sample], predict: Callable[[str], Iterable[str]]) -> Report:
    report = Report()
    for sample in samples:
        predicted = frozenset(predict(sample.text))
        for label in LABELS:
            scores = report.per_label[label]
            if label in predicted and label in sample.labels:
                scores.tp += 1
            elif label in predicted:
                scores.fp += 1
            elif label in sample.labels:
                scores.fn += 1
        flagged, truth = bool(predicted), bool(sample.labels)
        report.any_label.tp += flagged and truth
        report.any_label.fp += flagged and not truth
        report.any_label.fn += truth and not flagged
        if sample.kind == "hard":
            report.hard_negatives += 1
            report.hard_false_alarms += flagged
        if predicted != sample.labels:
            report.errors.append((sample, predicted))
    return report

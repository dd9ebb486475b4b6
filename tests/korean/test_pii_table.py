"""The masking table (`pii_table.txt`): every secret masked, every ordinary text kept.

Also measures recall (secrets masked / secrets) and precision (masked characters inside a secret /
all masked characters) over the whole table, so a change that trades one for the other shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from chinjeol.korean.pii import MASK, mask_pii

TABLE = Path(__file__).with_name("pii_table.txt")
OPEN, CLOSE = "⟦", "⟧"


@dataclass(frozen=True)
class Case:
    line: int
    text: str
    secrets: tuple[tuple[int, int], ...]  # spans in `text`


def _parse(raw: str, line: int) -> Case:
    text, spans, start = [], [], None
    for char in raw:
        if char == OPEN:
            start = len(text)
        elif char == CLOSE:
            spans.append((start, len(text)))
            start = None
        else:
            text.append(char)
    return Case(line, "".join(text), tuple(spans))


def load() -> tuple[list[Case], list[Case]]:
    secret, ordinary = [], []
    for number, raw in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        tag, body = raw.split("\t", 1)
        case = _parse(body, number)
        (secret if tag == "S" else ordinary).append(case)
        assert tag in {"S", "K"} and bool(case.secrets) == (tag == "S"), f"line {number}"
    return secret, ordinary


SECRET, ORDINARY = load()


def _compact(text: str) -> str:
    return "".join(c for c in text if c.isalnum() or c == MASK)


def is_masked(original: str, masked: str) -> bool:
    """A secret counts as masked when at least four of its characters (half of a short one) are hidden
    and what identifies the person (everything after its first six characters) no longer reads whole."""
    hidden = sum(1 for a, b in zip(original, masked, strict=True) if a != b and b == MASK)
    compact = _compact(original)
    tail = compact[6:] if len(compact) >= 10 else ""
    return hidden >= min(4, max(1, len(compact) // 2)) and (not tail or tail not in _compact(masked))


@pytest.mark.parametrize("case", SECRET, ids=lambda c: f"line{c.line}")
def test_every_secret_is_masked_and_nothing_else(case):
    masked = mask_pii(case.text).text
    assert len(masked) == len(case.text)
    for start, end in case.secrets:
        assert is_masked(case.text[start:end], masked[start:end]), (case.text, masked)
    inside = {i for start, end in case.secrets for i in range(start, end)}
    changed_outside = [
        i for i, (a, b) in enumerate(zip(case.text, masked, strict=True)) if a != b and i not in inside
    ]
    assert not changed_outside, (case.text, masked)


@pytest.mark.parametrize("case", ORDINARY, ids=lambda c: f"line{c.line}")
def test_ordinary_text_is_kept(case):
    assert mask_pii(case.text).text == case.text


def measure() -> dict[str, float]:
    """Recall over secrets; precision over masked characters; share of ordinary texts kept."""
    secrets = caught = masked_chars = masked_inside = 0
    for case in SECRET:
        masked = mask_pii(case.text).text
        inside = {i for start, end in case.secrets for i in range(start, end)}
        for start, end in case.secrets:
            secrets += 1
            caught += is_masked(case.text[start:end], masked[start:end])
        for i, (a, b) in enumerate(zip(case.text, masked, strict=True)):
            if a != b:
                masked_chars += 1
                masked_inside += i in inside
    for case in ORDINARY:
        masked = mask_pii(case.text).text
        masked_chars += sum(1 for a, b in zip(case.text, masked, strict=True) if a != b)
    kept = sum(mask_pii(c.text).text == c.text for c in ORDINARY)
    return {
        "cases": len(SECRET) + len(ORDINARY),
        "secrets": secrets,
        "recall": caught / secrets,
        "precision": masked_inside / masked_chars,
        "ordinary_kept": kept / len(ORDINARY),
    }


def test_table_is_large_and_scores_are_high():
    figures = measure()
    assert figures["cases"] >= 300
    assert figures["recall"] == 1.0
    assert figures["ordinary_kept"] >= 0.95 and figures["precision"] >= 0.99

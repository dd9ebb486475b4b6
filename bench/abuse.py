"""Abuse detection: precision, recall and F1 per label on the labelled sets, false alarms on real text,
and messages per second on one core.

    .venv/bin/python bench/abuse.py [--seconds 3] [--real FILE ...]

Sets: tests/korean/data/abuse_labelled.tsv (the set the lexicon was tuned on) and abuse_heldout.tsv (written
afterwards, not used for tuning). Real text: the Korean string literals of the demo generator
(src/chinjeol/demo/*.py: citizens' complaints and questions) plus any FILE given (one sentence a line or
paragraphs); every flagged sentence is printed so a person can judge it.

Throughput: one process, one thread, result cache off, every message of both sets and the real text in
turn (Kiwi loaded before timing starts; it is called only for 보지/자지/새기 read as possible verbs).
"""

from __future__ import annotations

import argparse
import ast
import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from chinjeol.korean.abuse import Detector  # noqa: E402
from chinjeol.korean.abuse.evaluation import evaluate, load  # noqa: E402
from chinjeol.korean.abuse.morph import kiwi  # noqa: E402

DATA = ROOT / "tests" / "korean" / "data"
HANGUL = re.compile(r"[가-힣]")


def demo_strings() -> list[str]:
    found = []
    for path in sorted((ROOT / "src" / "chinjeol" / "demo").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and len(HANGUL.findall(node.value)) >= 4
            ):
                found.append(node.value)
    return found


def sentences(paths: list[str]) -> list[str]:
    out = []
    for name in paths:
        text = Path(name).read_text(encoding="utf-8")
        for line in text.splitlines():
            out.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", line) if len(HANGUL.findall(s)) >= 4)
    return out


def table(name: str, report) -> None:
    print(f"\n{name}")
    print("| label | precision | recall | F1 | TP | FP | FN |")
    print("|---|---|---|---|---|---|---|")
    for label, s in [*report.per_label.items(), ("any", report.any_label)]:
        print(f"| {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |")
    print(f"hard negatives: {report.hard_negatives}, flagged: {report.hard_false_alarms}")
    for sample, predicted in report.errors:
        print(
            f"  line {sample.line}: expected {sorted(sample.labels)} got {sorted(predicted)}: {sample.text}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--real", nargs="*", default=[])
    parser.add_argument("--db", default="", help="ignored (run_all.sh passes it)")
    args = parser.parse_args()

    detector = Detector(cache_size=0)
    labelled, heldout = load(DATA / "abuse_labelled.tsv"), load(DATA / "abuse_heldout.tsv")
    for name, samples in (
        ("abuse_labelled.tsv (tuned on)", labelled),
        ("abuse_heldout.tsv (held out)", heldout),
    ):
        table(f"{name}: {len(samples)} utterances", evaluate(samples, lambda t: detector.check(t).labels))

    real = demo_strings() + sentences(args.real)
    flagged = [(t, detector.check(t)) for t in real]
    flagged = [(t, r) for t, r in flagged if r.flagged]
    print(f"\nreal text: {len(real)} sentences, {len(flagged)} flagged")
    for text, result in flagged:
        spans = ", ".join(f"{h.label}:{text[h.start : h.end]}" for h in result.hits)
        print(f"  [{spans}] {text[:120]}")

    messages = [s.text for s in labelled + heldout] + real
    started = time.perf_counter()
    kiwi()
    print(f"\nKiwi model load: {time.perf_counter() - started:.2f} s (once per process, lazily)")
    for text in messages:  # warm the regular expressions
        detector.check(text)
    count, started = 0, time.perf_counter()
    cpu_started = time.process_time()
    while time.perf_counter() - started < args.seconds:
        for text in messages:
            detector.check(text)
        count += len(messages)
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    chars = sum(len(m) for m in messages) / len(messages)
    print(
        f"throughput: {count / wall:,.0f} messages/s wall, {count / cpu:,.0f} messages/s CPU "
        f"({count:,} messages, mean {chars:.0f} characters, {len(messages)} distinct, cache off); "
        f"{platform.python_version()} on {platform.machine()}"
    )


if __name__ == "__main__":
    main()

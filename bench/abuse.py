"""Abuse detection: precision, recall and F1 per label on the labelled sets, false alarms on real text,
and messages per second on one core.

    .venv/bin/python bench/abuse.py [--seconds 3] [--real FILE ...]

Sets: tests/korean/data/abuse_labelled.tsv (the set the lexicon was tuned on), abuse_heldout.tsv and
abuse_heldout2.tsv, abuse_heldout3.tsv (each written after the previous one had been measured; bench/RESULTS.md
gives the figures each had before anything was changed for it). Real text, where every flag is a false alarm unless a person
says otherwise (each is printed): the Korean string literals of the demo generator (src/chinjeol/demo/*.py:
citizens' complaints and questions), the Korean translations shipped with the installed packages
(locale/ko/*.po), any FILE given (one sentence a line or paragraphs), and, for the QWERTY composer, every
English word of four letters or more in the installed Django sources.

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


def translations() -> list[str]:
    import django

    site = Path(django.__file__).resolve().parent.parent
    found = set()
    for po in site.glob("**/locale/ko/LC_MESSAGES/*.po"):
        for line in po.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith('msgstr "') and len(HANGUL.findall(line)) >= 2:
                found.add(line[8:-1])
    return sorted(found)


def english_words() -> list[str]:
    import django

    words = set()
    for path in Path(django.__file__).resolve().parent.glob("**/*.py"):
        words.update(re.findall(r"\b[A-Za-z]{4,}\b", path.read_text(encoding="utf-8", errors="replace")))
    return sorted(words)


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
    started = time.perf_counter()
    kiwi()
    print(f"Kiwi model load: {time.perf_counter() - started:.2f} s (once per process, on first need)")
    sets = {
        name: load(DATA / f"{name}.tsv")
        for name in ("abuse_labelled", "abuse_heldout", "abuse_heldout2", "abuse_heldout3")
    }
    for name, samples in sets.items():
        table(f"{name}.tsv: {len(samples)} utterances", evaluate(samples, lambda t: detector.check(t).labels))
    everything = [s for samples in sets.values() for s in samples]
    table(
        f"all four sets: {len(everything)} utterances",
        evaluate(everything, lambda t: detector.check(t).labels),
    )

    real = demo_strings() + translations() + sentences(args.real)
    for name, texts in (("real Korean text", real), ("English words (QWERTY composer)", english_words())):
        flagged = [(t, detector.check(t)) for t in texts]
        flagged = [(t, r) for t, r in flagged if r.flagged]
        print(f"\n{name}: {len(texts)} sentences or words, {len(flagged)} flagged")
        for text, result in flagged:
            spans = ", ".join(f"{h.label}:{text[h.start : h.end]}" for h in result.hits)
            print(f"  [{spans}] {text[:120]}")

    messages = [s.text for s in everything] + real
    for text in messages:  # warm the regular expressions
        detector.check(text)
    throughput(detector, messages, args.seconds, "utterances")
    # Chat and SMS messages of a few sentences: five utterances joined (every 5th, so all differ).
    joined = [" ".join(messages[k : k + 5]) for k in range(0, len(messages) - 5)]
    throughput(detector, joined, args.seconds, "five utterances joined")


def throughput(detector, messages: list[str], seconds: float, what: str) -> None:
    count, started = 0, time.perf_counter()
    cpu_started = time.process_time()
    while time.perf_counter() - started < seconds:
        for text in messages:
            detector.check(text)
        count += len(messages)
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    chars = sum(len(m) for m in messages) / len(messages)
    print(
        f"throughput ({what}): {count / wall:,.0f} messages/s wall, {count / cpu:,.0f} messages/s CPU "
        f"({count:,} messages, mean {chars:.0f} characters, {len(messages)} distinct, cache off); "
        f"Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()

"""Lexicon entries and phrase rules: loaded from the TOML files shipped in `data/`, extended at run time
with an agency's own entries (plain dicts, e.g. rows of a table the CS officer edits)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .normalize import fold_form

LABELS = ("profanity", "threat", "sexual")
SEVERITIES = ("low", "medium", "high")


class LexiconError(ValueError):
    """An entry or rule is malformed; the message says which one and why (Korean)."""


@dataclass(frozen=True)
class Entry:
    id: str
    label: str
    severity: str
    forms: tuple[str, ...]
    deny_before: tuple[str, ...] = ()
    deny_after: tuple[str, ...] = ()
    verb_like: tuple[str, ...] = ()
    isolated_number: bool = False
    exact: bool = False  # matched before look-alike folding (찐따 must not meet 진다)
    unless: tuple[re.Pattern, ...] = ()  # sentence contexts that excuse the word (개 소리 next to 짖어요)
    across_space: str = ""  # "", "before", "after" or "both"


@dataclass(frozen=True)
class Rule:
    id: str
    label: str
    severity: str
    pattern: re.Pattern
    unless: tuple[re.Pattern, ...] = ()
    needs: re.Pattern | None = None  # one of these characters is in every match: skip the rule without it


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    rules: tuple[Rule, ...]
    allow: tuple[str, ...] = ()
    by_form: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    matcher: re.Pattern | None = None
    exact_by_form: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    exact_matcher: re.Pattern | None = None
    allow_matcher: re.Pattern | None = None


def _strings(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: 문자열 목록이어야 합니다.")
    return tuple(v for v in value if v.strip())


def _check(raw: Mapping, where: str) -> tuple[str, str, str]:
    label = raw.get("label")
    severity = raw.get("severity", "medium")
    if label not in LABELS:
        raise LexiconError(f"{where}: 분류(label)는 {', '.join(LABELS)} 중 하나여야 합니다.")
    if severity not in SEVERITIES:
        raise LexiconError(f"{where}: 심각도(severity)는 {', '.join(SEVERITIES)} 중 하나여야 합니다.")
    return str(raw.get("id") or where), label, severity


def _side(value, where: str) -> str:
    if value is True:
        return "both"
    if value in (False, None, ""):
        return ""
    if value in ("before", "after", "both"):
        return value
    raise LexiconError(f'{where}: across_space는 true, false, "before", "after" 중 하나여야 합니다.')


def _unless(raw: Mapping, contexts: Mapping[str, str], where: str) -> tuple[re.Pattern, ...]:
    try:
        return tuple(re.compile(contexts.get(u, u)) for u in _strings(raw.get("unless"), where))
    except re.error as error:
        raise LexiconError(f"{where}: 정규식이 올바르지 않습니다 ({error}).") from None


def entry_from(raw: Mapping, where: str = "추가 항목", contexts: Mapping[str, str] | None = None) -> Entry:
    ident, label, severity = _check(raw, where)
    exact = bool(raw.get("exact", False))

    def fold(values) -> tuple[str, ...]:
        return tuple(f for f in (fold_form(x, exact) for x in _strings(values, where)) if f)

    forms = fold(raw.get("forms"))
    if not forms:
        raise LexiconError(f"{where}: 단어(forms)가 하나 이상 있어야 합니다.")
    return Entry(
        id=ident,
        label=label,
        severity=severity,
        forms=forms,
        deny_before=fold(raw.get("deny_before")),
        deny_after=fold(raw.get("deny_after")),
        verb_like=fold(raw.get("verb_like")),
        isolated_number=bool(raw.get("isolated_number", False)),
        exact=exact,
        across_space=_side(raw.get("across_space", False), where),
        unless=_unless(raw, contexts or {}, where),
    )


def rule_from(raw: Mapping, contexts: Mapping[str, str], where: str = "추가 규칙") -> Rule:
    ident, label, severity = _check(raw, where)
    unless = _unless(raw, contexts, where)
    try:
        pattern = re.compile(str(raw["pattern"]))
    except KeyError:
        raise LexiconError(f"{where}: 정규식(pattern)이 없습니다.") from None
    except re.error as error:
        raise LexiconError(f"{where}: 정규식이 올바르지 않습니다 ({error}).") from None
    needs = str(raw.get("needs") or "")
    needs_pattern = (
        re.compile("[" + "".join(re.escape(c) for c in sorted(set(needs))) + "]") if needs else None
    )
    return Rule(ident, label, severity, pattern, unless, needs_pattern)


def _trie_pattern(forms: Iterable[str]) -> str:
    """One regular expression for many literal forms, factored by common prefix (fast to scan)."""
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        optional = "" in node
        branches = [re.escape(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if optional:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def _lookahead(forms: Iterable[str]) -> re.Pattern | None:
    forms = sorted(set(forms))
    if not forms:
        return None
    # Overlapping matches: a lookahead at every position, the longest form first.
    return re.compile("(?=(" + _trie_pattern(forms) + "))")


def build(
    entries: Iterable[Entry], rules: Iterable[Rule], allow: Iterable[str] = (), disabled: Iterable[str] = ()
) -> Lexicon:
    off = set(disabled)
    entries = tuple(e for e in entries if e.id not in off)
    rules = tuple(r for r in rules if r.id not in off)
    allow = tuple(sorted({a for a in allow if a}))
    by_form: dict[str, list[Entry]] = {}
    exact_by_form: dict[str, list[Entry]] = {}
    for entry in entries:
        for form in entry.forms:
            (exact_by_form if entry.exact else by_form).setdefault(form, []).append(entry)
    return Lexicon(
        entries=entries,
        rules=rules,
        allow=allow,
        by_form={k: tuple(v) for k, v in by_form.items()},
        matcher=_lookahead(by_form),
        exact_by_form={k: tuple(v) for k, v in exact_by_form.items()},
        exact_matcher=_lookahead(exact_by_form),
        allow_matcher=_lookahead(allow),
    )


@cache
def builtin() -> tuple[tuple[Entry, ...], tuple[Rule, ...], tuple[str, ...], dict[str, str]]:
    data = resources.files(__package__) / "data"
    lexicon = tomllib.loads((data / "lexicon.toml").read_text(encoding="utf-8"))
    phrases = tomllib.loads((data / "phrases.toml").read_text(encoding="utf-8"))
    contexts = dict(phrases.get("context", {}))
    entries = tuple(
        entry_from(raw, f"lexicon.toml {raw.get('id')}", contexts) for raw in lexicon.get("entry", [])
    )
    rules = tuple(
        rule_from(raw, contexts, f"phrases.toml {raw.get('id')}") for raw in phrases.get("rule", [])
    )
    allow = tuple(
        fold_form(form)
        for block in lexicon.get("allow", [])
        for form in _strings(block.get("forms"), "allow")
    )
    return entries, rules, allow, contexts

"""The detector: lexicon words on the skeleton (and on Latin typed with the Korean layout off), phrase rules
on the surface, Kiwi morphology only for the few words that are also verbs (보지 않다, 자지 않고)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon as lx
from .hangul import FOLD, from_qwerty
from .morph import is_verb_at
from .normalize import GAP_SPACE, Skeleton, skeleton, surface

RANK = {"low": 1, "medium": 2, "high": 3}
_HANGUL = re.compile(r"[가-힣ㄱ-ㅣ]")
_LATIN_RUN = re.compile(r"[A-Za-z]{4,}")
_SENTENCE_END = re.compile(r"[.!?\n。]|(?<=[요다죠까])\s")
# After a word broken by spaces (시 발, 개 새 끼) only an ending or a noun of abuse may follow at once.
_QWERTY_LEAD = frozenset("아야이어개에")
_QUOTED = re.compile(r"[?!.]*[\"'”’」]*\s*(?:라|하|이라)?고\s*\S+")
_SPACED_TAIL = frozenset("아야이놈년새끼기들같련롬가는을를도만냐네요한하에의새것")
_NOUN_BEFORE = re.compile(
    r"(?:^|\s)(?:니|너|네|내|너의|당신|니네|느그|이|저|그|미친|개|아가씨|언니|누나|엄마|여자)\s*$"
)
_NOUN_AFTER = re.compile(
    r"^\s*(?:가|를|야|아|들|냐|털|냄새|빨|핥|만지|만져|보여|벌려|구멍|물|크|작|새끼|같은)"
)


@dataclass(frozen=True)
class Hit:
    label: str
    start: int
    end: int
    severity: str
    rule: str

    def as_dict(self) -> dict:
        return {"label": self.label, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Result:
    labels: tuple[str, ...]
    severity: str  # none, low, medium, high
    hits: tuple[Hit, ...]

    @property
    def flagged(self) -> bool:
        return bool(self.hits)

    def spans(self) -> list[dict]:
        return [h.as_dict() for h in self.hits]


CLEAN = Result((), "none", ())


class Detector:
    """Detector(extra_entries=[{"label": "profanity", "forms": ["…"], "severity": "medium"}],
    extra_rules=[{"label": "threat", "pattern": "…"}], allow=["…"], disabled={"siba"}).

    Results of the last `cache_size` distinct messages are kept (a chat repeats itself)."""

    def __init__(
        self,
        extra_entries: Iterable[Mapping | lx.Entry] = (),
        extra_rules: Iterable[Mapping | lx.Rule] = (),
        allow: Iterable[str] = (),
        disabled: Iterable[str] = (),
        cache_size: int = 2048,
    ):
        entries, rules, builtin_allow, contexts = lx.builtin()
        more_entries = [
            e if isinstance(e, lx.Entry) else lx.entry_from(e, f"추가 항목 {i + 1}", contexts)
            for i, e in enumerate(extra_entries)
        ]
        more_rules = [
            r if isinstance(r, lx.Rule) else lx.rule_from(r, contexts, f"추가 규칙 {i + 1}")
            for i, r in enumerate(extra_rules)
        ]
        self.lexicon = lx.build(
            entries + tuple(more_entries),
            rules + tuple(more_rules),
            builtin_allow + tuple(lx.fold_form(a) for a in allow),
            disabled,
        )
        self._deny = {entry: _deny_patterns(entry) for entry in self.lexicon.entries}
        self._check = (
            lru_cache(maxsize=cache_size)(self._check_uncached) if cache_size else self._check_uncached
        )

    def check(self, text: str) -> Result:
        if not text or not text.strip():
            return CLEAN
        return self._check(text)

    def _check_uncached(self, text: str) -> Result:
        surf = surface(text)
        hits: list[Hit] = []
        sk = skeleton(surf)
        hits.extend(self._words(sk, surf))
        for match in _LATIN_RUN.finditer(text):
            hits.extend(self._qwerty(match.group(), match.start(), surf))
        for rule in self.lexicon.rules:
            if rule.needs is not None and not rule.needs.search(surf):
                continue
            for m in rule.pattern.finditer(surf):
                if m.end() > m.start() and not _context_denies(rule, surf, m.start(), m.end()):
                    hits.append(Hit(rule.label, m.start(), m.end(), rule.severity, rule.id))
        if not hits:
            return CLEAN
        return _result(hits)

    # lexicon words ------------------------------------------------------------------------------------
    def _words(self, sk: Skeleton, surf: str, qwerty: bool = False) -> list[Hit]:
        lex = self.lexicon
        hits: list[Hit] = []
        allowed: list | None = None
        for matcher, by_form, text in (
            (lex.matcher, lex.by_form, sk.text),
            (lex.exact_matcher, lex.exact_by_form, sk.raw),
        ):
            if matcher is not None:
                allowed = self._scan(matcher, by_form, text, sk, surf, qwerty, hits, allowed)
        return hits

    def _scan(self, matcher, by_form, text, sk, surf, qwerty, hits, allowed):
        for m in matcher.finditer(text):
            start, longest = m.start(), m.group(1)
            for length in range(len(longest), 0, -1):
                entries = by_form.get(longest[:length])
                if not entries:
                    continue
                end = start + length
                if allowed is None:
                    allowed = _allow_ranges(self.lexicon, sk)
                found = [e for e in entries if self._accept(e, sk, surf, start, end, allowed, qwerty)]
                if found:
                    s, e = sk.span(start, end)
                    hits.extend(Hit(x.label, s, e, x.severity, x.id) for x in found)
                    break
        return allowed

    def _accept(
        self, entry: lx.Entry, sk: Skeleton, surf: str, start: int, end: int, allowed, qwerty
    ) -> bool:
        text, gaps = (sk.raw if entry.exact else sk.text), sk.gaps
        form = text[start:end]
        if qwerty and (_is_jamo(form) or (start and text[start - 1] not in _QWERTY_LEAD)):
            return False  # tutorial → 셔새갸미: on Latin keys the word must start the run (or follow 아, 야…)
        joined_before = start > 0 and gaps[start] < GAP_SPACE
        joined_after = end < len(text) and gaps[end] < GAP_SPACE
        side = entry.across_space  # 십팔 세, 강아지 새끼: a unit or an animal across a space still counts
        before, after = self._deny[entry]
        if before and (joined_before or side in ("before", "both")) and before.search(text, 0, start):
            return False
        if after and (joined_after or side in ("after", "both")) and after.match(text, end):
            return False
        if _edge_clash(text, start, end, joined_before, joined_after):
            return False
        if sk.has_gap(start, end):  # 시 발, 개 새 끼: a word broken by spaces must stand alone
            if joined_before and _HANGUL.match(text[start - 1]):
                return False
            if joined_after and _HANGUL.match(text[end]) and text[end] not in _SPACED_TAIL:
                return False
        if any(a <= start and end <= b and _inside_word(sk, start, end, a, b) for a, b in allowed):
            return False
        o_start, o_end = sk.span(start, end)
        if entry.isolated_number and not _isolated_number(surf, o_start, o_end):
            return False
        if entry.unless and _context_denies(entry, surf, o_start, o_end):
            return False
        return not (form in entry.verb_like and _verb_reading(surf, o_start, o_end))

    def _qwerty(self, run: str, offset: int, surf: str) -> list[Hit]:
        units = from_qwerty(run, offset)
        if len(units) < 2 or not all("가" <= u[0] <= "힣" for u in units):
            return []  # English words leave stray jamo (protocol → ㅔ개새채ㅣ); typed Hangul does not
        raw = "".join(u[0] for u in units)
        sk = Skeleton(
            raw.translate(FOLD),
            tuple(u[1] for u in units),
            tuple(u[2] for u in units),
            (0,) * len(units),
            raw,
        )
        return self._words(sk, surf, qwerty=True)


def _deny_patterns(entry: lx.Entry) -> tuple[re.Pattern | None, re.Pattern | None]:
    """An entry's deny lists as two expressions: one ending where the match starts, one starting where it ends."""

    def union(words, suffix: str = "") -> re.Pattern | None:
        words = sorted(set(words), key=len, reverse=True)
        return re.compile("(?:" + "|".join(map(re.escape, words)) + ")" + suffix) if words else None

    return union(entry.deny_before, r"\Z"), union(entry.deny_after)


def _is_jamo(form: str) -> bool:
    return all("ㄱ" <= c <= "ㅣ" for c in form)


def _edge_clash(text: str, start: int, end: int, joined_before: bool, joined_after: bool) -> bool:
    """A Latin form must not start inside a Latin word (sibal in 'possibal'), a number not inside a number."""
    first, last = text[start], text[end - 1]
    latin = first.isascii() and first.isalnum() and text[start - 1].isascii() and text[start - 1].isalnum()
    return (joined_before and latin) or (joined_after and last.isdigit() and text[end].isdigit())


def _isolated_number(surf: str, start: int, end: int) -> bool:
    left = start
    while left > 0 and not surf[left - 1].isspace():
        left -= 1
    right = end
    while right < len(surf) and not surf[right].isspace():
        right += 1
    word = surf[left:start] + surf[end:right]
    return not any(c.isdigit() or ("a" <= c <= "z") for c in word)  # not 2018, 18:00, 18A


def _allow_ranges(lex: lx.Lexicon, sk: Skeleton) -> list[tuple[int, int]]:
    if lex.allow_matcher is None:
        return []
    ranges = []
    for m in lex.allow_matcher.finditer(sk.text):
        ranges.append((m.start(), m.start() + len(m.group(1))))
    return ranges


def _inside_word(sk: Skeleton, start: int, end: int, a: int, b: int) -> bool:
    """An allowed word covers the match unless a space separates the match from a short rest of it
    (시발 역겨워 is not 시발역; 시발 자동차 is still 시발자동차)."""
    cut_before = a < start and sk.gaps[start] >= GAP_SPACE and start - a < 2
    cut_after = end < b and sk.gaps[end] >= GAP_SPACE and b - end < 2
    return not (cut_before or cut_after)


def _verb_reading(surf: str, start: int, end: int) -> bool:
    before, after = surf[max(0, start - 8) : start], surf[end : end + 6]
    if _NOUN_BEFORE.search(before) or _NOUN_AFTER.match(after):
        return False
    return is_verb_at(surf, start)


def _sentence(surf: str, start: int, end: int) -> str:
    left = 0
    for m in _SENTENCE_END.finditer(surf, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(surf, end)
    right = m.start() if m else len(surf)
    quoted = _QUOTED.match(surf, right)  # "애인 있어요?" 라고 묻는 민원인이…
    return surf[left : quoted.end() if quoted else right]


def _context_denies(rule: lx.Rule | lx.Entry, surf: str, start: int, end: int) -> bool:
    if not rule.unless:
        return False
    sentence = _sentence(surf, start, end)
    return any(u.search(sentence) for u in rule.unless)


def _result(hits: list[Hit]) -> Result:
    # One span per label where matches overlap; the highest severity wins.
    hits.sort(key=lambda h: (h.label, h.start, -h.end))
    merged: list[Hit] = []
    for hit in hits:
        last = merged[-1] if merged else None
        if last and last.label == hit.label and hit.start < last.end:
            severity = last.severity if RANK[last.severity] >= RANK[hit.severity] else hit.severity
            rule = last.rule if RANK[last.severity] >= RANK[hit.severity] else hit.rule
            merged[-1] = Hit(last.label, last.start, max(last.end, hit.end), severity, rule)
        else:
            merged.append(hit)
    merged.sort(key=lambda h: (h.start, h.end, h.label))
    labels = tuple(label for label in lx.LABELS if any(h.label == label for h in merged))
    top = max(RANK[h.severity] for h in merged)
    if len(labels) > 1 or sum(1 for h in merged if RANK[h.severity] >= 2) >= 3:
        top = min(3, top + 1)  # abuse of several kinds, or a stream of it, is worse than one word
    severity = next(k for k, v in RANK.items() if v == top)
    return Result(labels, severity, tuple(merged))


_default: Detector | None = None


def default() -> Detector:
    global _default
    if _default is None:
        _default = Detector()
    return _default


def check(text: str) -> Result:
    """Check one message with the built-in lexicon and rules."""
    return default().check(text)

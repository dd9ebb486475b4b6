"""Hangul jamo: composing typed jamo into syllables, the 2-beolsik keyboard on QWERTY keys, and the
folding of look-alike spellings (씨발/시발, 새끼/섀끼) into one skeleton.

Every composed syllable keeps the original offsets of the keys or jamo it was built from, so a match on
the composed text maps back to the exact characters the citizen typed.
"""

from __future__ import annotations

CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
JONG = "\0ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"
_CHO_INDEX = {c: i for i, c in enumerate(CHO)}
_JUNG_INDEX = {c: i for i, c in enumerate(JUNG)}
_JONG_INDEX = {c: i for i, c in enumerate(JONG) if i}
VOWELS = frozenset(JUNG)
CONSONANTS = frozenset("ㄱㄲㄳㄴㄵㄶㄷㄸㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅃㅄㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ")
_COMPOUND_VOWEL = {
    ("ㅗ", "ㅏ"): "ㅘ",
    ("ㅗ", "ㅐ"): "ㅙ",
    ("ㅗ", "ㅣ"): "ㅚ",
    ("ㅜ", "ㅓ"): "ㅝ",
    ("ㅜ", "ㅔ"): "ㅞ",
    ("ㅜ", "ㅣ"): "ㅟ",
    ("ㅡ", "ㅣ"): "ㅢ",
}
_COMPOUND_FINAL = {
    ("ㄱ", "ㅅ"): "ㄳ",
    ("ㄴ", "ㅈ"): "ㄵ",
    ("ㄴ", "ㅎ"): "ㄶ",
    ("ㄹ", "ㄱ"): "ㄺ",
    ("ㄹ", "ㅁ"): "ㄻ",
    ("ㄹ", "ㅂ"): "ㄼ",
    ("ㄹ", "ㅅ"): "ㄽ",
    ("ㄹ", "ㅌ"): "ㄾ",
    ("ㄹ", "ㅍ"): "ㄿ",
    ("ㄹ", "ㅎ"): "ㅀ",
    ("ㅂ", "ㅅ"): "ㅄ",
}

# 2-beolsik (두벌식) on a US keyboard; shifted keys give the tense consonants and ㅒ ㅖ.
QWERTY = {
    "q": "ㅂ", "w": "ㅈ", "e": "ㄷ", "r": "ㄱ", "t": "ㅅ", "y": "ㅛ", "u": "ㅕ", "i": "ㅑ", "o": "ㅐ", "p": "ㅔ",
    "a": "ㅁ", "s": "ㄴ", "d": "ㅇ", "f": "ㄹ", "g": "ㅎ", "h": "ㅗ", "j": "ㅓ", "k": "ㅏ", "l": "ㅣ",
    "z": "ㅋ", "x": "ㅌ", "c": "ㅊ", "v": "ㅍ", "b": "ㅠ", "n": "ㅜ", "m": "ㅡ",
    "Q": "ㅃ", "W": "ㅉ", "E": "ㄸ", "R": "ㄲ", "T": "ㅆ", "O": "ㅒ", "P": "ㅖ",
}  # fmt: skip
for _key in "ASDFGHJKLZXCVBNMYUI":
    QWERTY[_key] = QWERTY[_key.lower()]


def syllable(cho: str, jung: str, jong: str = "") -> str:
    return chr(0xAC00 + (_CHO_INDEX[cho] * 21 + _JUNG_INDEX[jung]) * 28 + (_JONG_INDEX[jong] if jong else 0))


def split(char: str) -> tuple[str, str, str] | None:
    """가 → ('ㄱ', 'ㅏ', ''); None for anything that is not a precomposed syllable."""
    code = ord(char) - 0xAC00
    if not 0 <= code < 11172:
        return None
    jong = code % 28
    return CHO[code // 588], JUNG[(code // 28) % 21], JONG[jong] if jong else ""


Unit = tuple[str, int, int]  # text, original start, original end


def compose(units: list[Unit]) -> list[Unit]:
    """Compose a run of jamo (each with its original offsets) into syllables the way a Korean input
    method does: ㅅㅣㅂㅏㄹ → 시발, ㄱㅐㅅㅐㄲㅣ → 개새끼. What cannot be composed stays as it is."""
    out: list[Unit] = []
    cho = jung = ""
    finals: list[Unit] = []
    start = end = vowel_end = -1

    def flush() -> None:
        nonlocal cho, jung, finals
        if cho and jung:
            jong = (
                finals[0][0]
                if len(finals) == 1
                else (_COMPOUND_FINAL[(finals[0][0], finals[1][0])] if finals else "")
            )
            out.append((syllable(cho, jung, jong), start, end))
        elif cho:
            out.append((cho, start, end))
        cho, jung, finals = "", "", []

    for char, s, e in units:
        if char in VOWELS:
            if cho and not jung:
                jung, end = char, e
                vowel_end = e
            elif cho and jung and not finals and (jung, char) in _COMPOUND_VOWEL:
                jung, end = _COMPOUND_VOWEL[(jung, char)], e
                vowel_end = e
            elif cho and jung and finals:
                moved = finals.pop()
                end = finals[-1][2] if finals else vowel_end
                flush()
                vowel_end = e
                cho, jung, start, end = moved[0], char, moved[1], e
            else:
                flush()
                out.append((char, s, e))
        elif char in _CHO_INDEX or char in _JONG_INDEX:
            if cho and jung and not finals and char in _JONG_INDEX:
                finals, end = [(char, s, e)], e
            elif cho and jung and len(finals) == 1 and (finals[0][0], char) in _COMPOUND_FINAL:
                finals.append((char, s, e))
                end = e
            else:
                flush()
                if char in _CHO_INDEX:
                    cho, start, end = char, s, e
                else:
                    out.append((char, s, e))
        else:
            flush()
            out.append((char, s, e))
    flush()
    return out


def from_qwerty(text: str, offset: int = 0) -> list[Unit]:
    """Latin letters typed with the Korean layout switched off: tlqkf → 시발, qudtls → 병신."""
    return compose([(QWERTY.get(c, c), offset + i, offset + i + 1) for i, c in enumerate(text)])


# Folding: tense and aspirated initials are not folded wholesale (세끼 "three meals" must stay apart from
# 새끼), only the vowels that citizens swap when they disguise a word and the tense initials. A final that doubles the
# next initial (색기 = 새끼, 씹빨 = 씨빨).
_VOWEL_FOLD = {"ㅘ": "ㅏ", "ㅒ": "ㅐ"}  # not ㅢ/ㅟ → ㅣ: 자의 and 자위 would meet (씌발, 쉬발 are listed)
_TENSE = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}


def _fold_syllable(char: str) -> str:
    parts = split(char)
    if parts is None:
        return char
    cho, jung, jong = parts
    return syllable(_TENSE.get(cho, cho), _VOWEL_FOLD.get(jung, jung), jong)


FOLD = {code: _fold_syllable(chr(code)) for code in range(0xAC00, 0xAC00 + 11172)}
FOLD.update({ord(k): v for k, v in _TENSE.items()})
FOLD = {k: v for k, v in FOLD.items() if chr(k) != v}

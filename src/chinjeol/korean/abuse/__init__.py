"""Abuse detection for what citizens say or type to the agency: profanity and insults (욕설·모욕),
threats to a person (신변 위협) and sexual harassment (성희롱), each with spans in the original text and
a severity. Disguised spellings are seen through (spacing, jamo, planted digits and symbols, variant
spellings, Latin transliteration, Hangul typed on a QWERTY layout, number puns).

    >>> from chinjeol.korean.abuse import check
    >>> check("야 ㅅ ㅂ 너 집 주소 안다").labels
    ('profanity', 'threat')

Lexicon words and phrase rules are data (`data/lexicon.toml`, `data/phrases.toml`); an agency adds its
own with `Detector(extra_entries=[...], extra_rules=[...], allow=[...], disabled=[...])`.
"""

from .detector import CLEAN, Detector, Hit, Result, check, default
from .lexicon import LABELS, SEVERITIES, Entry, LexiconError, Rule

__all__ = [
    "CLEAN",
    "LABELS",
    "SEVERITIES",
    "Detector",
    "Entry",
    "Hit",
    "LexiconError",
    "Result",
    "Rule",
    "check",
    "default",
]

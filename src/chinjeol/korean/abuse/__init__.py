"""Abuse detection for what citizens say or type to the agency: profanity and insults (욕설·모욕),
threats to a person (신변 위협) and sexual harassment (성희롱), each with spans in the original text and
a severity. Disguised spellings are seen through (spacing, jamo, planted digits and symbols, variant
spellings, Latin transliteration, Hangul typed on a QWERTY layout, number puns).

    >>> from chinjeol.korean.abuse import check
    >>> check("야 ㅅ ㅂ 너 집 주소 안다").labels
    ('profanity', 'threat')

Lexicon words and phrase rules are data (`data/lexicon.toml`, `data/phrases.toml`); an agency adds its
own with `Detector(extra_entries=[...], extra_rules=[...], allow=[...], disabled=[...])`. Call `warm()` at
start-up to load the Kiwi model (a few seconds) before the first message that needs it.
"""

from .detector import CLEAN, Detector, Hit, Result, check, default
from .lexicon import LABELS, SEVERITIES, Entry, LexiconError, Rule
from .morph import kiwi as _kiwi


def warm() -> None:
    """Load the lexicon and the Kiwi model now (a few seconds) instead of on the first message that needs them."""
    default()
    _kiwi()


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
    "warm",
]

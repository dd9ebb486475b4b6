"""One call for a message: personal data masked and found, abuse found; every offset is an offset in the
original text. Used by `POST /api/v1/text/check` and by anything that checks a message before storing it."""

from __future__ import annotations

from dataclasses import dataclass

from chinjeol.korean.pii import Finding, mask_pii

from .detector import Result, default


@dataclass(frozen=True)
class TextCheck:
    masked: str
    pii: tuple[Finding, ...]  # kind, start, end in the original text
    abuse: Result

    def as_dict(self) -> dict:
        return {
            "masked": self.masked,
            "pii": [{"type": p.kind, "start": p.start, "end": p.end} for p in self.pii],
            "abuse": {
                "labels": list(self.abuse.labels),
                "severity": self.abuse.severity,
                "spans": self.abuse.spans(),
            },
        }


def check_text(text: str, detector=None) -> TextCheck:
    masked = mask_pii(text)
    pii = tuple(sorted(masked.found, key=lambda f: (f.start, f.end)))
    return TextCheck(masked.text, pii, (detector or default()).check(text))

"""A phone number typed by a citizen, as the forms and the services take it: blank or normalised
(`korean.pii.normalize_phone`), a malformed one refused with the same Korean message everywhere."""

from __future__ import annotations

from django import forms

from chinjeol.korean.pii import normalize_phone

from .errors import DomainError

PHONE_FORMAT_MESSAGE = "전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)."


def phone_or_blank(raw: str | None, *, field: str) -> str:
    """Blank for no number, else the number with canonical hyphens; `DomainError("invalid", …, field)` when
    it is not a phone number."""
    raw = (raw or "").strip()
    if not raw:
        return ""
    try:
        return normalize_phone(raw)
    except ValueError:
        raise DomainError("invalid", PHONE_FORMAT_MESSAGE, field=field) from None


def cleaned_phone(value: str | None, *, required: bool = False) -> str:
    """The same for a form's `clean_…` method, refusing with a `ValidationError`; a required blank is refused
    as malformed."""
    if required and not (value or "").strip():
        raise forms.ValidationError(PHONE_FORMAT_MESSAGE)
    try:
        return phone_or_blank(value, field="")
    except DomainError as error:
        raise forms.ValidationError(error.message) from None

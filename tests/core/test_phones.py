"""A citizen's phone number, taken the same way by every form and service."""

from __future__ import annotations

import pytest
from django import forms

from chinjeol.core.errors import DomainError
from chinjeol.core.phones import PHONE_FORMAT_MESSAGE, cleaned_phone, phone_or_blank


def test_a_service_takes_a_blank_or_a_normalised_number():
    assert phone_or_blank(None, field="phone") == ""
    assert phone_or_blank("  ", field="phone") == ""
    assert phone_or_blank(" 01012345678 ", field="phone") == "010-1234-5678"


def test_a_service_refuses_a_malformed_number_on_its_field():
    with pytest.raises(DomainError) as caught:
        phone_or_blank("12345", field="reporter.phone")
    assert (caught.value.code, caught.value.message, caught.value.field) == (
        "invalid",
        PHONE_FORMAT_MESSAGE,
        "reporter.phone",
    )


def test_a_form_takes_a_blank_unless_required():
    assert cleaned_phone("") == ""
    assert cleaned_phone("+82 10 1234 5678") == "010-1234-5678"
    for value, required in [("", True), ("전화 없음", False)]:
        with pytest.raises(forms.ValidationError) as caught:
            cleaned_phone(value, required=required)
        assert caught.value.messages == [PHONE_FORMAT_MESSAGE]

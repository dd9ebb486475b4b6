from __future__ import annotations

from django import forms

from .models import CompensationEntry


class LedgerFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="상태", required=False, choices=[("", "전체"), *CompensationEntry.Status.choices]
    )
    reason = forms.ChoiceField(
        label="사유", required=False, choices=[("", "전체"), *CompensationEntry.Reason.choices]
    )
    month = forms.CharField(label="발생 월", required=False, widget=forms.DateInput(attrs={"type": "month"}))

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        try:
            year, month = (int(p) for p in value.split("-"))
            if not 1 <= month <= 12:
                raise ValueError
        except ValueError:
            raise forms.ValidationError("월은 2026-11 형식으로 입력하세요.") from None
        return year, month


class HandOverForm(forms.Form):
    on = forms.DateField(label="지급일", widget=forms.DateInput(attrs={"type": "date"}))
    handed_by = forms.CharField(label="지급한 사람", max_length=100)

from __future__ import annotations

from datetime import datetime

from django import forms

from chinjeol.core.periods import Period

from .models import ComplianceReport
from .services import MAX_IMPROVEMENTS, publishable


def publishable_halves(now: datetime, *, back: int = 6) -> list[Period]:
    """Finished half-years not published yet, newest first."""
    from django.utils import timezone

    published = set(ComplianceReport.objects.values_list("period", flat=True))
    half = Period.containing(timezone.localtime(now).date(), "half")
    out = []
    for _ in range(back + 1):
        if publishable(half, now) and str(half) not in published:
            out.append(half)
        half = half.previous()
    return out


class PublishForm(forms.Form):
    period = forms.ChoiceField(label="공개할 반기")
    improvements = forms.CharField(
        label="부족한 점과 개선 조치",
        max_length=MAX_IMPROVEMENTS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="공개 보고서에 그대로 실립니다. 미이행이 많은 이행표준·부서와 그 개선 조치를 적어 주세요.",
    )

    def __init__(self, *args, now: datetime, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].choices = [(str(p), p.label_ko) for p in publishable_halves(now)]

    def clean_period(self) -> Period:
        return Period.parse(self.cleaned_data["period"])


def period_options(today, *, months: int = 12, halves: int = 4, years: int = 3) -> list[Period]:
    """The periods offered in the filter: recent half-years, years and months, newest first."""
    options: list[Period] = []
    half = Period.containing(today, "half")
    for _ in range(halves):
        options.append(half)
        half = half.previous()
    year = Period.containing(today, "year")
    for _ in range(years):
        options.append(year)
        year = year.previous()
    month = Period.containing(today, "month")
    for _ in range(months):
        options.append(month)
        month = month.previous()
    return options


class ComplianceFilterForm(forms.Form):
    period = forms.CharField(label="기간", required=False)
    standard = forms.ChoiceField(label="이행표준", required=False)

    def __init__(self, *args, standards=(), default: Period, **kwargs):
        super().__init__(*args, **kwargs)
        self.default = default
        self.fields["standard"].choices = [("", "모든 이행표준"), *standards]

    def clean_period(self) -> Period:
        text = self.cleaned_data.get("period") or ""
        if not text:
            return self.default
        try:
            period = Period.parse(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None
        if not 2000 <= period.year <= 2100:
            raise forms.ValidationError("2000년부터 2100년 사이의 기간을 골라 주세요.")
        return period

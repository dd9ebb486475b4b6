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

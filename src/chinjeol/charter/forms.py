from __future__ import annotations

from django import forms

from .models import CalendarDay


class StandardReviseForm(forms.Form):
    target = forms.DecimalField(label="새 목표", min_value=0, max_digits=12, decimal_places=2)
    valid_from = forms.DateTimeField(
        label="적용 시작", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    note = forms.CharField(label="변경 사유", max_length=300)


class CalendarDayForm(forms.Form):
    date = forms.DateField(label="날짜", widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label="구분", choices=CalendarDay.Kind.choices)
    name = forms.CharField(label="이름", max_length=100)


class PublishForm(forms.Form):
    period = forms.CharField(label="반기", max_length=10, help_text="예: 2026-H1")
    improvements = forms.CharField(label="부족한 점과 개선 조치", widget=forms.Textarea(attrs={"rows": 6}))

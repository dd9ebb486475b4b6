from __future__ import annotations

from datetime import date

from django import forms

from . import rules
from .models import Question

SCORE_CHOICES = [(k, f"{k}점 {v}") for k, v in sorted(rules.SCORE_LABELS.items(), reverse=True)]


class HappyCallForm(forms.Form):
    comment = forms.CharField(
        label="하고 싶은 말씀 (선택)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, question in rules.HAPPY_QUESTIONS:
            self.fields[field] = forms.TypedChoiceField(
                label=question, coerce=int, widget=forms.RadioSelect, choices=SCORE_CHOICES
            )
        self.order_fields([f for f, _q in rules.HAPPY_QUESTIONS] + ["comment"])

    def scores(self) -> dict:
        return {f: self.cleaned_data[f] for f, _q in rules.HAPPY_QUESTIONS}


class PeriodForm(forms.Form):
    start = forms.DateField(
        label="발송일 시작", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(label="발송일 끝", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    by = forms.ChoiceField(
        label="나누어 보기",
        required=False,
        choices=[
            ("department", "부서별"),
            ("channel", "접수 경로별"),
            ("kind", "민원 종류별"),
            ("person", "담당자별"),
        ],
    )

    def period(self, today: date) -> tuple[date, date, str]:
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("start") or date(today.year, 1, 1)
        end = data.get("end") or today
        if end < start:
            start, end = end, start
        return start, end, data.get("by") or "department"


class CatchCallForm(forms.Form):
    note = forms.CharField(label="통화 결과", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class SurveyForm(forms.Form):
    title = forms.CharField(label="제목", max_length=200)
    intro = forms.CharField(label="안내문", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    is_annual = forms.BooleanField(label="연례 고객만족도 조사 (결과를 누리집에 공개)", required=False)
    opens_on = forms.DateField(label="시작일", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(
        label="마감일", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label="유형", choices=Question.Kind.choices)
    text = forms.CharField(label="질문", max_length=300)
    options = forms.CharField(
        label="보기 (고르기 문항, 한 줄에 하나)", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    required = forms.BooleanField(label="꼭 답해야 함", required=False, initial=True)


class InviteForm(forms.Form):
    phones = forms.CharField(
        label="휴대전화 번호 (한 줄에 하나)", widget=forms.Textarea(attrs={"rows": 4}), max_length=20_000
    )


class PublishForm(forms.Form):
    findings = forms.CharField(
        label="결과 요약", required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    actions = forms.CharField(
        label="정한 개선 조치 (한 줄에 하나)", widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )

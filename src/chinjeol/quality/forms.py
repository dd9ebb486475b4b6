from __future__ import annotations

from django import forms

from chinjeol.core.uploads import LimitedFileField

from .models import Evaluation, ImprovementAction

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONTH = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")


class EvaluationForm(forms.Form):
    """The header of a score sheet; the item points are read from `score-<code>` fields by the view."""

    staff = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(label="평가 방식", choices=Evaluation.Kind.choices)
    evaluated_at = forms.DateTimeField(label="평가 일시", widget=DATETIME)
    call = forms.IntegerField(
        label="통화 기록 번호", required=False, min_value=1,
        help_text="녹취 통화를 평가할 때 콜센터 통화 기록의 번호 (통화 기록에 연결됩니다)",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )  # fmt: skip
    note = forms.CharField(
        label="의견", required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="직원이 ‘내 친절’과 평가 결과에서 근거로 봅니다.",
    )  # fmt: skip


class DisputeForm(forms.Form):
    reason = forms.CharField(label="이의 사유", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(label="결과", choices=[("upheld", "인정"), ("rejected", "기각")])
    revised_total = forms.DecimalField(
        label="정정 총점", required=False, min_value=0, max_value=100, decimal_places=2,
        help_text="인정하면서 총점을 바꿀 때만 적습니다. 마일리지도 정정 기록으로 바뀝니다.",
    )  # fmt: skip
    review = forms.CharField(label="검토 의견", max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class PlanForm(forms.Form):
    month = forms.DateField(label="월", input_formats=["%Y-%m"], widget=MONTH)
    size = forms.IntegerField(label="표본 인원", min_value=1, max_value=500, initial=20,
                              widget=forms.NumberInput(attrs={"inputmode": "numeric"}))  # fmt: skip


class ActionForm(forms.Form):
    title = forms.CharField(label="개선 조치", max_length=200)
    item = forms.ChoiceField(label="약한 항목", required=False)
    due_on = forms.DateField(label="기한", widget=DATE)


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label="상태", choices=ImprovementAction.Status.choices)


class MeetingForm(forms.Form):
    held_on = forms.DateField(label="회의일", widget=DATE)
    month = forms.DateField(label="검토한 달", input_formats=["%Y-%m"], widget=MONTH)
    attendees = forms.CharField(label="참석자", max_length=500, help_text="이름을 쉼표로 나눠 적습니다.")
    actions = forms.MultipleChoiceField(label="검토한 개선 조치", required=False,
                                        widget=forms.CheckboxSelectMultiple)  # fmt: skip
    decisions = forms.CharField(label="결정 사항", max_length=3000, widget=forms.Textarea(attrs={"rows": 4}))


class ImportForm(forms.Form):
    file = LimitedFileField(
        label="결과 파일 (XLSX)",
        help_text="첫 줄: 사번, 평가표, 평가 방식, 평가 일시, 항목별 점수(항목 이름), 의견. 한 번에 2,000행까지.",
    )
    evaluator_name = forms.CharField(label="평가 기관", max_length=100, required=False,
                                     help_text="예: 한국서비스품질평가원 2026년 하반기")  # fmt: skip

from __future__ import annotations

import secrets

from django import forms

from chinjeol.core.uploads import LimitedFileField

from .models import EvaluationItem, SnapshotAction

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class InspectionForm(forms.Form):
    # A one-time token put in the page when it is shown: sending the same page twice (a double click, the
    # browser's resend) is recognised as one registration.
    submission = forms.RegexField(regex=r"^[0-9a-f]{32}$", required=False, widget=forms.HiddenInput)
    # chosen with the staff picker (organization/_staff_picker.html), never a list of every person
    staff = forms.IntegerField(
        label="직원", min_value=1, error_messages={"required": "직원을 이름·사번·부서로 찾아 고르세요."}
    )
    item = forms.ChoiceField(label="평가 항목")
    occurred_at = forms.DateTimeField(label="평가 일시", widget=DATETIME)
    points = forms.DecimalField(
        label="점수",
        required=False,
        max_digits=6,
        decimal_places=2,
        help_text="비우면 항목의 건당 점수가 들어갑니다. 가점 항목은 0점 이상만 받습니다. 통화·방문을 채점하려면 ‘평가 입력’의 평가표를 쓰세요.",
    )
    note = forms.CharField(
        label="비고",
        max_length=500,
        required=False,
        help_text="직원이 ‘내 친절’에서 근거로 보는 내용입니다. 잘한 점이나 고칠 점을 구체적으로 적어 주세요.",
    )

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission", secrets.token_hex(16))
        self.fields["item"].choices = [("", "항목을 고르세요")] + [
            (i.code, f"{i.name} ({'감점' if i.sign < 0 else '가점'})") for i in items
        ]


class UploadForm(forms.Form):
    file = LimitedFileField(
        label="결과 파일 (XLSX 또는 CSV)",
        help_text="첫 줄: 사번, 항목, 점수(비우면 항목 기준), 일자, 비고. 한 번에 5,000행까지.",
    )
    dry_run = forms.BooleanField(label="검사만 하고 등록하지 않기", required=False)


class ReverseForm(forms.Form):
    reason = forms.CharField(label="정정 사유", max_length=500)


class ItemRuleForm(forms.Form):
    points_per_event = forms.DecimalField(label="건당 점수", min_value=0, max_digits=6, decimal_places=2)
    cap = forms.DecimalField(
        label="기간 상한",
        required=False,
        min_value=0,
        max_digits=6,
        decimal_places=2,
        help_text="비우면 상한 없음",
    )
    weight = forms.DecimalField(label="가중치", min_value=0, max_digits=5, decimal_places=2)
    is_active = forms.BooleanField(label="점수에 반영 (사용)", required=False)
    valid_from = forms.DateTimeField(label="적용 시작", widget=DATETIME)
    note = forms.CharField(label="바꾸는 까닭", max_length=300)


class ItemDescribeForm(forms.Form):
    name = forms.CharField(label="항목 이름", max_length=100)
    advice = forms.CharField(
        label="개선 안내",
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="이 항목이 가장 약한 직원의 ‘내 친절’ 화면에 보입니다 (권하는 교육 과정·행동).",
    )


class ItemCreateForm(ItemRuleForm):
    code = forms.SlugField(label="코드 (영문)", max_length=20)
    name = forms.CharField(label="항목 이름", max_length=100)
    sign = forms.TypedChoiceField(
        label="구분", coerce=int, choices=EvaluationItem.Sign.choices, initial=EvaluationItem.Sign.PLUS
    )
    advice = forms.CharField(label="개선 안내", max_length=300, required=False)
    field_order = [
        "code",
        "name",
        "sign",
        "points_per_event",
        "cap",
        "weight",
        "valid_from",
        "advice",
        "note",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["is_active"]


class ScoreSettingsForm(forms.Form):
    base = forms.DecimalField(label="기본 점수", min_value=0, max_value=100, decimal_places=2)
    blue = forms.DecimalField(label="파랑 하한 (이상)", min_value=0, max_value=100, decimal_places=2)
    green = forms.DecimalField(label="초록 하한 (이상)", min_value=0, max_value=100, decimal_places=2)
    yellow = forms.DecimalField(label="노랑 하한 (이상)", min_value=0, max_value=100, decimal_places=2)
    orange = forms.DecimalField(
        label="주황 하한 (이상)", min_value=0, max_value=100, decimal_places=2, help_text="이보다 낮으면 빨강"
    )
    deduction_per_report = forms.DecimalField(
        label="불친절 신고 1건당 부서 감점", min_value=0, max_value=100, decimal_places=2
    )
    deduction_cap = forms.DecimalField(
        label="반기 부서 감점 상한", min_value=0, max_value=100, decimal_places=2
    )
    min_members = forms.IntegerField(
        label="작은 부서 보정 기준 인원",
        min_value=1,
        max_value=50,
        help_text="이보다 적은 부서는 기관 평균 쪽으로 보정",
    )
    valid_from = forms.DateTimeField(label="적용 시작", widget=DATETIME)
    note = forms.CharField(label="바꾸는 까닭", max_length=300)


class PublishForm(forms.Form):
    period = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label="공표 메모", max_length=500, required=False)


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label="조치", choices=SnapshotAction.Kind.choices)
    department = forms.TypedChoiceField(label="부서", coerce=int, required=False, empty_value=None)
    staff = forms.TypedChoiceField(label="직원", coerce=int, required=False, empty_value=None)
    note = forms.CharField(
        label="내용", max_length=500, help_text="예: 상반기 친절 우수 부서 표창, 포상금 50만 원"
    )

    def __init__(self, *args, departments=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [("", "—")] + [
            (d.id, f"{d.rank or '-'}위 {d.name}") for d in departments
        ]
        self.fields["staff"].choices = [("", "—")] + [
            (m.staff.pk, f"{m.rank}위 {m.staff.name} ({m.staff.department.name})") for m in people
        ]

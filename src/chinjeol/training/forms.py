from __future__ import annotations

from django import forms

from chinjeol.core.uploads import LimitedFileField

from .models import Course, Material, Session
from .rules import TargetKind

VIDEO_LIMIT_SETTING = "CHINJEOL_VIDEO_UPLOAD_MAX_BYTES"


class CourseForm(forms.Form):
    code = forms.SlugField(
        label="과정 코드", max_length=40, help_text="영문 소문자·숫자·하이픈 (주소에 쓰입니다)"
    )
    title = forms.CharField(label="과정명", max_length=100)
    stage = forms.ChoiceField(label="단계", choices=Course.Stage.choices)
    order = forms.IntegerField(label="단계 안 순서", min_value=1, max_value=99, initial=1)
    summary = forms.CharField(label="소개", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    kindness_item = forms.ChoiceField(label="다루는 친절 평가 항목", required=False)
    pass_mark = forms.IntegerField(label="합격 점수(%)", min_value=1, max_value=100, initial=80)
    minutes = forms.IntegerField(label="학습 시간(분)", min_value=1, max_value=600, initial=30)
    for_unkind = forms.BooleanField(label="불친절 신고가 인정된 직원에게 자동 배정", required=False)

    def __init__(self, *args, items: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kindness_item"].choices = [("", "없음"), *items]


class MaterialForm(forms.Form):
    kind = forms.ChoiceField(label="종류", choices=Material.Kind.choices)
    title = forms.CharField(label="제목", max_length=100)
    body = forms.CharField(label="내용 (읽을거리)", widget=forms.Textarea(attrs={"rows": 5}), required=False)
    file = LimitedFileField(
        label="파일 (동영상 MP4·WebM, 자료 PDF 등)", required=False, limit_setting=VIDEO_LIMIT_SETTING
    )


class QuestionForm(forms.Form):
    text = forms.CharField(label="문제", max_length=300)
    choices = forms.CharField(
        label="보기 (한 줄에 하나)", widget=forms.Textarea(attrs={"rows": 4}), help_text="두 개 이상"
    )
    answer = forms.IntegerField(label="정답 보기 번호", min_value=1, max_value=10, help_text="첫 보기가 1번")
    explanation = forms.CharField(label="해설", max_length=300, required=False)


TARGET_CHOICES = [
    (TargetKind.ROLE.value, "역할"),
    (TargetKind.DEPARTMENT.value, "부서 (하위 부서 포함)"),
    (TargetKind.NEW_STAFF.value, "신규 직원 (등록 90일 이내)"),
    (TargetKind.WEAKEST_ITEM.value, "가장 보완할 친절 항목이 같은 직원"),
    (TargetKind.PERSON.value, "직원 한 명"),
]


class AssignForm(forms.Form):
    course = forms.ChoiceField(label="과정")
    target = forms.ChoiceField(label="대상", choices=TARGET_CHOICES, widget=forms.RadioSelect)
    role = forms.ChoiceField(label="역할", required=False)
    department = forms.ChoiceField(label="부서", required=False)
    item = forms.ChoiceField(label="보완 항목", required=False)
    staff = forms.ChoiceField(label="직원", required=False)
    due_on = forms.DateField(label="이수 기한", widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label="비고", max_length=200, required=False)

    def __init__(self, *args, courses=(), roles=(), departments=(), items=(), staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [(c.code, f"{c.get_stage_display()} · {c.title}") for c in courses]
        self.fields["role"].choices = [("", "—"), *roles]
        self.fields["department"].choices = [("", "—"), *((d.pk, d.name) for d in departments)]
        self.fields["item"].choices = [("", "—"), *items]
        self.fields["staff"].choices = [
            ("", "—"),
            *((s.pk, f"{s.name} ({s.department.name})") for s in staff),
        ]

    def clean(self):
        data = super().clean()
        needed = {"role": "role", "department": "department", "weakest_item": "item", "person": "staff"}
        field = needed.get(data.get("target", ""))
        if field and not data.get(field):
            self.add_error(field, "대상을 골라 주세요.")
        return data


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label="구분", choices=Session.Kind.choices)
    title = forms.CharField(label="제목", max_length=100)
    starts_at = forms.DateTimeField(
        label="일시", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label="장소", max_length=100, required=False)
    department = forms.ChoiceField(label="대상 부서", required=False)
    course = forms.ChoiceField(label="참석하면 이수 처리할 과정", required=False)

    def __init__(self, *args, departments=(), courses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [("", "전체"), *((d.pk, d.name) for d in departments)]
        self.fields["course"].choices = [("", "없음"), *((c.code, c.title) for c in courses)]

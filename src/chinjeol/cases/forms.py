from __future__ import annotations

from django import forms

from chinjeol.core.consent import LABEL as CONSENT_LABEL
from chinjeol.core.consent import consent_notice
from chinjeol.core.phones import cleaned_phone
from chinjeol.organization.models import Department, Staff

from .models import Case

PUBLIC_KINDS = [
    (Case.Kind.INQUIRY, "질의(제도·절차 문의)"),
    (Case.Kind.INQUIRY_LAW, "질의(법령 해석)"),
    (Case.Kind.SUGGESTION, "건의·제안"),
    (Case.Kind.GRIEVANCE, "고충·불편 신고"),
    (Case.Kind.OTHER, "기타 민원"),
    (Case.Kind.PRAISE, "직원 칭찬"),
    (Case.Kind.UNKIND, "불친절 신고"),
]


class CitizenCaseForm(forms.Form):
    kind = forms.ChoiceField(label="민원 종류", choices=PUBLIC_KINDS)
    title = forms.CharField(label="제목", max_length=200)
    body = forms.CharField(
        label="내용",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20_000,
        help_text="주민등록번호 등 개인정보는 적지 마세요. 적으시면 자동으로 가려서 저장합니다.",
    )
    name = forms.CharField(label="이름", max_length=100)
    phone = forms.CharField(
        label="휴대전화",
        max_length=20,
        help_text="처리 상황 조회와 결과 안내에 씁니다.",
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label="이메일 (선택)", required=False, help_text="적으시면 결과를 이메일로 보내 드립니다."
    )
    consent = forms.BooleanField(
        label=CONSENT_LABEL,
        help_text=consent_notice(
            purpose="민원 접수·처리, 처리 상황과 결과 통지, 만족도 확인",
            items="이름, 휴대전화 번호, 이메일(적으신 경우)",
            retention="민원 처리를 마친 날부터 3년 (지난 뒤 바로 파기합니다)",
            refusal="동의하지 않으시면 이 화면으로는 민원을 신청할 수 없으며, 전화·방문·우편으로는 신청하실 수 있습니다.",
        ),
        error_messages={"required": "개인정보 수집·이용에 동의해야 신청할 수 있습니다."},
    )
    website = forms.CharField(
        label="웹사이트",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_phone(self):
        return cleaned_phone(self.cleaned_data["phone"], required=True)


class StaffCaseForm(forms.Form):
    channel = forms.ChoiceField(
        label="접수 경로",
        choices=[
            (c, label)
            for c, label in Case.Channel.choices
            if c in ("phone", "visit", "mail", "fax", "sms", "chat", "email")
        ],
    )
    kind = forms.ChoiceField(label="민원 종류", choices=Case.Kind.choices)
    title = forms.CharField(label="제목", max_length=200)
    body = forms.CharField(label="내용", widget=forms.Textarea(attrs={"rows": 6}), max_length=20_000)
    name = forms.CharField(label="민원인 이름", max_length=100)
    phone = forms.CharField(
        label="민원인 전화",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label="민원인 이메일", required=False)
    department = forms.ModelChoiceField(
        label="담당 부서",
        queryset=Department.objects.active(),
        required=False,
        empty_label="배정 규칙에 따름",
    )
    answer = forms.CharField(
        label="바로 답변하고 완료 (첫 접촉 해결)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="통화·방문 중에 해결했다면 답변을 적으세요. 결과 통지와 함께 바로 완료됩니다.",
    )

    def clean_phone(self):
        return cleaned_phone(self.cleaned_data["phone"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from chinjeol.charter.models import StatutoryService

        self.fields["statutory_service"] = forms.ModelChoiceField(
            label="법정민원 사무 (법정민원일 때)",
            queryset=StatutoryService.objects.filter(is_active=True),
            required=False,
            empty_label="법정민원 아님",
        )


class StatusLookupForm(forms.Form):
    receipt_no = forms.RegexField(
        label="접수번호",
        regex=r"^\d{4}-\d{7}$",
        max_length=12,
        error_messages={"invalid": "접수번호는 2026-0001234 형식입니다."},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "placeholder": "2026-0001234"}
        ),
    )
    phone_last4 = forms.RegexField(
        label="전화번호 뒤 4자리",
        regex=r"^\d{4}$",
        max_length=4,
        error_messages={"invalid": "숫자 4자리를 입력하세요."},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "pattern": "[0-9]*", "autocomplete": "off"}),
    )


class AssignForm(forms.Form):
    staff = forms.ModelChoiceField(
        label="담당자", queryset=Staff.objects.none(), empty_label="담당자를 고르세요"
    )

    def __init__(self, *args, department=None, **kwargs):
        super().__init__(*args, **kwargs)
        from chinjeol.core.access import department_parent_map
        from chinjeol.core.rules import subtree_ids

        qs = Staff.objects.active().select_related("department").order_by("department__sort_order", "name")
        if department is not None:
            qs = qs.filter(department_id__in=subtree_ids([department.pk], department_parent_map()))
        self.fields["staff"].queryset = qs
        self.fields["staff"].label_from_instance = lambda s: f"{s.name} ({s.department.name} · {s.position})"


class TransferForm(forms.Form):
    department = forms.ModelChoiceField(
        label="다른 부서로",
        queryset=Department.objects.active(),
        required=False,
        empty_label="부서로 보내지 않음 (다른 기관으로 이송)",
    )
    agency = forms.CharField(label="또는 다른 기관으로", max_length=100, required=False)
    reason = forms.CharField(label="이송 사유", max_length=500)


class InterimForm(forms.Form):
    progress = forms.CharField(label="진행 상황", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)
    expected_at = forms.DateTimeField(
        label="처리 예정 일시", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class ExtendForm(forms.Form):
    days = forms.IntegerField(label="연장 일수", min_value=1, max_value=60)
    reason = forms.CharField(label="연장 사유", max_length=500)
    consent = forms.BooleanField(label="민원인이 동의함 (두 번째 연장은 필수)", required=False)


class CloseForm(forms.Form):
    answer = forms.CharField(label="답변", widget=forms.Textarea(attrs={"rows": 6}), max_length=20_000)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label="취하 사유", max_length=500, required=False)

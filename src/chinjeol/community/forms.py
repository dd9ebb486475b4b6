from __future__ import annotations

from django import forms
from django.utils import timezone

from chinjeol.core.consent import LABEL as CONSENT_LABEL
from chinjeol.core.consent import consent_notice
from chinjeol.core.phones import cleaned_phone
from chinjeol.core.uploads import LimitedFileField
from chinjeol.organization.models import Department, Staff

from . import rules
from .models import BroadcastRequest, Report

REPORT_CONSENT = consent_notice(
    purpose="신고 내용 확인과 조사, 처리 결과 안내, 불친절이 확인되면 부서장의 사과 전화와 보상 안내",
    items="이름, 휴대전화 번호(적으신 경우)",
    retention="신고 처리를 마친 날부터 3년 (지난 뒤 바로 파기합니다)",
    refusal="동의하지 않으시면 이 화면으로는 신고할 수 없으며, 전화나 방문으로는 신고하실 수 있습니다.",
)
PRAISE_CONSENT = consent_notice(
    purpose="칭찬글 작성자 확인과 게시, 필요할 때 연락",
    items="이름, 휴대전화 번호(적으신 경우). 게시판에는 이름을 가려서 보입니다.",
    retention="글을 올린 날부터 3년 (지난 뒤 바로 파기합니다)",
    refusal="동의하지 않으시면 칭찬글을 올릴 수 없습니다.",
)
PII_HELP = "주민등록번호 등 개인정보는 적지 마세요. 적으시면 자동으로 가려서 저장합니다."


def _staff_label(staff: Staff) -> str:
    return (
        f"{staff.name} ({staff.department.name} · {staff.position})"
        if staff.position
        else f"{staff.name} ({staff.department.name})"
    )


class StaffChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "queryset",
            Staff.objects.active().select_related("department").order_by("department__sort_order", "name"),
        )
        kwargs.setdefault("empty_label", "직원을 고르세요")
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return _staff_label(obj)


def _department_field(label: str = "부서 (아시면 고르세요)", required: bool = False):
    return forms.ModelChoiceField(
        label=label, queryset=Department.objects.active(), required=required, empty_label="모름 / 고르지 않음"
    )


class Honeypot(forms.Form):
    website = forms.CharField(
        label="웹사이트",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class ReportForm(Honeypot):
    kind = forms.ChoiceField(
        label="신고 구분",
        choices=[
            (Report.Kind.PRAISE, "칭찬 — 친절한 직원을 알려 주세요"),
            (Report.Kind.UNKIND, "불친절 — 불친절한 응대를 알려 주세요"),
        ],
        widget=forms.RadioSelect,
    )
    official_name = forms.CharField(
        label="직원 이름",
        max_length=100,
        required=False,
        help_text="모르시면 직위나 인상착의, 창구 번호를 적어 주세요.",
    )
    # One field for the department: typed as the citizen knows it, with the agency's departments offered as
    # suggestions; a name typed exactly as a department links the report to it.
    department_text = forms.CharField(
        label="부서·창구 (아는 대로)",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"list": "report-departments", "autocomplete": "off"}),
        help_text="적기 시작하면 부서 이름을 골라 넣을 수 있습니다. 모르시면 비워 두세요.",
    )
    occurred_on = forms.DateField(label="있었던 날", widget=forms.DateInput(attrs={"type": "date"}))
    occurred_time = forms.TimeField(
        label="있었던 시각 (선택)", required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    body = forms.CharField(
        label="있었던 일", widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000, help_text=PII_HELP
    )
    reporter_name = forms.CharField(label="신고하시는 분 이름", max_length=100)
    reporter_phone = forms.CharField(
        label="연락처 (휴대전화)",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text="불친절 신고는 필수입니다. 부서장의 사과 전화와 보상 안내에만 씁니다.",
    )
    consent = forms.BooleanField(
        label=CONSENT_LABEL,
        help_text=REPORT_CONSENT,
        error_messages={"required": "개인정보 수집·이용에 동의해야 신고할 수 있습니다."},
    )
    field_order = [
        "kind",
        "official_name",
        "department_text",
        "occurred_on",
        "occurred_time",
        "body",
        "reporter_name",
        "reporter_phone",
        "consent",
        "website",
    ]

    def clean_reporter_phone(self):
        return cleaned_phone(self.cleaned_data["reporter_phone"])

    def clean_occurred_on(self):
        value = self.cleaned_data["occurred_on"]
        if value > timezone.localdate():
            raise forms.ValidationError("있었던 날은 오늘보다 늦을 수 없습니다.")
        return value

    def clean(self):
        data = super().clean()
        if (
            data.get("kind") == Report.Kind.UNKIND
            and not data.get("reporter_phone")
            and "reporter_phone" not in self.errors
        ):
            self.add_error(
                "reporter_phone", "불친절 신고는 사과 전화와 보상 안내를 위해 연락처가 필요합니다."
            )
        name = (data.get("department_text") or "").strip()
        data["department"] = Department.objects.active().filter(name=name).first() if name else None
        return data

    @staticmethod
    def department_names() -> list[str]:
        return list(Department.objects.active().order_by("name").values_list("name", flat=True))


class FromCaseForm(forms.Form):
    official_name = forms.CharField(label="직원 이름 (민원 내용에서)", max_length=100, required=False)
    department_text = forms.CharField(label="부서 (민원 내용에서)", max_length=100, required=False)


class EvidenceForm(forms.Form):
    note = forms.CharField(
        label="조사 메모", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    file = LimitedFileField(
        max_bytes=rules.MAX_EVIDENCE_BYTES,
        label="첨부 파일 (선택)",
        required=False,
        help_text=f"{rules.EVIDENCE_TYPES_LABEL} · {rules.MAX_EVIDENCE_BYTES // (1024 * 1024)}MB 이하",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.hwp,.docx"}),
    )


class OfficialForm(forms.Form):
    staff = StaffChoiceField(label="지정할 직원")


class SubstantiateForm(forms.Form):
    finding = forms.CharField(label="조사 결과", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class UnkindSubstantiateForm(SubstantiateForm):
    measure = forms.CharField(
        label="재발 방지 조치",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text="예: 민원 응대 교육 이수, 창구 응대 매뉴얼 재교육, 부서 회의에서 사례 공유",
    )
    responsible = StaffChoiceField(label="조치 책임자")
    due_on = forms.DateField(label="조치 기한", widget=forms.DateInput(attrs={"type": "date"}))


class UnsubstantiateForm(forms.Form):
    finding = forms.CharField(label="불인정 사유", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class BestCaseFromReportForm(forms.Form):
    title = forms.CharField(label="게시 제목", max_length=200)
    body = forms.CharField(
        label="게시 내용",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
        help_text="신고인의 이름과 연락처는 게시되지 않습니다.",
    )


class ApologyOutcomeForm(forms.Form):
    called_at = forms.DateTimeField(
        label="전화한 시각",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    reached = forms.TypedChoiceField(
        label="통화 연결",
        choices=[("yes", "통화함"), ("no", "통화 안 됨 (부재·거절 등)")],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    outcome = forms.CharField(label="통화 요약", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class TaskOutcomeForm(forms.Form):
    outcome = forms.CharField(label="결과", widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


class RecommendForm(forms.Form):
    recommended = StaffChoiceField(label="추천할 동료")
    reason = forms.CharField(
        label="추천 사유",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="어떤 점이 친절했는지 구체적으로 적어 주세요.",
    )


class SmileSelectForm(forms.Form):
    staff = StaffChoiceField(label="스마일 직원")
    reason = forms.CharField(
        label="선정 사유", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, required=False
    )
    recommendation = forms.IntegerField(required=False, widget=forms.HiddenInput)


class BestCaseForm(forms.Form):
    title = forms.CharField(label="제목", max_length=200)
    department = _department_field("관련 부서 (선택)")
    body = forms.CharField(
        label="사례 내용", widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000, help_text=PII_HELP
    )


class PraisePostForm(Honeypot):
    official_name = forms.CharField(label="칭찬할 직원 이름", max_length=100)
    department_text = forms.CharField(label="부서 (아는 대로)", max_length=100, required=False)
    department = _department_field()
    title = forms.CharField(label="제목", max_length=200)
    body = forms.CharField(
        label="칭찬 내용", widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000, help_text=PII_HELP
    )
    writer_name = forms.CharField(
        label="작성자 이름", max_length=100, help_text="게시판에는 홍*동처럼 가려서 보입니다."
    )
    writer_phone = forms.CharField(
        label="연락처 (선택)",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    consent = forms.BooleanField(
        label=CONSENT_LABEL,
        help_text=PRAISE_CONSENT,
        error_messages={"required": "개인정보 수집·이용에 동의해야 글을 올릴 수 있습니다."},
    )
    field_order = [
        "official_name",
        "department_text",
        "department",
        "title",
        "body",
        "writer_name",
        "writer_phone",
        "consent",
        "website",
    ]

    def clean_writer_phone(self):
        return cleaned_phone(self.cleaned_data["writer_phone"])


class PraiseApproveForm(forms.Form):
    official = StaffChoiceField(label="칭찬받은 직원")
    note = forms.CharField(label="검토 메모 (선택)", max_length=300, required=False)


class HideForm(forms.Form):
    note = forms.CharField(label="숨김 사유", max_length=300, required=False)


class BroadcastForm(forms.Form):
    title = forms.CharField(label="제목", max_length=200)
    content = forms.CharField(
        label="사연·신청 내용",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
        help_text="사연, 신청곡, 동료에게 전하는 말 등",
    )
    requested_on = forms.DateField(label="방송 희망일", widget=forms.DateInput(attrs={"type": "date"}))


class BroadcastDecideForm(forms.Form):
    status = forms.ChoiceField(
        label="처리",
        choices=[
            (BroadcastRequest.Status.APPROVED, "승인"),
            (BroadcastRequest.Status.DECLINED, "반려"),
            (BroadcastRequest.Status.AIRED, "방송 완료"),
        ],
    )
    note = forms.CharField(label="메모 (반려 시 사유)", max_length=300, required=False)
    aired_on = forms.DateField(label="방송일", required=False, widget=forms.DateInput(attrs={"type": "date"}))


class InitiativeForm(forms.Form):
    department = forms.ModelChoiceField(label="부서", queryset=Department.objects.none(), empty_label=None)
    year = forms.IntegerField(label="연도", min_value=2000, max_value=2100)
    title = forms.CharField(label="시책명", max_length=200)
    goal = forms.CharField(label="목표", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    planned_actions = forms.CharField(
        label="추진 계획",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
        help_text="언제, 무엇을, 어떻게 할지 한 줄에 하나씩 적어 주세요.",
    )

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        if departments is not None:
            self.fields["department"].queryset = departments


class ProgressForm(forms.Form):
    note = forms.CharField(label="추진 내용", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class ResultForm(forms.Form):
    achievement = forms.CharField(
        label="추진 성과", widget=forms.Textarea(attrs={"rows": 5}), max_length=10_000
    )
    achievement_rate = forms.IntegerField(label="목표 달성률(%)", min_value=0, max_value=100, required=False)
    evidence = LimitedFileField(
        max_bytes=rules.MAX_EVIDENCE_BYTES,
        label="증빙 자료 (선택)",
        required=False,
        help_text=f"{rules.EVIDENCE_TYPES_LABEL} · {rules.MAX_EVIDENCE_BYTES // (1024 * 1024)}MB 이하",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.hwp,.docx"}),
    )


class ReportStatusForm(forms.Form):
    """A citizen looks up a report with its receipt number and the last 4 digits of the phone given."""

    receipt_no = forms.RegexField(
        label="접수번호",
        regex=r"^[Rr]\d{4}-\d{5}$",
        max_length=11,
        help_text="신고할 때 받은 번호 (예: R2026-00012)",
        error_messages={"invalid": "접수번호는 R2026-00012 형식입니다."},
    )
    phone_last4 = forms.RegexField(
        label="전화번호 뒤 4자리",
        regex=r"^\d{4}$",
        max_length=4,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"invalid": "숫자 4자리를 입력하세요."},
    )

    def clean_receipt_no(self):
        return self.cleaned_data["receipt_no"].upper()

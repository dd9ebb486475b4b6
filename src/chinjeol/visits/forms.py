"""Forms of the counter, the field visits, the expert room and the meetings (Korean labels and errors)."""

from __future__ import annotations

from datetime import datetime, time

from django import forms
from django.utils import timezone

from chinjeol.korean.pii import normalize_phone

from .models import Booking, Expert

COMMON_PURPOSES = (
    "민원 서류 발급",
    "인허가 상담",
    "세금 납부·상담",
    "복지 신청",
    "민원 진행 확인",
    "담당자 면담",
)


def _phone(value: str) -> str:
    try:
        return normalize_phone((value or "").strip())
    except ValueError:
        raise forms.ValidationError("휴대전화 번호 형식이 올바르지 않습니다 (예: 010-1234-5678).") from None


def _moment(day, clock) -> datetime:
    return timezone.make_aware(datetime.combine(day, clock))


class VisitForm(forms.Form):
    department = forms.TypedChoiceField(label="찾는 부서", coerce=int, choices=())
    purpose = forms.CharField(
        label="방문 목적",
        max_length=200,
        widget=forms.TextInput(
            attrs={"list": "purposes", "autocomplete": "off", "placeholder": "예: 여권 재발급"}
        ),
    )

    def __init__(self, *args, departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [("", "부서를 고르세요")] + [(d.pk, d.name) for d in departments]


class FieldVisitForm(forms.Form):
    official = forms.TypedChoiceField(label="방문 직원", coerce=int, choices=())
    citizen_name = forms.CharField(label="고객 이름", max_length=100)
    citizen_phone = forms.CharField(
        label="고객 휴대전화", max_length=20, help_text="전날 사전 안내 문자가 이 번호로 갑니다."
    )
    place = forms.CharField(label="방문 장소", max_length=200)
    purpose = forms.CharField(label="방문 목적", max_length=200)
    day = forms.DateField(label="약속 날짜", widget=forms.DateInput(attrs={"type": "date"}))
    clock = forms.TimeField(label="약속 시각", widget=forms.TimeInput(attrs={"type": "time"}))

    def __init__(self, *args, officials=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["official"].choices = [(s.pk, f"{s.name} ({s.department.name})") for s in officials]

    def clean_citizen_phone(self):
        return _phone(self.cleaned_data["citizen_phone"])

    @property
    def scheduled_at(self) -> datetime:
        return _moment(self.cleaned_data["day"], self.cleaned_data["clock"])


class VisitResultForm(forms.Form):
    visited_at_day = forms.DateField(label="방문한 날짜", widget=forms.DateInput(attrs={"type": "date"}))
    visited_at_clock = forms.TimeField(label="방문한 시각", widget=forms.TimeInput(attrs={"type": "time"}))
    result = forms.CharField(
        label="현장 처리 결과", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    follow_up = forms.CharField(
        label="현장에서 해결하지 못한 일",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        help_text="적으면 후속 처리로 남고, 끝나면 고객께 결과를 문자로 알려 드립니다.",
    )


class OutcomeForm(forms.Form):
    outcome = forms.CharField(
        label="후속 처리 결과", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class BookingForm(forms.Form):
    slot = forms.TypedChoiceField(label="상담 시간", coerce=int, choices=())
    citizen_name = forms.CharField(label="이름", max_length=100)
    citizen_phone = forms.CharField(
        label="휴대전화", max_length=20, help_text="예약 결과와 전날 알림을 문자로 보내 드립니다."
    )
    group = forms.TypedChoiceField(
        label="우선 배정 대상",
        coerce=int,
        required=False,
        empty_value=None,
        choices=(),
        help_text="해당하면 고르세요. 상담일 이틀(근무일) 전에 배정할 때 먼저 자리를 드립니다. 상담 때 확인합니다.",
    )
    topic = forms.CharField(
        label="상담받고 싶은 내용", widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    consent = forms.BooleanField(
        label="예약과 상담을 위해 이름·휴대전화·상담 내용을 모으고 쓰는 데 동의합니다 (상담 후 1년 보관).",
        required=True,
    )
    website = forms.CharField(
        required=False,
        label="",
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off", "class": "hp"}),
    )

    def __init__(self, *args, slots=(), groups=(), **kwargs):
        super().__init__(*args, **kwargs)
        from chinjeol.charter.calendar import format_dt_ko

        self.fields["slot"].choices = [("", "시간을 고르세요")] + [
            (s.pk, f"{format_dt_ko(s.starts_at)} · {s.expert.get_field_display()} · {s.expert.name}")
            for s in slots
        ]
        self.fields["group"].choices = [("", "해당 없음")] + [(g.pk, g.name) for g in groups]

    def clean_citizen_phone(self):
        return _phone(self.cleaned_data["citizen_phone"])


class StaffBookingForm(BookingForm):
    channel = forms.ChoiceField(
        label="신청 경로",
        choices=[(Booking.Channel.PHONE, "전화"), (Booking.Channel.VISIT, "방문")],
        initial=Booking.Channel.PHONE,
    )
    consent = forms.BooleanField(label="신청인이 개인정보 수집·이용에 동의했습니다.", required=True)


class SlotForm(forms.Form):
    expert = forms.ModelChoiceField(label="전문가", queryset=Expert.objects.none())
    day = forms.DateField(label="날짜", widget=forms.DateInput(attrs={"type": "date"}))
    clock = forms.TimeField(
        label="시작 시각", initial=time(14, 0), widget=forms.TimeInput(attrs={"type": "time"})
    )
    minutes = forms.IntegerField(label="상담 시간(분)", min_value=10, max_value=240, initial=40)
    seats = forms.IntegerField(label="정원", min_value=1, max_value=20, initial=1)

    def __init__(self, *args, experts=None, **kwargs):
        super().__init__(*args, **kwargs)
        if experts is not None:
            self.fields["expert"].queryset = experts


class RecordForm(forms.Form):
    attended = forms.TypedChoiceField(
        label="참석",
        coerce=lambda v: v == "yes",
        choices=[("yes", "상담함"), ("no", "오지 않음")],
        initial="yes",
    )
    record = forms.CharField(
        label="상담 기록",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="주민등록번호·전화번호 같은 개인정보는 저장할 때 가려집니다.",
    )
    satisfaction = forms.TypedChoiceField(
        label="만족도",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", "묻지 못함"),
            (5, "매우 만족"),
            (4, "만족"),
            (3, "보통"),
            (2, "불만족"),
            (1, "매우 불만족"),
        ],
    )


class MeetingForm(forms.Form):
    held_on = forms.DateField(label="연 날", widget=forms.DateInput(attrs={"type": "date"}))
    group = forms.CharField(label="대상 단체·고객", max_length=100)
    title = forms.CharField(label="주제", max_length=200)
    attendees = forms.IntegerField(label="참석 인원", min_value=1, max_value=10000)
    department = forms.TypedChoiceField(label="주관 부서", coerce=int, choices=())
    minutes = forms.CharField(label="회의록", widget=forms.Textarea(attrs={"rows": 4}))
    opinions = forms.CharField(label="반영한 의견", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, departments=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].choices = [(d.pk, d.name) for d in departments]

from __future__ import annotations

from django import forms

from .models import CalendarDay, StatutoryService


class StandardReviseForm(forms.Form):
    target = forms.DecimalField(
        label="새 목표",
        min_value=0.01,
        max_digits=12,
        decimal_places=2,
        help_text="단위는 지금 판과 같습니다.",
    )
    valid_from = forms.DateTimeField(
        label="적용 시작",
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="비워 두면 지금부터 적용합니다. 지난 시각은 고를 수 없습니다.",
    )
    note = forms.CharField(label="변경 사유", max_length=300, help_text="예: 답변 기한 단축(주민 의견 반영)")


class CalendarDayForm(forms.Form):
    date = forms.DateField(label="날짜", widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.ChoiceField(label="구분", choices=CalendarDay.Kind.choices)
    name = forms.CharField(label="이름", max_length=100, help_text="예: 청사 전기 안전 점검 휴무")


class StatutoryServiceForm(forms.Form):
    code = forms.CharField(
        label="연계 코드 (선택)",
        max_length=40,
        required=False,
        help_text="다른 시스템과 주고받을 때 쓰는 영문 코드입니다. 비워 두면 자동으로 붙입니다.",
    )
    name = forms.CharField(label="민원 사무", max_length=200)
    days = forms.IntegerField(label="처리기간", min_value=1, max_value=365)
    unit = forms.ChoiceField(
        label="단위",
        choices=StatutoryService.Unit.choices,
        initial=StatutoryService.Unit.DAYS,
        required=False,
        help_text="주·개월은 첫날을 넣어 세고 말일이 토요일·공휴일이면 다음 근무일(민원처리법 제19조③)",
    )

    def clean_unit(self) -> str:
        return self.cleaned_data.get("unit") or StatutoryService.Unit.DAYS


class StatutoryChangeForm(forms.Form):
    name = forms.CharField(label="민원 사무", max_length=200)
    days = forms.IntegerField(label="처리기간", min_value=1, max_value=365)
    unit = forms.ChoiceField(label="단위", choices=StatutoryService.Unit.choices, required=False)
    is_active = forms.BooleanField(label="사용", required=False)

    def clean_unit(self) -> str:
        return self.cleaned_data.get("unit") or StatutoryService.Unit.DAYS

    @classmethod
    def for_service(cls, service: StatutoryService, data=None):
        return cls(
            data,
            prefix=f"s{service.pk}",
            initial={
                "name": service.name,
                "days": service.days,
                "unit": service.unit,
                "is_active": service.is_active,
            },
        )

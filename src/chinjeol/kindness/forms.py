from __future__ import annotations

from django import forms

from chinjeol.organization.models import Staff

from .models import EvaluationItem


class InspectionForm(forms.Form):
    staff = forms.ModelChoiceField(label="직원", queryset=Staff.objects.none())
    item = forms.ModelChoiceField(
        label="평가 항목", queryset=EvaluationItem.objects.none(), to_field_name="code"
    )
    occurred_at = forms.DateTimeField(
        label="평가 일시", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    points = forms.DecimalField(
        label="점수 (비우면 항목 기준)", required=False, max_digits=6, decimal_places=2
    )
    note = forms.CharField(label="비고", max_length=500, required=False)

    def __init__(self, *args, staff_qs=None, item_qs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff_qs if staff_qs is not None else Staff.objects.none()
        self.fields["staff"].label_from_instance = lambda s: (
            f"{s.name} ({s.department.name} · {s.employee_no})"
        )
        self.fields["item"].queryset = item_qs if item_qs is not None else EvaluationItem.objects.all()

from __future__ import annotations

from django import forms

from chinjeol.core.models import PersonalDataAccess


class AccessLogFilterForm(forms.Form):
    username = forms.CharField(label="접속자 이름·아이디", required=False)
    subject = forms.CharField(label="정보주체", required=False)
    date_from = forms.DateField(
        label="시작일", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label="종료일", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    action = forms.ChoiceField(label="행위", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", "전체"), *PersonalDataAccess.Action.choices]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "종료일은 시작일보다 빠를 수 없습니다.")
        return data

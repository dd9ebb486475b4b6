from __future__ import annotations

from django import forms

from chinjeol.core.uploads import LimitedFileField

from .models import Department


class OrgImportForm(forms.Form):
    file = LimitedFileField(
        label="조직도 파일 (CSV 또는 XLSX)",
        help_text="열 제목: 부서, 상위부서, 사번, 이름, 직위, 내선, 휴대전화, 이메일, 역할",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )
    dry_run = forms.BooleanField(label="검사만 하고 반영하지 않기", required=False)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label="이름·사번·직위", required=False)
    department = forms.ModelChoiceField(
        label="부서", queryset=Department.objects.active(), required=False, empty_label="전체 부서"
    )

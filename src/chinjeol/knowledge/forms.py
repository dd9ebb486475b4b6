from __future__ import annotations

from django import forms

from chinjeol.organization.models import Department

from .models import Category


class ArticleForm(forms.Form):
    code = forms.CharField(label="문서 코드", max_length=40)
    title = forms.CharField(label="제목", max_length=200)
    category = forms.CharField(label="분류", max_length=50, help_text="없는 분류를 쓰면 새로 만듭니다.")
    tags = forms.CharField(
        label="태그", max_length=300, required=False, help_text="쉼표로 구분 (예: 여권, 재발급)"
    )
    owner_department = forms.ModelChoiceField(
        label="담당 부서",
        queryset=Department.objects.filter(is_active=True),
        required=False,
        empty_label="정하지 않음",
    )
    review_due = forms.DateField(
        label="검토 기한", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    body = forms.CharField(
        label="본문",
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="# 제목, - 목록, **굵게**, [링크](https://…)",
    )
    note = forms.CharField(label="변경 사유", max_length=200, required=False)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].widget.attrs["list"] = "category-list"
        self.categories = list(Category.objects.values_list("name", flat=True))
        if editing:
            self.fields["code"].disabled = True


class AttachmentForm(forms.Form):
    file = forms.FileField(label="첨부 파일 (5MB 이하)")


class SynonymForm(forms.Form):
    phrase = forms.CharField(
        label="생활 용어", max_length=100, help_text="시민이 쓰는 말 (예: 딱지, passport)"
    )
    terms = forms.CharField(
        label="행정 용어", max_length=300, help_text="문서에 쓰인 말 (예: 과태료 주정차 위반)"
    )
    note = forms.CharField(label="메모", max_length=200, required=False)

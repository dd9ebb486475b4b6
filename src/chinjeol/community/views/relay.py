"""스마일 직원 릴레이방 and 이달의 스마일 직원."""

from __future__ import annotations

import re

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core.access import has_role, role_required
from chinjeol.core.pages import domain_errors, form_errors
from chinjeol.core.roles import Role

from .. import forms, queries, services
from .http import area, flash_form_error


@role_required(*queries.STAFF_READERS)
def relay(request):
    area(request)
    staff = request.user.staff if request.user.staff_id else None
    form = forms.RecommendForm(request.POST or None)
    if staff is not None:
        form.fields["recommended"].queryset = form.fields["recommended"].queryset.exclude(pk=staff.pk)
    if request.method == "POST":
        if staff is None:
            messages.error(request, "직원 계정만 동료를 추천할 수 있습니다.")
            return redirect("community:relay")
        if form.is_valid():
            with form_errors(form):
                rec = services.relay_recommend(
                    recommender=staff,
                    recommended_id=form.cleaned_data["recommended"].pk,
                    reason=form.cleaned_data["reason"],
                    now=timezone.now(),
                )
                messages.success(request, f"{rec.recommended.name} 님에게 스마일 바통을 넘겼습니다.")
                return redirect("community:relay")
    return render(
        request,
        "community/relay.html",
        {
            "form": form,
            "staff": staff,
            "baton": queries.open_baton(staff.pk if staff else None),
            "chains": queries.relay_chains(),
            "stats": queries.relay_stats(),
        },
        status=400 if form.errors else 200,
    )


def _month(request) -> tuple[int, int]:
    today = timezone.localdate()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", request.GET.get("month", "") or request.POST.get("month", ""))
    if match and 1 <= int(match.group(2)) <= 12:
        return int(match.group(1)), int(match.group(2))
    return today.year, today.month


def _shift(year: int, month: int, delta: int) -> str:
    index = year * 12 + (month - 1) + delta
    return f"{index // 12}-{index % 12 + 1:02d}"


@role_required(*queries.STAFF_READERS)
def smile(request):
    area(request)
    year, month = _month(request)
    can_select = has_role(request.user, Role.CS_OFFICER)
    today = timezone.localdate()
    selections = queries.smile_month(year, month)
    earlier = None
    if not selections:  # e.g. early in the month: show who was chosen last time
        earlier = queries.smile_latest_before(year, month)
    return render(
        request,
        "community/smile.html",
        {
            "year": year,
            "month": month,
            "month_value": f"{year}-{month:02d}",
            "prev_month": _shift(year, month, -1),
            "next_month": _shift(year, month, 1) if (year, month) < (today.year, today.month) else None,
            "selections": selections,
            "earlier": earlier,
            "recommendations": queries.month_recommendations(year, month)[:50] if can_select else [],
            "can_select": can_select,
            "form": forms.SmileSelectForm(),
        },
    )


def _smile_month_page(request) -> str:
    year, month = _month(request)
    return f"{reverse('community:smile')}?month={year}-{month:02d}"


@require_POST
@role_required(Role.CS_OFFICER)
@domain_errors(back=_smile_month_page)
def smile_select(request):
    year, month = _month(request)
    form = forms.SmileSelectForm(request.POST)
    if not form.is_valid():
        flash_form_error(request, form)
        return redirect(_smile_month_page(request))
    selection = services.smile_select(
        year=year,
        month=month,
        staff_id=form.cleaned_data["staff"].pk,
        reason=form.cleaned_data["reason"],
        recommendation_id=form.cleaned_data["recommendation"],
        by=request.user,
        now=timezone.now(),
    )
    messages.success(request, f"{selection.staff.name} 님을 {year}년 {month}월 스마일 직원으로 선정했습니다.")
    return redirect(_smile_month_page(request))

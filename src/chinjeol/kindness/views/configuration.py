"""Evaluation items and score settings [K1, K4]: the CS officer changes them, the auditor reads them."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from chinjeol.core.access import has_role, role_required
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.pages import form_errors
from chinjeol.core.roles import Role

from .. import queries, services
from ..forms import ItemCreateForm, ItemDescribeForm, ItemRuleForm, ScoreSettingsForm
from .common import area

READERS = (Role.CS_OFFICER, Role.AUDITOR)


def _now_minute():
    return timezone.localtime().replace(second=0, microsecond=0)


@role_required(*READERS)
def settings_page(request):
    area(request)
    config = queries.config_at()
    history = queries.item_history()
    rows = [
        {"item": item, "current": config.versions.get(item.code), "versions": versions}
        for item, versions in history
    ]
    return render(
        request,
        "kindness/settings.html",
        {
            "rows": rows,
            "config": config,
            "settings_rows": queries.settings_history(),
            "can_edit": has_role(request.user, Role.CS_OFFICER),
        },
    )


@role_required(*READERS)
def item_edit(request, code: str):
    area(request)
    config = queries.config_at()
    history = dict((item.code, (item, versions)) for item, versions in queries.item_history())
    if code not in history:
        raise NotFound("평가 항목을 찾을 수 없습니다.")
    item, versions = history[code]
    current = config.versions.get(code)
    can_edit = has_role(request.user, Role.CS_OFFICER)
    rule_form = ItemRuleForm(
        initial={
            "points_per_event": current.points_per_event if current else None,
            "cap": current.cap if current else None,
            "weight": current.weight if current else 1,
            "is_active": current.is_active if current else True,
            "valid_from": _now_minute(),
        },
        prefix="rule",
    )
    describe_form = ItemDescribeForm(initial={"name": item.name, "advice": item.advice}, prefix="describe")
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("감사는 조회만 할 수 있습니다.")
        if "rule-note" in request.POST:
            rule_form = ItemRuleForm(request.POST, prefix="rule")
            if rule_form.is_valid():
                d = rule_form.cleaned_data
                with form_errors(rule_form):
                    version = services.item_rule_change(
                        item_code=code,
                        points_per_event=d["points_per_event"],
                        cap=d["cap"],
                        weight=d["weight"],
                        is_active=d["is_active"],
                        valid_from=d["valid_from"],
                        note=d["note"],
                        by=request.user,
                        now=timezone.now(),
                    )
                    messages.success(request, f"{item.name} 기준 {version.version}판을 만들었습니다.")
                    return redirect("kindness:item_edit", code=code)
        else:
            describe_form = ItemDescribeForm(request.POST, prefix="describe")
            if describe_form.is_valid():
                with form_errors(describe_form):
                    services.item_describe(
                        item_code=code,
                        name=describe_form.cleaned_data["name"],
                        advice=describe_form.cleaned_data["advice"],
                        by=request.user,
                    )
                    messages.success(request, "항목 이름과 개선 안내를 고쳤습니다.")
                    return redirect("kindness:item_edit", code=code)
    return render(
        request,
        "kindness/item.html",
        {
            "item": item,
            "versions": versions,
            "current": current,
            "rule_form": rule_form,
            "describe_form": describe_form,
            "can_edit": can_edit,
        },
    )


@role_required(Role.CS_OFFICER)
def item_new(request):
    area(request)
    form = ItemCreateForm(request.POST or None, initial={"weight": 1, "valid_from": _now_minute()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with form_errors(form):
            item = services.item_create(
                code=d["code"],
                name=d["name"],
                sign=d["sign"],
                advice=d["advice"],
                points_per_event=d["points_per_event"],
                cap=d["cap"],
                weight=d["weight"],
                valid_from=d["valid_from"],
                note=d["note"],
                by=request.user,
                now=timezone.now(),
            )
            messages.success(request, f"평가 항목 ‘{item.name}’을 만들었습니다.")
            return redirect("kindness:settings")
    return render(request, "kindness/item_new.html", {"form": form})


@role_required(Role.CS_OFFICER)
def score_settings(request):
    area(request)
    config = queries.config_at()
    s = config.settings
    initial = {"valid_from": _now_minute()}
    if s is not None:
        initial.update(
            {
                name: getattr(s, name)
                for name in (
                    "base",
                    "blue",
                    "green",
                    "yellow",
                    "orange",
                    "deduction_per_report",
                    "deduction_cap",
                    "min_members",
                )
            }
        )
    form = ScoreSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with form_errors(form):
            row = services.score_settings_change(**form.cleaned_data, by=request.user, now=timezone.now())
            messages.success(request, f"점수 기준 {row.version}판을 만들었습니다.")
            return redirect("kindness:settings")
    return render(request, "kindness/score_settings.html", {"form": form, "current": s})

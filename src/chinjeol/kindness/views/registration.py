"""Registering inspection results [K2]: the form, the file upload and corrections."""

from __future__ import annotations

import io

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from chinjeol.core.access import role_required
from chinjeol.core.errors import DomainError
from chinjeol.core.pages import form_error, form_errors
from chinjeol.core.roles import Role

from .. import entry_table, services
from ..forms import InspectionForm, ReverseForm, UploadForm
from ..models import MileageEntry
from ..queries.config import config_at
from .common import area


def _items_for(user):
    config = config_at()
    codes = services.registrable_item_codes(user, [i.code for i in config.score_rules.items])
    return [config.items[c] for c in codes]


@role_required(*services.REGISTER_ROLES)
def register(request):
    area(request)
    items = _items_for(request.user)
    form = InspectionForm(
        request.POST or None,
        items=items,
        initial={"occurred_at": timezone.localtime().replace(second=0, microsecond=0)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with form_errors(form, aliases={"employee_no": "staff"}):
            entry = services.inspection_register(
                staff_id=data["staff"],
                item_code=data["item"],
                occurred_at=data["occurred_at"],
                note=data["note"],
                by=request.user,
                points=data["points"],
                submission=data["submission"],
            )
            if entry.was_recorded_before:
                messages.info(
                    request,
                    "같은 양식을 다시 보내셨습니다. 이미 등록한 결과이므로 한 번만 반영했습니다. 새로 등록하려면 이 화면의 새 양식을 쓰세요.",
                )
                return redirect("kindness:register")
            messages.success(
                request,
                f"{entry.staff.name}님의 {entry.item.name} {entry.points:+.1f}점을 등록했습니다. "
                "점수와 신호등에 바로 반영됩니다.",
            )
            return redirect("kindness:register")
    picked = request.POST.get("staff") or request.GET.get("staff")
    chosen = None
    if picked and str(picked).isdigit():
        chosen = services.registrable_staff(request.user).filter(pk=int(picked)).first()
    return render(
        request,
        "kindness/register.html",
        {"form": form, "items": items, "chosen": chosen, "staff_errors": form.errors.get("staff", [])},
    )


@role_required(*services.REGISTER_ROLES)
def upload(request):
    area(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    result = errors = header_errors = None
    status = 200
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            result = services.entries_upload(
                filename=file.name,
                data=file.read(),
                by=request.user,
                now=timezone.now(),
                dry_run=form.cleaned_data["dry_run"],
            )
        except services.EntriesInvalid as invalid:
            errors = [
                {
                    "row": e.row,
                    "column": entry_table.COLUMNS.get(e.field, (e.field,))[0],
                    "message": e.message,
                }
                for e in invalid.errors
            ]
            header_errors = invalid.header_errors
            status = 400
        except DomainError as error:  # the file itself was refused: its own status (422, 403)
            form_error(form, error)
            status = error.status
    if request.method == "POST" and form.errors and status < 400:
        status = 422  # a refused file (size, type, encoding, empty, too many rows) is never a 200
    return render(
        request,
        "kindness/upload.html",
        {
            "form": form,
            "result": result,
            "errors": errors,
            "header_errors": header_errors,
            "items": _items_for(request.user),
        },
        status=status,
    )


@role_required(*services.REGISTER_ROLES)
def upload_template(request):
    from openpyxl import Workbook

    from chinjeol.core.spreadsheet import xlsx_append

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "점검 결과"
    xlsx_append(sheet, entry_table.HEADER_TEMPLATE)
    xlsx_append(sheet, ["2019001", "전화응대 점검", "", "2026-11-02", "첫인사와 소속 안내 정확"])
    xlsx_append(sheet, ["2019001", "교육 이수·암행 평가", "2", "2026-11-05", "친절 교육 1단계 이수"])
    xlsx_append(sheet, ["2020014", "전화응대 점검", "-1", "2026. 11. 6.", "세 번 울린 뒤 받음"])
    for column, width in zip("ABCDE", (12, 22, 8, 14, 40), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = "attachment; filename*=UTF-8''kindness-results-template.xlsx"
    return response


@require_POST
@role_required(Role.CS_OFFICER)
def reverse_entry(request, pk: int):
    original = MileageEntry.objects.filter(pk=pk).values("staff_id", "year", "half").first()
    if original is None:
        messages.error(request, "마일리지 기록을 찾을 수 없습니다.")
        return redirect("kindness:organisation")
    back = (
        reverse("kindness:staff", args=[original["staff_id"]])
        + f"?period={original['year']}-H{original['half']}"
    )
    form = ReverseForm(request.POST)
    if not form.is_valid():
        messages.error(request, "정정 사유를 적어 주세요.")
        return redirect(back)
    try:
        entry = services.mileage_reverse(
            entry_id=pk, reason=form.cleaned_data["reason"], by=request.user, now=timezone.now()
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(
        request, f"정정 기록을 남겼습니다 ({entry.points:+.1f}점). 점수에서 원래 기록이 빠졌습니다."
    )
    return redirect(f"{back}#entry-{entry.pk}")

"""The report centre's note on a praise or unkind case: where its report stands, or how to open one."""

from __future__ import annotations

from django.urls import reverse

from chinjeol.cases.links import CaseNote
from chinjeol.core.access import has_role
from chinjeol.core.roles import Role

from .models import Report

KINDS = ("praise", "unkind")
WHAT_FOLLOWS = {
    "praise": "칭찬 민원은 신고센터에서 확인하면 칭찬받은 직원의 친절 마일리지와 고객만족방 사례로 이어집니다.",
    "unkind": "불친절 민원은 신고센터에서 조사해 인정되면 감점, 부서장 사과 전화, 재발 방지 대책, 보상으로 이어집니다.",
}


def case_note(case, user) -> CaseNote | None:
    if case.kind not in KINDS:
        return None
    report = Report.objects.filter(case=case).only("pk", "receipt_no", "status").first()
    if report is not None:
        return CaseNote(
            "친절·불친절 신고센터에 등록된 민원입니다:",
            f"{report.receipt_no} ({report.get_status_display()})",
            reverse("community:report_detail", args=[report.pk]),
        )
    if has_role(user, Role.CS_OFFICER):
        return CaseNote(
            WHAT_FOLLOWS[case.kind],
            "신고센터로 보내기",
            reverse("community:report_from_case", args=[case.pk]),
            True,
        )
    return None

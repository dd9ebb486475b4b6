"""What a ledger entry's source is called and where it can be looked at, so every point is traceable
to the event that caused it. Other apps choose their own `source_type`; the known ones are named here."""

from __future__ import annotations

from collections.abc import Iterable

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from chinjeol.core.access import has_role
from chinjeol.core.roles import Role

SOURCE_NAMES = {
    "inspection": "점검 결과 등록",
    "upload": "파일 일괄 등록",
    "api": "연계 등록(API)",
    "reversal": "정정 기록",
    "kindness_report": "친절·불친절 신고",
    "praise_post": "칭찬합시다 게시판",
    "smile_selection": "이달의 스마일 직원",
    "happy_call": "해피콜 만족도",
    "survey": "고객만족도 조사",
    "training": "교육 이수",
    "mystery": "암행 평가",
    "demo": "시연 자료",
}

REPORT_READERS = (Role.CS_OFFICER, Role.AUDITOR)


def source_name(source_type: str) -> str:
    return SOURCE_NAMES.get(source_type, source_type)


def _url(name: str, *args) -> str | None:
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def source_links(entries: Iterable, user) -> dict[int, str]:
    """entry id → a page showing its source, for the entries whose source the user may open."""
    entries = list(entries)
    links: dict[int, str] = {}
    happy = [e for e in entries if e.source_type == "happy_call" and e.source_id.isdigit()]
    case_of: dict[str, int] = {}
    if happy and apps.is_installed("chinjeol.cases"):
        answer = apps.get_model("cases", "HappyCallAnswer")
        case_of = {
            str(pk): case_id
            for pk, case_id in answer.objects.filter(pk__in=[int(e.source_id) for e in happy]).values_list(
                "pk", "case_id"
            )
        }
    reads_reports = has_role(user, *REPORT_READERS)
    for e in entries:
        url = None
        if e.source_type == "reversal" and e.reverses_id:
            url = f"#entry-{e.reverses_id}"
        elif e.source_type == "happy_call" and e.source_id in case_of:
            url = _url("cases:detail", case_of[e.source_id])
        elif e.source_type == "kindness_report" and reads_reports and e.source_id.isdigit():
            url = _url("community:report_detail", int(e.source_id))
        elif e.source_type == "smile_selection":
            url = _url("community:smile")
        elif e.source_type == "praise_post":
            url = _url("community:praise_list")
        if url:
            links[e.pk] = url
    return links

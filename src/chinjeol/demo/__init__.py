"""The demo agency: a deterministic, realistic 구청 for trying chinjeol out.

`demo_load()` runs every step once; each later capability adds its own step to STEPS."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

DEMO_PASSWORD = "chinjeol2026"
DEMO_ACCOUNTS: list[tuple[str, str]] = [
    ("csadmin", "고객만족 담당관 (민원여권과) — 전체 관리"),
    ("auditor", "감사 (감사담당관) — 모두 조회, 수정 불가"),
    ("head", "부서장 (민원여권과장)"),
    ("cslead", "부서 CS리더 (민원여권과)"),
    ("counsellor", "직원·상담사 (민원콜센터)"),
    ("staff", "직원 (세무과)"),
    ("evaluator", "외부 평가기관 (한국서비스품질평가원)"),
]


def _steps() -> list[tuple[str, Callable]]:
    from . import (
        answer_templates,
        cases,
        charter,
        community,
        kindness,
        knowledge,
        organization,
        reports,
        surveys,
        training,
        visits,
    )

    return [
        ("조직과 직원", organization.build),
        ("서비스 헌장과 달력", charter.build),
        ("1년치 민원", cases.build),
        ("답변 서식", answer_templates.build),
        ("1년치 해피콜과 연례 만족도 조사", surveys.build),
        ("1년치 친절 마일리지", kindness.build),
        ("친절 신고와 공동체 활동", community.build),
        ("1년치 콜센터 통화", _contact_build),
        ("민원실 방문객·현장 방문·전문가 상담", visits.build),
        ("공개 보고서", reports.build),
        ("상담 지식 문서", knowledge.build),
        ("문자·채팅 상담과 폭언 사건", _protection_build),
        ("암행 평가·외부 평가·평가 보정", _quality_build),
        ("1년치 친절 교육", training.build),
    ]


def _contact_build(scale: float = 1.0) -> None:
    from chinjeol.contact.demo import build

    build(scale=scale)


def _protection_build(scale: float = 1.0) -> None:
    from chinjeol.protection.demo import build

    build(scale=scale)


def _quality_build(scale: float = 1.0) -> None:
    from chinjeol.quality.demo import build

    build(scale=scale)


def demo_load(progress: Callable[[str], None] = lambda _m: None, *, scale: float = 1.0) -> bool:
    """Create the demo agency unless one exists. Returns True when it was created. `scale` shrinks
    the volume of generated history (cases, mileage) for quick checks; the organisation is always whole."""
    from chinjeol.organization.models import Agency

    if Agency.objects.exists():
        return False
    for label, step in _steps():
        progress(f"{label} 만드는 중…")
        with transaction.atomic():
            step(scale=scale)
    return True

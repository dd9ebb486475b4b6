"""Counsellor protection in the navigation (`ProtectionConfig.ready()` calls `register_menus()`)."""

from __future__ import annotations


def register_menus() -> None:
    from chinjeol.core.navigation import Menu, register

    from .permissions import EXPOSURE_READERS, READERS

    register(Menu("callcenter", "폭언 사건", "protection:incidents", READERS,
                  "폭언 경고·종료, 휴식·상담 연계·법적 대응 지원과 증거 자료"))  # fmt: skip
    register(Menu("callcenter", "상담사 노출 현황", "protection:exposure", EXPOSURE_READERS,
                  "상담사별 월별 폭언 노출 (관리자)"))  # fmt: skip

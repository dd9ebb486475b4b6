"""The demo agency's calendar days and its 민원처리기준표 (a few statutory services)."""

from __future__ import annotations

from datetime import date

from chinjeol.charter.models import CalendarDay, StatutoryService

STATUTORY = [
    ("ST-RESIDENT-COPY", "주민등록표 등·초본 발급", 1),
    ("ST-PASSPORT", "여권 발급", 4),
    ("ST-BUILDING-PERMIT", "건축 허가", 10),
    ("ST-ROAD-USE", "도로 점용 허가", 7),
    ("ST-FOOD-BUSINESS", "일반음식점 영업 신고", 3),
    ("ST-PARKING-RESIDENT", "거주자 우선주차 배정", 7),
]


def build(scale: float = 1.0) -> None:
    StatutoryService.objects.bulk_create([StatutoryService(code=c, name=n, days=d) for c, n, d in STATUTORY])
    CalendarDay.objects.bulk_create(
        [
            CalendarDay(
                date=date(2026, 12, 31), kind=CalendarDay.Kind.CLOSURE, name="청사 전기 안전 점검 휴무"
            ),
            CalendarDay(
                date=date(2027, 1, 2), kind=CalendarDay.Kind.EXTRA_WORKING_DAY, name="연초 민원 집중 처리일"
            ),
        ]
    )

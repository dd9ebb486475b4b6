"""The demo agency's published half-year charter report: the last finished half-year, published on the
homepage early in the next one with the CS officer's improvement actions."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from chinjeol.core.models import User
from chinjeol.core.periods import Period
from chinjeol.reports import services

IMPROVEMENTS = """1. 국민신문고 이송 민원의 처리기한을 넘긴 건이 많았던 민원콜센터·민원여권과는 접수 당일 담당자를 배정하고,
   기한 3일 전 알림을 부서장에게도 보내도록 바꾸었습니다.
2. 처리기한 안에 답변하기 어려운 민원은 기한 전에 중간통지(처리 상황과 예정일)를 보내도록 부서 CS리더가 매주 점검합니다.
3. 기한을 지키지 못한 민원의 민원인께는 서비스헌장에 따라 1만 원 상당의 보상을 드렸습니다.
4. 하반기에는 이행률이 낮은 부서를 대상으로 민원 응대와 결과 설명 교육을 다시 엽니다."""


def build(scale: float = 1.0) -> None:
    now = timezone.now()
    half = Period.containing(timezone.localtime(now).date(), "half").previous()
    published_at = timezone.make_aware(datetime.combine(half.end + timedelta(days=14), time(10, 0)))
    services.charter_report_publish(
        period=half,
        improvements=IMPROVEMENTS,
        by=User.objects.get(username="csadmin"),
        now=min(published_at, now),
    )

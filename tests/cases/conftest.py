from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from chinjeol.cases import services

KST = ZoneInfo("Asia/Seoul")


def at(y, mo, d, h=10, mi=0):
    return datetime(y, mo, d, h, mi, tzinfo=KST)


@pytest.fixture
def make_case(org):
    def make(now=None, **overrides):
        values = {
            "channel": "web",
            "kind": "inquiry",
            "title": "주차 단속 문의",
            "body": "집 앞 불법 주차 단속을 요청합니다. 연락처 010-1234-5678",
            "customer_name": "홍길동",
            "customer_phone": "010-1234-5678",
            "customer_email": "",
            "department_id": org.civil.pk,
        }
        values.update(overrides)
        return services.case_register(
            intake=services.CaseIntake(**values), by=None, now=now or at(2026, 11, 23)
        )

    return make

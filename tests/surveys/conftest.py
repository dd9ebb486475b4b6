from __future__ import annotations

import pytest

from tests.factories import at


@pytest.fixture
def closed_case(make_case, org):
    """A case of 민원과 handled by 김민원, closed on Tuesday 2026-11-24 at 15:00 (its happy-call is scheduled)."""
    from chinjeol.cases import services

    def make(now=None, **overrides):
        case = make_case(**overrides)
        services.case_assign(
            case_id=case.pk, staff_id=org.clerk.staff.pk, by=org.head, now=at(2026, 11, 23, 11)
        )
        return services.case_close(
            case_id=case.pk,
            answer="요청하신 단속을 마쳤습니다. 고맙습니다.",
            by=org.clerk,
            now=now or at(2026, 11, 24, 15),
        )

    return make

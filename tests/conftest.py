from __future__ import annotations

import os

import pytest

os.environ.setdefault("CHINJEOL_ENV", "test")

from tests.factories import PASSWORD, make_department, make_member, make_user  # noqa: E402


@pytest.fixture(autouse=True)
def _fresh_process_caches():
    """Per-process caches (calendar, routing rules, agency) start empty in every test."""
    from chinjeol.charter.queries import clear_cache
    from chinjeol.core.memo import clear_all

    clear_all()
    clear_cache()
    yield
    clear_all()
    clear_cache()


@pytest.fixture
def org(db):
    """A small agency: 행정국 > 민원과 > 민원팀, and 세무과 on its own."""
    from chinjeol.core.roles import Role

    bureau = make_department("행정국", kind="bureau")
    civil = make_department("민원과", parent=bureau)
    team = make_department("민원팀", parent=civil, kind="team")
    tax = make_department("세무과")
    people = {
        "officer": make_member("officer", department=civil, roles=(Role.CS_OFFICER,), name="고담당"),
        "auditor": make_member("auditor", department=tax, roles=(Role.AUDITOR,), name="감사원"),
        "head": make_member("head", department=civil, roles=(Role.DEPT_HEAD,), name="부서장"),
        "leader": make_member("leader", department=civil, roles=(Role.CS_LEADER,), name="리더임"),
        "clerk": make_member("clerk", department=team, name="김민원"),
        "outsider": make_member("outsider", department=tax, name="박세무"),
        "evaluator": make_user("evaluator", roles=(Role.EVALUATOR,)),
    }

    class Org:
        pass

    o = Org()
    o.bureau, o.civil, o.team, o.tax = bureau, civil, team, tax
    o.people = people
    for key, user in people.items():
        setattr(o, key, user)
    o.password = PASSWORD
    return o


@pytest.fixture
def client_for(client):
    """client_for(user) → a test client signed in as that user."""

    def make(user):
        client.force_login(user)
        return client

    return make


@pytest.fixture
def make_case(org):
    """make_case(now=…, **intake overrides) registers a web inquiry for 민원과 through the service."""
    from chinjeol.cases import services
    from tests.factories import at

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

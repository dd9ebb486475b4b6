"""The API against its own OpenAPI document: schemathesis generates requests for every operation (valid and
invalid ones) and runs all its checks — no server error, every response (status, headers, body) as
documented. The fixture world is small: one agency, a CS officer's real Bearer token, a case and a report."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from chinjeol.core.models import ApiToken
from chinjeol.wsgi import application

# Per operation and generation phase: about 50 s per database for the whole API on a quiet machine.
MAX_EXAMPLES = 15


@pytest.fixture
def in_test_transaction():
    """The WSGI app closes "old" connections at the end of each request, which on PostgreSQL would close the
    test's transaction; Django's test client holds this off the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def api_world(org, make_case, in_test_transaction):
    from django.utils import timezone

    from chinjeol.community import services as community
    from chinjeol.community.models import Report

    make_case()
    community.report_receive(
        intake=community.ReportIntake(
            kind=Report.Kind.PRAISE,
            body="친절하게 안내해 주셨습니다.",
            reporter_name="이신고",
            reporter_phone="010-2222-3333",
            official_name="김민원",
            department_text="민원팀",
            department_id=org.team.pk,
            occurred_on=None,
            occurred_time=None,
            source=Report.Source.API,
        ),
        by=org.officer,
        now=timezone.now(),
    )
    return {"Authorization": f"Bearer {ApiToken.issue(org.officer)[1]}"}


# Every check runs. A request that fits the schema may still break a business rule (one of days/hours/kind,
# a period that does not exist, a row that names nobody): it is then refused with the documented 400/422
# envelope, which is what "accepted" means here, besides 2xx and the authorisation answers.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "400", "401", "403", "404", "409", "422"]
            }
        }
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, config=CONFIG)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case, api_world):
    case.call_and_validate(headers=api_world)

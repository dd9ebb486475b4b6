from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import at

OLD = [("cases", "0005_masked_text_fields"), ("surveys", None)]


@pytest.mark.django_db(transaction=True)
def test_existing_happy_call_answers_move_to_surveys_with_their_ids(make_case):
    case = make_case()
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    executor.migrate(OLD)
    old = MigrationExecutor(connection).loader.project_state([OLD[0]]).apps
    Answer = old.get_model("cases", "HappyCallAnswer")
    Answer.objects.create(id=41, case_id=case.pk, score=2, comment="늦었어요", answered_at=at(2026, 11, 26))
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)

    from chinjeol.surveys.models import HappyCall

    call = HappyCall.objects.get()
    assert (call.pk, call.case_id, call.score, call.comment) == (41, case.pk, 2, "늦었어요")
    assert call.status == "answered" and call.answered_via == "status_page" and not call.dissatisfied

from __future__ import annotations

from datetime import date

import pytest

from chinjeol.core.errors import DomainError
from chinjeol.notify.models import Message
from chinjeol.surveys import queries, services
from chinjeol.surveys.models import Answer
from tests.factories import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(org):
    s = services.survey_create(
        title="2026년 고객만족도 조사",
        is_annual=True,
        opens_on=date(2026, 11, 1),
        closes_on=date(2026, 11, 30),
        by=org.officer,
    )
    services.question_add(survey_id=s.pk, kind="scale5", text="전반적으로 만족하십니까?", options=[])
    services.question_add(survey_id=s.pk, kind="single", text="방문 경로", options=["방문", "전화", ""])
    services.question_add(survey_id=s.pk, kind="multiple", text="개선할 점", options=["대기", "주차", "안내"])
    services.question_add(survey_id=s.pk, kind="nps", text="추천하시겠습니까?", options=[])
    services.question_add(survey_id=s.pk, kind="text", text="하고 싶은 말", options=[], required=False)
    return s


def _data(s, scale, single, multiple, nps, text=""):
    q = list(s.questions.all())
    return {
        f"q{q[0].pk}": [str(scale)],
        f"q{q[1].pk}": [str(single)],
        f"q{q[2].pk}": [str(m) for m in multiple],
        f"q{q[3].pk}": [str(nps)],
        f"q{q[4].pk}": [text],
    }


def test_builder_checks_questions(survey):
    with pytest.raises(DomainError, match="보기를 두 개"):
        services.question_add(survey_id=survey.pk, kind="single", text="하나뿐", options=["가"])
    with pytest.raises(DomainError, match="유형"):
        services.question_add(survey_id=survey.pk, kind="ranking", text="순위", options=[])
    assert survey.questions.get(kind="single").options == ["방문", "전화"]
    services.survey_set_status(survey_id=survey.pk, status="open")
    with pytest.raises(DomainError, match="바꿀 수 없"):
        services.question_add(survey_id=survey.pk, kind="text", text="추가", options=[])


def test_anonymous_answers_results_crosstab_and_publication(survey, org):
    with pytest.raises(DomainError, match="응답을 받지"):
        services.survey_submit(
            survey=survey, data=_data(survey, 5, 0, [0], 10), channel="link", now=at(2026, 11, 2)
        )
    services.survey_set_status(survey_id=survey.pk, status="open")
    survey.refresh_from_db()
    services.survey_submit(
        survey=survey,
        data=_data(survey, 5, 0, [0, 2], 10, "좋아요 010-1234-5678"),
        channel="qr",
        now=at(2026, 11, 2),
    )
    services.survey_submit(
        survey=survey, data=_data(survey, 2, 1, [1], 3), channel="sms", now=at(2026, 11, 3)
    )
    services.survey_submit(
        survey=survey, data=_data(survey, 4, 0, [0], 8), channel="link", now=at(2026, 11, 4)
    )
    with pytest.raises(DomainError) as caught:
        services.survey_submit(
            survey=survey, data=_data(survey, 9, 5, [], 3), channel="link", now=at(2026, 11, 4)
        )
    assert len(caught.value.errors) == 3
    assert "5678" not in Answer.objects.exclude(text="").get().text
    results = {r.question.kind: r for r in queries.survey_results(survey)}
    assert results["scale5"].count == 3 and str(results["scale5"].mean) == "3.67"
    assert results["nps"].nps == 0  # 1 promoter, 1 detractor of 3
    assert results["multiple"].distribution == [("대기", 2), ("주차", 1), ("안내", 1)]
    assert results["text"].texts and results["text"].count == 1
    scale, single = survey.questions.get(kind="scale5"), survey.questions.get(kind="single")
    cols, rows = queries.crosstab(single, scale)
    assert cols == ["1점", "2점", "3점", "4점", "5점"]
    assert rows == [("방문", [0, 0, 0, 1, 1], 2), ("전화", [0, 1, 0, 0, 0], 1)]
    headers, export = queries.export_rows(survey)
    assert headers[:3] == ["응답 번호", "응답 시각", "응답 경로"] and export[0][3:6] == [
        5,
        "방문",
        "대기, 안내",
    ]
    with pytest.raises(DomainError, match="마감한 조사만"):
        services.survey_publish(survey_id=survey.pk, findings="", actions="대기 줄이기", now=at(2026, 12, 5))
    services.survey_set_status(survey_id=survey.pk, status="closed")
    with pytest.raises(DomainError, match="개선 조치"):
        services.survey_publish(survey_id=survey.pk, findings="요약", actions="  ", now=at(2026, 12, 5))
    services.survey_publish(
        survey_id=survey.pk, findings="요약", actions="번호표 안내\n주차 안내", now=at(2026, 12, 5)
    )
    assert queries.published_count(date(2026, 1, 1), date(2026, 12, 31)) == 1
    assert queries.published_count(date(2026, 12, 6), date(2026, 12, 31)) == 0
    assert queries.published_count(date(2026, 12, 5), date(2026, 12, 5)) == 1
    assert list(queries.published_surveys()) == [survey]


def test_sms_invitations_keep_no_number_with_answers(survey):
    services.survey_set_status(survey_id=survey.pk, status="open")
    with pytest.raises(DomainError, match="형식"):
        services.survey_invite(survey_id=survey.pk, phones=["010-1111-2222", "12"], now=at(2026, 11, 2))
    sent = services.survey_invite(
        survey_id=survey.pk, phones=["010-1111-2222", "01011112222", "", "010 3333 4444"], now=at(2026, 11, 2)
    )
    assert sent == 2 and Message.objects.filter(kind="survey").count() == 2
    assert f"/surveys/s/{survey.token}/?via=sms" in Message.objects.filter(kind="survey").first().body

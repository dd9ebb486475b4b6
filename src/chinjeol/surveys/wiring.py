"""How the surveys app plugs into the others (`SurveysConfig.ready()`): the case-closed hook, the notes on a
case's page and on the customer's status page, 오늘 할 일, the mileage source and the menus."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone


def connect() -> None:
    from chinjeol.cases import hooks, links
    from chinjeol.charter.compliance.providers import register_count_provider
    from chinjeol.core import inbox as core_inbox
    from chinjeol.kindness import sources

    from . import inbox, menus, services, sqi

    hooks.on_closed("happy_call", services.happy_call_schedule)
    links.register("happy_call", case_note)
    links.register_citizen("happy_call", citizen_note)
    core_inbox.register("surveys", inbox.work_for)
    sources.register(sources.MileageSource("happy_call", "해피콜 만족도", happy_call_links))
    menus.register_menus()
    register_notices()
    register_count_provider("SATISFACTION_SURVEY", surveys_published)
    sqi.register()


def surveys_published(start, end, departments) -> int:
    """The charter's "a satisfaction survey at least once a year": surveys whose results were published in
    [start, end). Surveys are the agency's, so a department's view counts the same ones."""
    from datetime import timedelta

    from .queries import published_count

    return published_count(start, end - timedelta(days=1))


def register_notices() -> None:
    from chinjeol.notify.kinds import About, register_about, register_kind

    register_kind("happy_call", "해피콜 만족도 조사")
    register_kind("survey", "만족도 조사 안내")
    register_about(
        About(
            "surveys.survey",
            "만족도 조사",
            lambda survey: survey.title[:40],
            lambda pk: reverse("surveys:detail", args=[pk]),
        )
    )


def case_note(case, user):
    from chinjeol.cases.links import CaseNote

    from . import queries
    from .models import HappyCall

    call = queries.happy_call_of_case(case.pk)
    if call is None:
        return None
    if call.status == HappyCall.Status.ANSWERED:
        text = (
            f"해피콜 만족도: 결과 {call.score_result or '—'} · 친절 {call.score_kindness or '—'} · "
            f"속도 {call.score_speed or '—'} · 전반 {call.score}점 ({call.get_answered_via_display()})"
        )
        if call.comment:
            text += f" — “{call.comment}”"
        if call.dissatisfied:
            text += " · 불만 해소 전화 " + ("완료" if call.catch_done_at else "대기")
        return CaseNote(text, "", "")
    return CaseNote(f"해피콜: {call.get_status_display()}", "", "")


def citizen_note(case):
    from chinjeol.cases.links import CaseNote

    from . import queries
    from .models import HappyCall

    call = queries.happy_call_of_case(case.pk)
    if call is None:
        return None
    if call.status == HappyCall.Status.ANSWERED:
        return CaseNote("만족도 조사에 답해 주셔서 고맙습니다.", "", "")
    if call.status != HappyCall.Status.WAITING or timezone.now() >= call.expires_at:
        return None
    return CaseNote(
        "처리에 만족하셨는지 알려 주세요 (4문항, 1분).",
        "만족도 조사에 답하기",
        reverse("surveys:happy_answer", args=[call.token]),
        is_action=True,
    )


def happy_call_links(entries: list, user) -> dict[int, str]:
    """Happy-call mileage entries link to their case."""
    from .models import HappyCall

    ids = [int(e.source_id) for e in entries if e.source_id.isdigit()]
    case_of = dict(HappyCall.objects.filter(pk__in=ids).values_list("pk", "case_id"))
    return {
        e.pk: reverse("cases:detail", args=[case_of[int(e.source_id)]])
        for e in entries
        if e.source_id.isdigit() and int(e.source_id) in case_of
    }

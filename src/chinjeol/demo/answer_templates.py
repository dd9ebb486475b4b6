"""The demo's 답변 서식: a few replies the handlers start from, by kind and for the passport office."""

from __future__ import annotations

TEMPLATES = [
    ("질의 답변 (제도·절차)", "inquiry", None,
     "안녕하십니까. 한빛구청에 문의해 주셔서 고맙습니다.\n\n문의하신 내용에 대해 안내해 드립니다.\n\n"
     "(안내 내용)\n\n더 궁금하신 점은 담당자에게 연락해 주시기 바랍니다."),
    ("건의·제안 검토 결과", "suggestion", None,
     "소중한 의견을 주셔서 고맙습니다.\n\n제안하신 내용을 검토한 결과를 알려 드립니다.\n\n(검토 결과)\n\n"
     "앞으로도 구정에 관심을 가져 주시기 바랍니다."),
    ("불편 신고 조치 완료", "grievance", None,
     "불편을 드려 죄송합니다.\n\n신고하신 내용을 현장에서 확인하고 다음과 같이 조치했습니다.\n\n(조치 내용)\n\n"
     "같은 불편이 다시 생기면 알려 주시기 바랍니다."),
    ("여권 발급 안내", "inquiry", "민원여권과",
     "안녕하십니까. 민원여권과입니다.\n\n여권 발급은 신청일부터 근무일 기준 4일 정도 걸리며, 신분증을 가지고 "
     "본인이 직접 찾으셔야 합니다.\n\n(추가 안내)"),
]  # fmt: skip


def build(scale: float = 1.0) -> None:
    from chinjeol.cases.models import AnswerTemplate
    from chinjeol.organization.models import Department

    departments = {d.name: d for d in Department.objects.filter(name__in=[t[2] for t in TEMPLATES if t[2]])}
    AnswerTemplate.objects.bulk_create(
        AnswerTemplate(title=title, kind=kind, department=departments.get(dept) if dept else None, body=body)
        for title, kind, dept, body in TEMPLATES
    )

from django.apps import AppConfig

NOTICE_KINDS = {
    "received": "접수 안내",
    "interim": "중간통지",
    "extension": "연장 안내",
    "transfer": "이송 안내",
    "result": "결과 통지",
    "reminder": "기한 임박 알림",
}


def register_notices() -> None:
    from django.urls import reverse

    from chinjeol.notify.kinds import About, register_about, register_kind

    for code, label in NOTICE_KINDS.items():
        register_kind(code, label)
    register_about(
        About(
            "cases.case", "민원", lambda case: case.receipt_no, lambda pk: reverse("cases:detail", args=[pk])
        )
    )


class CasesConfig(AppConfig):
    name = "chinjeol.cases"
    label = "cases"
    verbose_name = "민원"

    def ready(self):
        from chinjeol.core.privacy import register_subject_type

        register_subject_type("case", "민원")
        register_subject_type("case_customer", "민원인 연락처")
        from datetime import timedelta

        from chinjeol.core import inbox
        from chinjeol.core.navigation import Menu, register
        from chinjeol.core.periodic import register_periodic
        from chinjeol.core.roles import Role
        from chinjeol.kindness import sources

        from .inbox import work_for
        from .mileage import happy_call_links

        inbox.register("cases", work_for)
        register_periodic(
            "chinjeol.cases.tasks.check_compensation", every=timedelta(minutes=10), label="보상 점검"
        )
        register_periodic(
            "chinjeol.cases.tasks.check_reminders", every=timedelta(minutes=10), label="처리기한 임박 알림"
        )
        register_notices()
        sources.register(sources.MileageSource("happy_call", "해피콜 만족도", happy_call_links))

        handlers = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER)
        register(
            Menu(
                "cases",
                "민원 처리함",
                "cases:queue",
                (*handlers, Role.AUDITOR),
                "내 민원, 부서 민원, 기한 임박·경과 민원을 처리합니다",
            )
        )
        register(
            Menu(
                "cases",
                "전화·방문 민원 접수",
                "cases:staff_new",
                handlers,
                "전화·방문·우편·팩스로 받은 민원을 등록하고, 바로 해결했으면 완료합니다",
            )
        )
        register(
            Menu(
                "cases",
                "발송 기록",
                "cases:messages",
                (Role.CS_OFFICER, Role.AUDITOR),
                "접수 안내, 중간통지, 연장·이송·결과 통지의 발송 기록",
            )
        )
        register(
            Menu(
                "cases",
                "민원 신청 (민원인 화면)",
                "cases:citizen_new",
                tuple(Role),
                "민원인이 계정 없이 민원을 내는 공개 화면",
            )
        )
        register(
            Menu(
                "cases",
                "민원 처리 상황 (민원인 화면)",
                "cases:citizen_status",
                tuple(Role),
                "접수번호와 전화번호 뒤 4자리로 처리 상황과 답변을 보는 공개 화면",
            )
        )

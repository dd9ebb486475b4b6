from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "chinjeol.community"
    label = "community"
    verbose_name = "친절 신고·공동체"

    def ready(self):
        from chinjeol.core import exports, inbox
        from chinjeol.core.navigation import Menu, register
        from chinjeol.core.privacy import register_subject_type
        from chinjeol.core.roles import Role

        from .inbox import work_for

        register_subject_type("report", "칭찬·불친절 신고")
        register_subject_type("praisepost", "칭찬 글")
        register_subject_type("kindness_reporter", "신고인 연락처")
        register_subject_type("praise_writer", "칭찬 글 작성자 연락처")
        inbox.register("community", work_for)
        exports.register("community:report_list", "친절·불친절 신고 목록")
        exports.register("community:best_list", "고객만족방 글 목록")
        exports.register("community:praise_manage", "칭찬합시다 글 목록")
        exports.register("community:tasks_all", "할 일 현황")
        exports.register("community:initiatives", "1부서 1친절시책")
        exports.register("community:broadcast", "JOY 방송방 신청")

        from chinjeol.cases import links

        from .case_links import case_note
        from .mileage import register_sources

        register_sources()
        links.register("community", case_note)

        office = (Role.CS_OFFICER, Role.AUDITOR)
        staffish = (Role.STAFF, Role.CS_LEADER, Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)
        menus = [
            Menu(
                "kindness",
                "신고센터 처음",
                "community:hub",
                tuple(Role),
                "친절·불친절 신고센터와 게시판이 한눈에: 처리할 신고, 칭찬글, 스마일 직원",
                group="신고센터",
            ),
            Menu(
                "kindness",
                "친절·불친절 신고 처리",
                "community:report_list",
                office,
                "시민의 칭찬·불친절 신고를 조사하고 인정·불인정을 판정합니다",
                group="신고센터",
            ),
            Menu(
                "kindness",
                "내 할 일",
                "community:tasks",
                staffish,
                "부서장의 사과 전화, 국장의 칭찬 직원 격려, 재발 방지 조치",
                group="신고센터",
            ),
            Menu(
                "kindness",
                "할 일 현황",
                "community:tasks_all",
                office,
                "사과 전화·격려·재발 방지 조치가 기한 안에 끝났는지 봅니다",
                group="신고센터",
            ),
            Menu(
                "kindness",
                "스마일 릴레이",
                "community:relay",
                staffish,
                "친절한 동료를 추천하고 스마일 바통을 이어 갑니다",
                group="함께하기",
            ),
            Menu(
                "kindness",
                "이달의 스마일 직원",
                "community:smile",
                staffish,
                "달마다 선정된 스마일 직원 (선정 시 마일리지 반영)",
                group="함께하기",
            ),
            Menu(
                "kindness",
                "고객만족방",
                "community:best_list",
                staffish,
                "고객만족 우수사례를 나누는 게시판",
                group="함께하기",
            ),
            Menu(
                "kindness",
                "칭찬합시다",
                "community:praise_list",
                tuple(Role),
                "시민이 올린 직원 칭찬글 (승인되면 마일리지 반영)",
                group="함께하기",
            ),
            Menu(
                "kindness",
                "칭찬글 검토",
                "community:praise_manage",
                office,
                "시민 칭찬글을 확인해 게시하고 칭찬받은 직원을 지정합니다",
                group="신고센터",
            ),
            Menu(
                "kindness",
                "JOY 방송방",
                "community:broadcast",
                staffish,
                "사내 방송 사연·신청곡 신청과 처리",
                group="함께하기",
            ),
            Menu(
                "kindness",
                "1부서 1친절시책",
                "community:initiatives",
                (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER),
                "부서별 친절시책의 계획·추진·결과",
                group="함께하기",
            ),
            Menu(
                "kindness",
                "친절·불친절 신고 (시민 화면)",
                "community:report_new",
                tuple(Role),
                "시민이 계정 없이 친절·불친절 직원을 신고하는 공개 화면",
                group="신고센터",
            ),
            Menu(
                "kindness",
                "신고 처리 상황 조회 (시민 화면)",
                "community:report_status",
                tuple(Role),
                "시민이 접수번호와 전화번호 뒤 4자리로 신고 처리 상황을 보는 공개 화면",
                group="신고센터",
            ),
        ]
        for menu in menus:
            register(menu)

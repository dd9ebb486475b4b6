"""The quality pages in the `설문·평가` area (`QualityConfig.ready()` calls `register_menus()`)."""

from __future__ import annotations


def register_menus() -> None:
    from chinjeol.core.navigation import SETTINGS, Menu, register
    from chinjeol.core.roles import Role

    office = (Role.CS_OFFICER, Role.AUDITOR)
    evaluators = (Role.EVALUATOR, Role.CS_LEADER, Role.CS_OFFICER)
    entry, programme = "평가", "품질 관리"
    for menu in (
        Menu("surveys", "평가 입력", "quality:evaluate", evaluators, "평가표로 통화·방문·암행 평가를 채점",
             group=entry),
        Menu("surveys", "평가 결과", "quality:evaluations", tuple(Role), "평가 결과·등급과 이의 신청 (본인·부서 결과)",
             group=entry),
        Menu("surveys", "외부 평가 가져오기", "quality:import", (Role.CS_OFFICER, Role.EVALUATOR),
             "외부 기관 평가 결과 엑셀 파일 등록", group=entry),
        Menu("surveys", "평가표", "quality:scorecards", tuple(Role), "평가 항목·배점·등급 구간과 행동 기준",
             group=entry),
        Menu("surveys", "암행 평가", "quality:mystery", (Role.CS_OFFICER, Role.AUDITOR, Role.EVALUATOR),
             "월간 표본 계획, 배정과 기한, 개선 조치, 월간 검토 회의", group=programme),
        Menu("surveys", "평가 보정", "quality:calibrations", office, "같은 통화를 여러 평가자가 채점한 편차와 추이",
             group=programme),
        Menu("surveys", "서비스 품질 지수", "quality:sqi",
             (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER), "접점·부서·기간별 품질 지수와 추이",
             group=programme),
        Menu("admin", "평가표와 행동 기준", "quality:scorecards", office,
             "평가 항목·배점·등급 구간 (관리 화면에서 새 판)", group=SETTINGS),
    ):  # fmt: skip
        register(menu)

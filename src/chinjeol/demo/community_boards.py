"""The demo's boards (고객만족방, 칭찬합시다, JOY 방송방) and each department's kindness initiative."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.utils import timezone

from chinjeol.charter.calendar import SEOUL
from chinjeol.community import services
from chinjeol.community.models import Report
from chinjeol.organization.models import Department

from .community_texts import BEST_CASES, BROADCASTS, INITIATIVES, PRAISE
from .names import korean_name

if TYPE_CHECKING:
    from .community import _Demo


def _boards(demo: _Demo) -> None:
    rng, now = demo.rng, demo.now
    for report in Report.objects.praise().substantiated().order_by("-decided_at")[:4]:
        services.best_case_from_report(
            report_id=report.pk,
            title=f"시민이 칭찬한 {report.department_text} 이야기",
            body=report.body,
            by=demo.officer,
            now=report.decided_at + timedelta(hours=2),
        )
    authors = [demo.accounts[p.pk] for p in rng.sample(demo.staff, len(BEST_CASES)) if p.pk in demo.accounts]
    for i, ((title, body), author) in enumerate(zip(BEST_CASES, authors, strict=False)):
        at = now - timedelta(days=20 * (len(BEST_CASES) - i) + 1)
        post = services.best_case_submit(
            author=author, title=title, body=body, department_id=author.staff.department_id, now=at
        )
        if i < len(BEST_CASES) - 2:
            services.best_case_moderate(
                post_id=post.pk, status="published", by=demo.officer, now=at + timedelta(days=1)
            )
        elif i == len(BEST_CASES) - 2:
            services.best_case_moderate(
                post_id=post.pk, status="hidden", by=demo.officer, now=at + timedelta(days=1)
            )

    for i in range(12):
        official = demo.stars[i % len(demo.stars)] if i < 9 else rng.choice(demo.staff)
        at = now - timedelta(days=330 - i * 27, hours=rng.randint(0, 6))
        post = services.praise_post_submit(
            intake=services.PraiseIntake(
                title=f"{official.department.name} {official.name}님 고맙습니다",
                body=rng.choice(PRAISE),
                official_name=official.name,
                department_text=official.department.name,
                writer_name=korean_name(rng),
                writer_phone=demo.phone() if rng.random() < 0.5 else "",
                consent=True,
            ),
            now=at,
        )
        if i < 9:
            services.praise_post_approve(
                post_id=post.pk, official_id=official.pk, by=demo.officer, now=at + timedelta(days=1)
            )
        elif i == 9:
            services.praise_post_hide(
                post_id=post.pk,
                by=demo.officer,
                now=at + timedelta(days=1),
                note="칭찬 대상 직원을 확인할 수 없음",
            )

    requesters = [
        demo.accounts[p.pk] for p in rng.sample(demo.staff, len(BROADCASTS)) if p.pk in demo.accounts
    ]
    for i, ((title, content), requester) in enumerate(zip(BROADCASTS, requesters, strict=False)):
        asked = now - timedelta(days=(len(BROADCASTS) - i) * 25)
        requested_on = timezone.localtime(asked).date() + timedelta(days=7)
        if i >= len(BROADCASTS) - 2:
            asked, requested_on = (
                now - timedelta(days=1),
                timezone.localtime(now).date() + timedelta(days=5 + i),
            )
        row = services.broadcast_request(
            requester=requester, title=title, content=content, requested_on=requested_on, now=asked
        )
        if i >= len(BROADCASTS) - 2:
            continue
        decided = asked + timedelta(days=1)
        if i == 2:
            services.broadcast_decide(
                request_id=row.pk,
                status="declined",
                note="같은 주에 비슷한 사연이 방송되어 다음 기회에 소개합니다.",
                by=demo.officer,
                now=decided,
            )
            continue
        services.broadcast_decide(request_id=row.pk, status="approved", by=demo.officer, now=decided)
        if requested_on < timezone.localtime(now).date():
            services.broadcast_decide(
                request_id=row.pk,
                status="aired",
                aired_on=requested_on,
                by=demo.officer,
                now=decided + timedelta(days=7),
            )


def _initiatives(demo: _Demo) -> None:
    rng, now = demo.rng, demo.now
    this_year = timezone.localtime(now).year
    divisions = Department.objects.active().filter(kind=Department.Kind.DIVISION).order_by("sort_order")
    for year in (this_year - 1, this_year):
        for i, division in enumerate(divisions):
            by = demo.head_of(division.pk) or demo.officer
            title, goal, actions = INITIATIVES[(i + year) % len(INITIATIVES)]
            registered = min(now - timedelta(days=1), datetime(year, 2, 10 + i % 15, 10, tzinfo=SEOUL))
            initiative = services.initiative_save(
                department_id=division.pk,
                year=year,
                title=title,
                goal=goal,
                planned_actions=actions,
                by=by,
                now=registered,
            )
            roll = rng.random()
            if year == this_year and roll < 0.15:
                continue  # only planned so far
            for month in (4, 7, 10):
                noted = datetime(year, month, 15, 15, tzinfo=SEOUL)
                if noted < now:
                    services.initiative_progress_add(
                        initiative_id=initiative.pk,
                        note=f"{month}월 추진: {actions.split(',')[0]} 실시",
                        by=by,
                        now=noted,
                    )
            if year < this_year or roll > 0.7:
                reported = min(now - timedelta(hours=1), datetime(year, 12, 10, 11, tzinfo=SEOUL))
                services.initiative_report(
                    initiative_id=initiative.pk,
                    achievement=f"{goal} — 목표 대비 성과를 거두었습니다.",
                    achievement_rate=rng.randint(70, 100),
                    by=by,
                    now=reported,
                )

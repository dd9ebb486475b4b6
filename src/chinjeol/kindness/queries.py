"""Reads of the kindness ledger: the rules in force, period scores, rankings, breakdowns."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone

from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.errors import NotFound, PermissionDenied
from chinjeol.core.memo import register_clear, ttl_cached
from chinjeol.core.periods import Period
from chinjeol.core.roles import Role
from chinjeol.organization.models import Department, Staff

from . import rules
from .models import DepartmentDeduction, EvaluationItem, EvaluationItemVersion, MileageEntry, ScoreSettings

BOARD_ROLES = frozenset({Role.DEPT_HEAD, Role.CS_LEADER})
ORG_ROLES = (Role.CS_OFFICER, Role.AUDITOR)


@ttl_cached(30)
def score_rules(
    at: datetime | None = None,
) -> tuple[rules.ScoreRules, rules.Thresholds, dict[str, EvaluationItem]]:
    at = at or timezone.now()
    items = {i.code: i for i in EvaluationItem.objects.all()}
    versions: dict[int, EvaluationItemVersion] = {}
    for v in EvaluationItemVersion.objects.filter(valid_from__lte=at).order_by(
        "item_id", "-valid_from", "-version"
    ):
        versions.setdefault(v.item_id, v)
    item_rules = tuple(
        rules.ItemRule(
            i.code, i.name, i.sign, versions[i.pk].points_per_event, versions[i.pk].cap, versions[i.pk].weight
        )
        for i in items.values()
        if i.pk in versions
    )
    s = ScoreSettings.objects.filter(valid_from__lte=at).order_by("-valid_from", "-version").first()
    base = s.base if s else Decimal("75")
    thresholds = rules.Thresholds(s.blue, s.green, s.yellow, s.orange) if s else rules.DEFAULT_THRESHOLDS
    return rules.ScoreRules(base=base, items=item_rules), thresholds, items


register_clear(score_rules.cache_clear)


def _period_filter(period: Period) -> Q:
    if period.kind == "month":
        return Q(year=period.year, month=period.number)
    if period.kind == "half":
        return Q(year=period.year, half=period.number)
    return Q(year=period.year)


def item_totals(period: Period, staff_ids=None) -> dict[int, dict[str, Decimal]]:
    """staff id → item code → the period's sum of points (one GROUP BY query)."""
    qs = MileageEntry.objects.filter(_period_filter(period))
    if staff_ids is not None:
        qs = qs.filter(staff_id__in=staff_ids)
    codes = dict(EvaluationItem.objects.values_list("id", "code"))
    totals: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for staff_id, item_id, total in (
        qs.values_list("staff_id", "item_id").annotate(total=Sum("points")).order_by()
    ):
        totals[staff_id][codes[item_id]] = total
    return totals


def staff_scores(period: Period, staff_ids=None) -> dict[int, rules.StaffScore]:
    """Every active staff member's score for the period (people without entries score the base)."""
    score_rules_, _t, _i = score_rules()
    people = Staff.objects.active()
    if staff_ids is not None:
        people = people.filter(pk__in=staff_ids)
    totals = item_totals(period, staff_ids)
    return {
        sid: rules.staff_score(totals.get(sid, {}), score_rules_)
        for sid in people.values_list("id", flat=True)
    }


def department_ranking(period: Period) -> list[dict]:
    """Every department with members: score, signal, rank, members (deductions of the half-year apply)."""
    _r, thresholds, _i = score_rules()
    scores = staff_scores(period)
    members: dict[int, list] = defaultdict(list)
    for sid, did in Staff.objects.active().values_list("id", "department_id"):
        members[did].append(scores[sid].score)
    half = period if period.kind == "half" else None
    deductions: dict[int, Decimal] = defaultdict(Decimal)
    dq = DepartmentDeduction.objects.filter(year=period.year)
    if half is not None:
        dq = dq.filter(half=half.number)
    elif period.kind == "month":
        dq = dq.filter(half=1 if period.number <= 6 else 2)
    for did, points in dq.values_list("department_id").annotate(total=Sum("points")).order_by():
        deductions[did] = points
    all_scores = [s.score for s in scores.values()]
    org_mean = sum(all_scores, Decimal(0)) / len(all_scores) if all_scores else None
    rows = []
    for department in Department.objects.active():
        if not members.get(department.pk):
            continue
        d = rules.department_score(
            members[department.pk], deductions[department.pk], organisation_mean=org_mean
        )
        rows.append(
            {
                "id": department.pk,
                "name": department.name,
                "score": d.score,
                "members": d.members,
                "deduction": d.deduction,
                "note": d.note,
                "signal": rules.traffic_light(d.score, thresholds),
            }
        )
    ranks = dict(rules.rank([(r["id"], r["score"]) for r in rows]))
    for r in rows:
        r["rank"] = ranks[r["id"]]
    rows.sort(key=lambda r: (r["rank"] or 10**6, r["name"]))
    return rows


def can_view_staff(user, staff: Staff) -> bool:
    if getattr(user, "staff_id", None) == staff.pk or has_role(user, *ORG_ROLES):
        return True
    scope = scoped_department_ids(user, roles=BOARD_ROLES)
    return bool(scope) and staff.department_id in scope


def get_staff_for_user(user, staff_id: int) -> Staff:
    staff = Staff.objects.select_related("department").filter(pk=staff_id).first()
    if staff is None:
        raise NotFound("직원을 찾을 수 없습니다.")
    if not can_view_staff(user, staff):
        raise PermissionDenied("이 직원의 친절 점수를 볼 권한이 없습니다.")
    return staff


def _monthly_trend(
    staff_id: int, score_rules_: rules.ScoreRules, months: int = 6
) -> list[tuple[Period, Decimal]]:
    """The last `months` monthly scores of one person from a single GROUP BY query."""
    last = Period.containing(timezone.localdate(), "month")
    periods = [last]
    for _ in range(months - 1):
        periods.insert(0, periods[0].previous())
    first = periods[0]
    codes = dict(EvaluationItem.objects.values_list("id", "code"))
    totals: dict[tuple[int, int], dict[str, Decimal]] = defaultdict(dict)
    rows = (
        MileageEntry.objects.filter(
            staff_id=staff_id, occurred_at__gte=_start(first), occurred_at__lt=_start(last, end=True)
        )
        .values_list("year", "month", "item_id")
        .annotate(total=Sum("points"))
        .order_by()
    )
    for year, month, item_id, total in rows:
        totals[(year, month)][codes[item_id]] = total
    return [(p, rules.staff_score(totals.get((p.year, p.number), {}), score_rules_).score) for p in periods]


def _start(period: Period, *, end: bool = False) -> datetime:
    return timezone.make_aware(datetime.combine(period.end if end else period.start, datetime.min.time()))


def staff_breakdown(staff: Staff, period: Period) -> dict:
    score_rules_, thresholds, items = score_rules()
    mine = rules.staff_score(item_totals(period, [staff.pk]).get(staff.pk, {}), score_rules_)
    colleagues = list(
        Staff.objects.active().filter(department_id=staff.department_id).values_list("id", flat=True)
    )
    dept_scores = staff_scores(period, colleagues)
    averages = (
        {
            item.code: (
                sum((s.contributions[item.code] for s in dept_scores.values()), Decimal(0)) / len(dept_scores)
            ).quantize(rules.TWO)
            for item in score_rules_.items
        }
        if dept_scores
        else {}
    )
    weakest = rules.weakest_item(mine.contributions, score_rules_, averages)
    trend = _monthly_trend(staff.pk, score_rules_)
    start = timezone.make_aware(datetime.combine(period.start, datetime.min.time()))
    end = timezone.make_aware(datetime.combine(period.end, datetime.min.time()))
    entries = MileageEntry.objects.filter(
        staff=staff, occurred_at__gte=start, occurred_at__lt=end
    ).select_related("item", "registered_by", "registered_by__staff")
    return {
        "score": mine.score,
        "signal": rules.traffic_light(mine.score, thresholds),
        "items": [
            {
                "code": i.code,
                "name": i.name,
                "contribution": mine.contributions[i.code],
                "cap": i.cap,
                "department_average": averages.get(i.code),
                "advice": items[i.code].advice,
            }
            for i in score_rules_.items
        ],
        "weakest": items[weakest] if weakest else None,
        "entries": entries,
        "trend": trend,
        "thresholds": thresholds,
    }

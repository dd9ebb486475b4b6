"""Reads of the surveys app: the phone list, catch-calls, happy-call results, survey results, publications."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Avg, Count, Q, QuerySet

from chinjeol.cases.models import Case
from chinjeol.charter.calendar import SEOUL
from chinjeol.core.access import has_role, scoped_department_ids
from chinjeol.core.roles import Role

from . import rules
from .models import Answer, HappyCall, Question, Survey

OFFICE = (Role.CS_OFFICER, Role.AUDITOR)
RESULT_READERS = (Role.CS_OFFICER, Role.AUDITOR, Role.DEPT_HEAD, Role.CS_LEADER)
PHONE_TEAM = (Role.CS_OFFICER, Role.AUDITOR)  # the happy-call team works in the CS office
CATCH_CALLERS = (Role.DEPT_HEAD, Role.CS_OFFICER, Role.AUDITOR)
GROUPS = {
    "department": ("부서", "case__department_id", "case__department__name"),
    "channel": ("접수 경로", "case__channel", None),
    "kind": ("민원 종류", "case__kind", None),
    "person": ("담당자", "case__assignee_id", "case__assignee__name"),
}


def published_count(start: date, end: date) -> int:
    """How many satisfaction surveys had their results published between `start` and `end` (both included)."""
    low = datetime.combine(start, time.min, tzinfo=SEOUL)
    high = datetime.combine(end + timedelta(days=1), time.min, tzinfo=SEOUL)
    return Survey.objects.filter(published_at__gte=low, published_at__lt=high).count()


# --- happy-calls ----------------------------------------------------------------------------------------


def happy_call_by_token(token: str) -> HappyCall | None:
    if not token:
        return None
    return HappyCall.objects.select_related("case", "case__department").filter(token=token).first()


def happy_call_of_case(case_id: int) -> HappyCall | None:
    return HappyCall.objects.filter(case_id=case_id).first()


def happy_calls_for(user) -> QuerySet[HappyCall]:
    """Every happy-call for the CS office; a head's or CS leader's departments (and those below)."""
    qs = HappyCall.objects.select_related("case", "case__department", "case__assignee")
    if has_role(user, *OFFICE):
        return qs
    if not has_role(user, Role.DEPT_HEAD, Role.CS_LEADER):
        return qs.none()
    departments = scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD, Role.CS_LEADER})) or set()
    return qs.filter(case__department_id__in=departments)


def phone_list(now: datetime) -> QuerySet[HappyCall]:
    """Unanswered 3 days after the SMS: the happy-call team's calls to make, oldest first."""
    return (
        HappyCall.objects.select_related("case", "case__department", "case__assignee")
        .filter(status=HappyCall.Status.WAITING, send_at__lte=now - rules.PHONE_AFTER)
        .order_by("send_at", "id")
    )


def catch_calls_for(user, *, done: bool = False) -> QuerySet[HappyCall]:
    """Dissatisfied answers waiting for (or given) the department head's catch-call, in the user's reach."""
    if has_role(user, *OFFICE):
        qs = HappyCall.objects.all()
    elif has_role(user, Role.DEPT_HEAD):
        departments = scoped_department_ids(user, roles=frozenset({Role.DEPT_HEAD})) or set()
        qs = HappyCall.objects.filter(case__department_id__in=departments)
    else:
        return HappyCall.objects.none()
    qs = qs.select_related("case", "case__department", "case__assignee", "catch_by").filter(dissatisfied=True)
    if done:
        return qs.filter(catch_done_at__isnull=False).order_by("-catch_done_at")
    return qs.filter(catch_done_at__isnull=True).order_by("catch_due_at", "id")


def _period(start: date, end: date) -> tuple[datetime, datetime]:
    return (
        datetime.combine(start, time.min, tzinfo=SEOUL),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=SEOUL),
    )


@dataclass(frozen=True)
class ResultRow:
    key: object
    label: str
    sent: int
    answered: int
    rate: Decimal | None
    means: tuple[Decimal | None, ...]  # result, kindness, speed, overall
    dissatisfied: int


def sent_in(user, start: date, end: date, now: datetime) -> QuerySet[HappyCall]:
    low, high = _period(start, end)
    return happy_calls_for(user).filter(send_at__gte=low, send_at__lt=high, send_at__lte=now)


def happy_results(user, start: date, end: date, by: str, now: datetime) -> tuple[list[ResultRow], ResultRow]:
    """Sent, answered, response rate, mean score per question and dissatisfied answers per group."""
    _title, key, name = GROUPS[by]
    answered = Q(status=HappyCall.Status.ANSWERED)
    figures = {
        "sent": Count("id"),
        "answered": Count("id", filter=answered),
        "dissatisfied": Count("id", filter=Q(dissatisfied=True)),
        **{f"m{i}": Avg(field, filter=answered) for i, (field, _q) in enumerate(rules.HAPPY_QUESTIONS)},
    }
    qs = sent_in(user, start, end, now)
    fields = [key, name] if name else [key]
    rows = []
    labels = _labels(by)
    for row in qs.order_by().values(*fields).annotate(**figures):
        label = row[name] if name else labels.get(row[key], row[key])
        rows.append(_row(row[key], label or "미배정", row))
    rows.sort(key=lambda r: (-r.sent, r.label))
    total = _row(None, "합계", qs.order_by().aggregate(**figures))
    return rows, total


def _labels(by: str) -> dict:
    if by == "channel":
        return dict(Case.Channel.choices)
    if by == "kind":
        return dict(Case.Kind.choices)
    return {}


def _row(key, label: str, row: dict) -> ResultRow:
    means = tuple(
        None if row[f"m{i}"] is None else Decimal(str(row[f"m{i}"])).quantize(Decimal("0.01"))
        for i in range(len(rules.HAPPY_QUESTIONS))
    )
    return ResultRow(
        key,
        str(label),
        row["sent"],
        row["answered"],
        rules.response_rate(row["answered"], row["sent"]),
        means,
        row["dissatisfied"],
    )


def happy_comments(user, start: date, end: date, now: datetime) -> QuerySet[HappyCall]:
    """Answers with a comment (masked when stored), newest first."""
    return (
        sent_in(user, start, end, now)
        .filter(status=HappyCall.Status.ANSWERED)
        .exclude(comment="")
        .order_by("-answered_at")
    )


# --- satisfaction surveys ------------------------------------------------------------------------------


def surveys() -> QuerySet[Survey]:
    return Survey.objects.annotate(n_responses=Count("responses"))


def survey(survey_id: int) -> Survey | None:
    return Survey.objects.filter(pk=survey_id).first()


def survey_by_token(token: str) -> Survey | None:
    return Survey.objects.filter(token=token).first() if token else None


def published_surveys() -> QuerySet[Survey]:
    return Survey.objects.filter(published_at__isnull=False).order_by("-published_at")


def published_survey(survey_id: int) -> Survey | None:
    return published_surveys().filter(pk=survey_id).first()


@dataclass
class QuestionResult:
    question: Question
    count: int
    distribution: list[tuple[str, int]]
    mean: Decimal | None
    nps: int | None
    texts: list[str]


def survey_results(survey: Survey, *, texts: int = 50) -> list[QuestionResult]:
    """Per question: how many answered, the distribution of the answers, the mean (scales), NPS, texts."""
    out = []
    for q in survey.questions.all():
        answers = Answer.objects.filter(question=q)
        if q.kind in rules.NUMBER_KINDS:
            numbers = list(answers.values_list("number", flat=True))
            out.append(
                QuestionResult(
                    q,
                    len(numbers),
                    rules.distribution(q.kind, numbers),
                    rules.mean(numbers) if q.kind != "nps" else None,
                    rules.nps(numbers) if q.kind == "nps" else None,
                    [],
                )
            )
        elif q.kind in rules.CHOICE_KINDS:
            picked = list(answers.values_list("choices", flat=True))
            out.append(
                QuestionResult(q, len(picked), rules.distribution(q.kind, picked, q.options), None, None, [])
            )
        else:
            found = answers.exclude(text="").order_by("-id")
            out.append(
                QuestionResult(
                    q, found.count(), [], None, None, list(found.values_list("text", flat=True)[:texts])
                )
            )
    return out


def closed_questions(survey: Survey) -> list[Question]:
    return [q for q in survey.questions.all() if q.kind != Question.Kind.TEXT]


def _labels_of(q: Question) -> list[str]:
    if q.kind in rules.NUMBER_KINDS:
        return [f"{v}점" for v in rules.value_range(q.kind)]
    return list(q.options)


def _keys_by_response(q: Question) -> dict[int, list[int]]:
    """Response id → the indexes into `_labels_of(q)` it answered."""
    out: dict[int, list[int]] = {}
    if q.kind in rules.NUMBER_KINDS:
        first = rules.value_range(q.kind).start
        for rid, number in Answer.objects.filter(question=q).values_list("response_id", "number"):
            out[rid] = [number - first]
    else:
        for rid, choices in Answer.objects.filter(question=q).values_list("response_id", "choices"):
            out[rid] = list(choices or [])
    return out


def crosstab(row_q: Question, col_q: Question) -> tuple[list[str], list[tuple[str, list[int], int]]]:
    """Counts of responses by the answer to `row_q` (rows) and to `col_q` (columns), with row totals."""
    rows_of, cols_of = _keys_by_response(row_q), _keys_by_response(col_q)
    row_labels, col_labels = _labels_of(row_q), _labels_of(col_q)
    grid = [[0] * len(col_labels) for _ in row_labels]
    for rid, row_keys in rows_of.items():
        for r in row_keys:
            for c in cols_of.get(rid, ()):
                if 0 <= r < len(row_labels) and 0 <= c < len(col_labels):
                    grid[r][c] += 1
    return col_labels, [(label, counts, sum(counts)) for label, counts in zip(row_labels, grid, strict=True)]


def export_rows(survey: Survey):
    """One row per response: when, channel, then each question's answer in words."""
    questions = list(survey.questions.all())
    by_response: dict[int, dict[int, Answer]] = {}
    for a in Answer.objects.filter(response__survey=survey).order_by("response_id"):
        by_response.setdefault(a.response_id, {})[a.question_id] = a
    headers = ["응답 번호", "응답 시각", "응답 경로", *[q.text for q in questions]]
    rows = []
    for response in survey.responses.order_by("id"):
        answers = by_response.get(response.pk, {})
        cells = [_cell(q, answers.get(q.pk)) for q in questions]
        rows.append(
            [
                response.pk,
                response.submitted_at.astimezone(SEOUL).replace(tzinfo=None),
                response.get_channel_display(),
                *cells,
            ]
        )
    return headers, rows


def _cell(q: Question, answer: Answer | None):
    if answer is None:
        return ""
    if q.kind in rules.NUMBER_KINDS:
        return answer.number
    if q.kind in rules.CHOICE_KINDS:
        return ", ".join(q.options[i] for i in answer.choices or () if i < len(q.options))
    return answer.text


def response_count(survey: Survey) -> int:
    return survey.responses.count()

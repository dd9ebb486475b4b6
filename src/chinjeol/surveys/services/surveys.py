"""Satisfaction surveys: build, open and close, invite by SMS, take anonymous answers, publish the results."""

from __future__ import annotations

import secrets
from datetime import date, datetime

from django.db import transaction

from chinjeol.core.errors import DomainError
from chinjeol.core.workflow import locked
from chinjeol.korean.pii import mask_pii, normalize_phone

from .. import notices, rules
from ..models import Answer, Question, Response, Survey

MAX_INVITES = 500


class AnswerErrors(DomainError):
    """Some questions were left unanswered or answered wrongly: `errors` maps each field to its message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("invalid", "답하지 않았거나 맞지 않는 문항이 있습니다.")
        self.errors = errors


def _survey(survey_id: int) -> Survey:
    return locked(Survey, survey_id, missing="조사를 찾을 수 없습니다.")


@transaction.atomic
def survey_create(
    *, title: str, intro: str = "", is_annual: bool = False, opens_on: date | None, closes_on: date | None, by
) -> Survey:
    title = (title or "").strip()
    if len(title) < 2:
        raise DomainError("required", "조사 제목을 적어 주세요.", field="title")
    if opens_on and closes_on and closes_on < opens_on:
        raise DomainError("invalid", "마감일은 시작일 뒤여야 합니다.", field="closes_on")
    return Survey.objects.create(
        title=title[:200],
        intro=(intro or "").strip(),
        is_annual=is_annual,
        opens_on=opens_on,
        closes_on=closes_on,
        token=secrets.token_urlsafe(9),
        created_by=by,
    )


@transaction.atomic
def question_add(
    *, survey_id: int, kind: str, text: str, options: list[str], required: bool = True
) -> Question:
    survey = _survey(survey_id)
    if survey.status != Survey.Status.DRAFT:
        raise DomainError("state", "응답을 받기 시작한 조사의 문항은 바꿀 수 없습니다.")
    if kind not in Question.Kind.values:
        raise DomainError("invalid", "문항 유형을 골라 주세요.", field="kind")
    text = (text or "").strip()
    if len(text) < 2:
        raise DomainError("required", "질문을 적어 주세요.", field="text")
    options = [o.strip()[:100] for o in options if o and o.strip()]
    if kind in rules.CHOICE_KINDS and len(options) < 2:
        raise DomainError("invalid", "고르기 문항에는 보기를 두 개 이상 적어 주세요.", field="options")
    if kind not in rules.CHOICE_KINDS:
        options = []
    order = survey.questions.count() + 1
    return Question.objects.create(
        survey=survey, order=order, kind=kind, text=text[:300], options=options, required=required
    )


@transaction.atomic
def question_remove(*, question_id: int) -> None:
    question = Question.objects.select_related("survey").filter(pk=question_id).first()
    if question is None:
        raise DomainError("not_found", "문항을 찾을 수 없습니다.", status=404)
    if question.survey.status != Survey.Status.DRAFT:
        raise DomainError("state", "응답을 받기 시작한 조사의 문항은 바꿀 수 없습니다.")
    question.delete()


@transaction.atomic
def survey_set_status(*, survey_id: int, status: str) -> Survey:
    survey = _survey(survey_id)
    allowed = {
        Survey.Status.DRAFT: {Survey.Status.OPEN},
        Survey.Status.OPEN: {Survey.Status.CLOSED},
        Survey.Status.CLOSED: {Survey.Status.OPEN},
    }
    if status not in allowed[Survey.Status(survey.status)]:
        raise DomainError("state", "지금 상태에서는 할 수 없는 일입니다.")
    if status == Survey.Status.OPEN and not survey.questions.exists():
        raise DomainError("state", "문항을 하나 이상 만든 뒤 시작하세요.")
    survey.status = status
    survey.save(update_fields=["status", "updated_at"])
    return survey


@transaction.atomic
def survey_invite(*, survey_id: int, phones: list[str], now: datetime) -> int:
    """Send the link by SMS to each number once; the numbers are not kept with the answers (anonymous)."""
    survey = _survey(survey_id)
    if survey.status != Survey.Status.OPEN:
        raise DomainError("state", "응답을 받는 중인 조사만 보낼 수 있습니다.")
    numbers, wrong = [], []
    for raw in (p.strip() for p in phones):
        if not raw:
            continue
        try:
            number = normalize_phone(raw)
        except ValueError:
            wrong.append(raw)
            continue
        if number not in numbers:
            numbers.append(number)
    if wrong:
        shown = ", ".join(wrong[:3]) + (f" 외 {len(wrong) - 3}개" if len(wrong) > 3 else "")
        raise DomainError("invalid", f"전화번호 형식이 올바르지 않습니다: {shown}", field="phones")
    if not numbers:
        raise DomainError("required", "휴대전화 번호를 한 줄에 하나씩 적어 주세요.", field="phones")
    if len(numbers) > MAX_INVITES:
        raise DomainError("invalid", f"한 번에 {MAX_INVITES}명까지 보낼 수 있습니다.", field="phones")
    for number in numbers:
        notices.queue_survey_invitation(survey, phone=number, now=now)
    return len(numbers)


@transaction.atomic
def survey_submit(*, survey: Survey, data: dict[str, list[str]], channel: str, now: datetime) -> Response:
    """One anonymous answer sheet. `data` maps "q<id>" to the submitted strings. Errors come back together
    in a DomainError whose `errors` maps the same keys to Korean messages."""
    if survey.status != Survey.Status.OPEN:
        raise DomainError("state", "지금은 응답을 받지 않는 조사입니다.")
    questions = list(survey.questions.all())
    values, errors = {}, {}
    for q in questions:
        try:
            values[q.pk] = rules.check_answer(
                q.kind, data.get(f"q{q.pk}", []), q.options, required=q.required
            )
        except ValueError as error:
            errors[f"q{q.pk}"] = str(error)
    if errors:
        raise AnswerErrors(errors)
    channel = channel if channel in Response.Channel.values else Response.Channel.LINK
    response = Response.objects.create(survey=survey, channel=channel, submitted_at=now)
    Answer.objects.bulk_create(
        [_answer(response, q, values[q.pk]) for q in questions if values[q.pk] is not None]
    )
    return response


def _answer(response: Response, question: Question, value) -> Answer:
    if question.kind in rules.NUMBER_KINDS:
        return Answer(response=response, question=question, number=value)
    if question.kind in rules.CHOICE_KINDS:
        return Answer(response=response, question=question, choices=value)
    return Answer(response=response, question=question, text=mask_pii(value).text)


@transaction.atomic
def survey_publish(*, survey_id: int, findings: str, actions: str, now: datetime) -> Survey:
    """Publish the results on the public pages with the improvement actions decided."""
    survey = _survey(survey_id)
    if survey.status != Survey.Status.CLOSED:
        raise DomainError("state", "마감한 조사만 결과를 공개할 수 있습니다.")
    if not [line for line in (actions or "").splitlines() if line.strip()]:
        raise DomainError(
            "required", "결과를 보고 정한 개선 조치를 한 줄에 하나씩 적어 주세요.", field="actions"
        )
    survey.findings = (findings or "").strip()
    survey.actions = actions.strip()
    survey.published_at = now
    survey.save(update_fields=["findings", "actions", "published_at", "updated_at"])
    return survey

"""Learning: opening a material, taking the quiz, attending a session, and completion — which closes the
person's assignment of the course and becomes one 교육 이수 mileage entry linked to the completion."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from chinjeol.core.errors import DomainError
from chinjeol.kindness.services import mileage_record

from .. import rules
from ..models import Assignment, Attendance, Completion, Course, Material, QuizAttempt, Session, Statement
from .statements import statement_record

MILEAGE_ITEM = "training"
SOURCE_TYPE = "training_completion"


def cycle_of(moment: datetime) -> int:
    return timezone.localtime(moment).year


def material_viewed(*, staff, material: Material, now: datetime) -> Statement | None:
    """An `experienced` statement, once per person, material and day."""
    day = timezone.localdate(now)
    seen = Statement.objects.filter(
        actor=staff,
        verb=Statement.Verb.EXPERIENCED,
        object_type=Statement.ObjectType.MATERIAL,
        object_id=str(material.pk),
        timestamp__date=day,
    ).exists()
    if seen:
        return None
    return statement_record(
        actor=staff,
        verb=Statement.Verb.EXPERIENCED,
        object_type=Statement.ObjectType.MATERIAL,
        object_id=material.pk,
        object_name=f"{material.course.title} — {material.title}",
        at=now,
    )


@transaction.atomic
def quiz_submit(*, staff, course: Course, answers: dict[int, int | None], now: datetime) -> QuizAttempt:
    """Grade the answers against the course's questions; passing completes the course."""
    key = dict(course.questions.values_list("id", "answer"))
    if not key:
        raise DomainError("no_quiz", "이 과정에는 평가 문항이 없습니다.")
    result = rules.grade(answers, key, course.pass_mark)
    attempt = QuizAttempt.objects.create(
        staff=staff,
        course=course,
        at=now,
        correct=result.correct,
        total=result.total,
        score=result.score,
        passed=result.passed,
        answers={str(q): a for q, a in answers.items() if q in key},
    )
    outcome = {"score": {"scaled": round(result.score / 100, 2), "raw": result.correct, "min": 0,
                         "max": result.total}, "success": result.passed}  # fmt: skip
    statement_record(
        actor=staff,
        verb=Statement.Verb.PASSED if result.passed else Statement.Verb.FAILED,
        object_type=Statement.ObjectType.COURSE,
        object_id=course.code,
        object_name=course.title,
        at=now,
        result=outcome,
    )
    if result.passed:
        completion_record(staff=staff, course=course, via=Completion.Via.QUIZ, now=now, score=result.score)
    return attempt


@transaction.atomic
def completion_record(
    *,
    staff,
    course: Course,
    via: str,
    now: datetime,
    score: int | None = None,
    session: Session | None = None,
) -> tuple[Completion, bool]:
    """Record that `staff` completed `course` this year (once per year), close their open assignments of it
    (one made late last year for January included), append the
    `completed` statement and the 교육 이수 mileage entry (source: this completion)."""
    cycle = cycle_of(now)
    existing = Completion.objects.filter(staff=staff, course=course, cycle=cycle).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            completion = Completion.objects.create(
                staff=staff,
                course=course,
                cycle=cycle,
                completed_at=now,
                via=via,
                score=score,
                session=session,
            )
    except IntegrityError:
        return Completion.objects.get(staff=staff, course=course, cycle=cycle), False
    Assignment.objects.filter(staff=staff, course=course, completed_at__isnull=True).update(completed_at=now)
    statement_record(
        actor=staff,
        verb=Statement.Verb.COMPLETED,
        object_type=Statement.ObjectType.COURSE,
        object_id=course.code,
        object_name=course.title,
        at=now,
        result={
            "completion": True,
            **({"score": {"scaled": round(score / 100, 2)}} if score is not None else {}),
        },
    )
    mileage_record(
        staff=staff,
        item_code=MILEAGE_ITEM,
        occurred_at=now,
        source_type=SOURCE_TYPE,
        source_id=completion.pk,
        source_label=f"교육 이수: {course.title}",
        note=f"{completion.get_via_display()}" + (f" ({score}점)" if score is not None else ""),
    )
    return completion, True


@transaction.atomic
def session_create(
    *, kind: str, title: str, starts_at: datetime, by, course: Course | None = None, department=None,
    place: str = "",
) -> Session:  # fmt: skip
    title = (title or "").strip()
    if not title:
        raise DomainError("required", "제목을 적어 주세요.", field="title")
    if kind not in Session.Kind.values:
        raise DomainError("invalid", "구분을 골라 주세요.", field="kind")
    return Session.objects.create(
        kind=kind,
        title=title[:100],
        starts_at=starts_at,
        course=course,
        department=department,
        place=(place or "").strip()[:100],
        led_by=by,
    )


@transaction.atomic
def attendance_record(*, session: Session, present_ids: set[int], candidates: list, by, now: datetime) -> int:
    """Mark who of `candidates` attended `session` (present or absent, once each); every person present gets an
    `attended` statement and, when the session teaches a course, its completion. Returns how many attended."""
    if session.starts_at > now:
        raise DomainError("not_yet", "교육이 열리기 전에는 출석을 기록할 수 없습니다.", field="present")
    done = set(Attendance.objects.filter(session=session).values_list("staff_id", flat=True))
    attended = 0
    for staff in candidates:
        if staff.pk in done:
            continue
        present = staff.pk in present_ids
        Attendance.objects.create(
            session=session, staff=staff, present=present, recorded_at=now, recorded_by=by
        )
        if not present:
            continue
        attended += 1
        statement_record(
            actor=staff,
            verb=Statement.Verb.ATTENDED,
            object_type=Statement.ObjectType.SESSION,
            object_id=session.pk,
            object_name=session.title,
            at=session.starts_at,
        )
        if session.course is not None:
            completion_record(
                staff=staff, course=session.course, via=Completion.Via.ATTENDANCE, now=now, session=session
            )
    return attended


@transaction.atomic
def completions_bulk(rows: list[tuple], *, source_label_prefix: str = "교육 이수") -> int:
    """Record many past completions at once — (staff, course, completed_at, via, score) — with the same effects
    as `completion_record` (open assignments closed, a `completed` statement, one 교육 이수 mileage entry each),
    written in a few bulk statements: for a year of history (the demo) or an import from another system.
    Rows already completed that year are skipped. Returns the completions written."""
    from chinjeol.kindness.models import EvaluationItem, MileageEntry
    from chinjeol.kindness.services.ledger import entry_points, ledger_changed, period_fields

    have = set(Completion.objects.values_list("staff_id", "course_id", "cycle"))
    fresh = []
    for staff, course, at, via, score in sorted(rows, key=lambda r: r[2]):
        key = (staff.pk, course.pk, cycle_of(at))
        if key in have:
            continue
        have.add(key)
        fresh.append(
            Completion(staff=staff, course=course, cycle=key[2], completed_at=at, via=via, score=score)
        )
    Completion.objects.bulk_create(fresh)
    if not fresh:
        return 0
    if fresh[0].pk is None:  # a backend that does not return ids: read them back
        ids = {
            (c.staff_id, c.course_id, c.cycle): c.pk
            for c in Completion.objects.filter(completed_at__gte=fresh[0].completed_at)
        }
        for c in fresh:
            c.pk = ids[(c.staff_id, c.course_id, c.cycle)]
    done_at_times: dict[tuple[int, int], list[datetime]] = {}
    for c in fresh:  # sorted by time: an open assignment is closed by the first completion after it was made
        done_at_times.setdefault((c.staff_id, c.course_id), []).append(c.completed_at)
    closing = []
    for a in Assignment.objects.filter(
        completed_at__isnull=True,
        staff_id__in={c.staff_id for c in fresh},
        course_id__in={c.course_id for c in fresh},
    ).only("id", "staff_id", "course_id", "assigned_at"):
        done_at = next(
            (t for t in done_at_times.get((a.staff_id, a.course_id), []) if t >= a.assigned_at), None
        )
        if done_at is not None:
            a.completed_at = done_at
            closing.append(a)
    Assignment.objects.bulk_update(closing, ["completed_at"], batch_size=500)
    Statement.objects.bulk_create(
        [
            Statement(
                actor=c.staff,
                verb=Statement.Verb.COMPLETED,
                object_type=Statement.ObjectType.COURSE,
                object_id=c.course.code,
                object_name=c.course.title,
                timestamp=c.completed_at,
                result={
                    "completion": True,
                    **({"score": {"scaled": round(c.score / 100, 2)}} if c.score else {}),
                },
            )  # fmt: skip
            for c in fresh
        ]
    )
    item = EvaluationItem.objects.get(code=MILEAGE_ITEM)
    MileageEntry.objects.bulk_create(
        [
            MileageEntry(
                staff_id=c.staff_id,
                item=item,
                points=entry_points(item, at=c.completed_at),
                occurred_at=c.completed_at,
                source_type=SOURCE_TYPE,
                source_id=str(c.pk),
                source_label=f"{source_label_prefix}: {c.course.title}"[:200],
                note=c.get_via_display(),
                **period_fields(c.completed_at),
            )  # fmt: skip
            for c in fresh
        ]
    )
    ledger_changed()
    return len(fresh)

"""Call records, queue events, CTI events and call-back obligations of the call centre.

Outside numbers are personal data: only a keyed hash (to join repeat calls and call-backs) and the
masked form are stored, never the number itself."""

from __future__ import annotations

from django.db import models

from chinjeol.core.models import TimeStamped


class Queue(TimeStamped):
    """A PBX queue (its name in queue_log / the CDR's dst) and the department it serves."""

    name = models.CharField("큐 이름", max_length=64, unique=True)
    label = models.CharField("표시 이름", max_length=100, blank=True)
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="부서",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="call_queues",
    )

    class Meta:
        verbose_name = "상담 큐"
        verbose_name_plural = "상담 큐"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.label or self.name


class CallRecord(models.Model):
    """One call as the PBX recorded it, with the measurements computed when it was imported."""

    class Direction(models.TextChoices):
        INBOUND = "inbound", "수신"
        OUTBOUND = "outbound", "발신"
        INTERNAL = "internal", "내선 간"

    class Source(models.TextChoices):
        CDR = "cdr", "통화기록 파일"
        CTI = "cti", "CTI 연계"
        DEMO = "demo", "시연 자료"

    key = models.CharField("통화 키", max_length=64, unique=True, help_text="uniqueid, 없으면 행의 해시")
    linkedid = models.CharField("연결 ID", max_length=64, blank=True)
    source = models.CharField("출처", max_length=10, choices=Source.choices, default=Source.CDR)
    direction = models.CharField("방향", max_length=10, choices=Direction.choices)
    number_hash = models.CharField("외부 번호 해시", max_length=32, blank=True)
    number_masked = models.CharField("외부 번호", max_length=24, blank=True)
    extension = models.CharField("내선(대상)", max_length=20, blank=True)
    answered_extension = models.CharField("받은 내선", max_length=20, blank=True)
    staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="응대 직원",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
        db_index=False,
    )
    intended_staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="원래 받을 직원",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="부서",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
        db_index=False,
    )
    queue = models.ForeignKey(
        Queue,
        verbose_name="큐",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
        db_index=False,
    )
    started_at = models.DateTimeField("시작")
    answered_at = models.DateTimeField("응답", null=True, blank=True)
    ended_at = models.DateTimeField("종료")
    local_date = models.DateField("날짜")
    local_hour = models.PositiveSmallIntegerField("시")
    in_hours = models.BooleanField("운영 시간 안", default=True)
    duration = models.PositiveIntegerField("전체 시간(초)", default=0)
    billsec = models.PositiveIntegerField("통화 시간(초)", default=0)
    disposition = models.CharField("결과", max_length=20)
    ring_s = models.PositiveIntegerField("벨 울린 시간(초)", null=True, blank=True)
    wait_s = models.PositiveIntegerField("대기 시간(초)", null=True, blank=True)
    judged = models.BooleanField("전화 응대 기준 판정 대상", default=False)
    within_standard = models.BooleanField("기준 안 응답", default=False)
    phone_version_id = models.IntegerField("전화 응답 약속의 판", null=True, blank=True)
    over_3_min = models.BooleanField("3분 초과", default=False)
    missed = models.BooleanField("못 받음", default=False)
    abandoned = models.BooleanField("포기", default=False)
    customer_hung_up_first = models.BooleanField("고객이 먼저 끊음", null=True, blank=True)
    repeat_7d = models.BooleanField("7일 안 재통화", default=False)
    transferred = models.BooleanField(
        "돌려받은 통화",
        db_default=False,
        help_text="큐에서 다른 내선으로 돌려진 통화 (마지막으로 받은 사람에게 셈)",
    )
    resolved_first_contact = models.BooleanField("첫 통화 해결 표시", null=True, blank=True)
    case = models.ForeignKey(
        "cases.Case",
        verbose_name="민원",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
    )

    class Meta:
        verbose_name = "통화 기록"
        verbose_name_plural = "통화 기록"
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["local_date", "local_hour"], name="call_day_hour"),
            models.Index(fields=["staff", "local_date"], name="call_staff_day"),
            models.Index(fields=["department", "local_date"], name="call_dept_day"),
            models.Index(fields=["number_hash", "started_at"], name="call_number_time"),
        ]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.get_direction_display()} {self.number_masked}"

    @property
    def fcr(self) -> bool | None:
        """Resolved at first contact (answered inbound calls only)."""
        if self.direction != self.Direction.INBOUND or self.answered_at is None:
            return None
        if self.repeat_7d:
            return False
        return self.case_id is None or bool(self.resolved_first_contact)


class QueueEvent(models.Model):
    """One queue_log line."""

    line_hash = models.CharField(max_length=32, unique=True)
    at = models.DateTimeField("시각")
    callid = models.CharField("통화 ID", max_length=64, db_index=True)
    queue = models.CharField("큐", max_length=64)
    agent = models.CharField("상담원", max_length=100)
    event = models.CharField("이벤트", max_length=30)
    data = models.CharField("값", max_length=500, blank=True)

    class Meta:
        verbose_name = "큐 이벤트"
        verbose_name_plural = "큐 이벤트"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.callid} {self.event}"


class CtiEvent(models.Model):
    """One event of the live CTI webhook (idempotent per call and event)."""

    class Kind(models.TextChoices):
        NEW_CALL = "newCall", "전화 옴"
        ANSWER = "answer", "응답"
        HANGUP = "hangup", "끊음"

    call_id = models.CharField("통화 ID", max_length=64)
    event = models.CharField("이벤트", max_length=10, choices=Kind.choices)
    at = models.DateTimeField("시각")
    direction = models.CharField("방향", max_length=10, blank=True)
    number_hash = models.CharField(max_length=32, blank=True)
    number_masked = models.CharField("외부 번호", max_length=24, blank=True)
    extension = models.CharField("내선", max_length=20, blank=True)
    queue = models.CharField("큐", max_length=64, blank=True)
    cause = models.CharField("사유", max_length=40, blank=True)
    hangup_by = models.CharField("먼저 끊은 쪽", max_length=10, blank=True)

    class Meta:
        verbose_name = "CTI 이벤트"
        verbose_name_plural = "CTI 이벤트"
        constraints = [models.UniqueConstraint(fields=["call_id", "event"], name="uniq_cti_call_event")]
        indexes = [models.Index(fields=["extension", "at"], name="cti_ext_at")]

    def __str__(self) -> str:
        return f"{self.call_id} {self.event}"


class CallbackObligation(TimeStamped):
    """A promise to call the customer back: after a missed call (CALLBACK_ABSENT) or when the answer
    needs research."""

    class Status(models.TextChoices):
        OPEN = "open", "대기"
        MET = "met", "기한 안 완료"
        LATE = "late", "기한 후 완료"

    class Reason(models.TextChoices):
        MISSED_CALL = "missed_call", "부재 중 전화"
        RESEARCH = "research", "확인 후 회신"

    call = models.OneToOneField(
        CallRecord,
        verbose_name="부재 중 통화",
        to_field="key",
        db_column="call_key",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="callback",
    )
    reason = models.CharField("사유", max_length=20, choices=Reason.choices, default=Reason.MISSED_CALL)
    number_hash = models.CharField(max_length=32, blank=True)
    number_masked = models.CharField("번호", max_length=24, blank=True)
    staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="담당 직원",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="callbacks",
    )
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="부서",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="callbacks",
        db_index=False,
    )
    missed_at = models.DateTimeField("부재 중 전화 종료")
    due_at = models.DateTimeField("회신 기한")
    version_id = models.IntegerField("부재 시 회신 약속의 판", null=True, blank=True)
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField("회신 시각", null=True, blank=True)
    done_call = models.ForeignKey(
        CallRecord,
        verbose_name="회신 통화",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    done_by = models.ForeignKey(
        "organization.Staff",
        verbose_name="회신한 직원",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    by_hand = models.BooleanField("직접 기록", default=False)
    outcome = models.CharField("결과", max_length=500, blank=True)

    class Meta:
        verbose_name = "콜백"
        verbose_name_plural = "콜백"
        ordering = ["due_at"]
        indexes = [
            models.Index(fields=["status", "due_at"], name="callback_status_due"),
            models.Index(fields=["department", "due_at"], name="callback_dept_due"),
        ]

    def __str__(self) -> str:
        return f"{self.number_masked} ({self.get_status_display()})"

    @property
    def judged_at(self):
        """When the judgement is final: the call-back moment when on time, else the due moment."""
        if self.done_at is not None and self.done_at <= self.due_at:
            return self.done_at
        return self.due_at


class CallTallyDay(models.Model):
    """A day whose calls are tallied in `CallTally` (the metrics read raw calls for the other days);
    its row is also the lock that keeps two recounts of the same day apart."""

    day = models.DateField("날짜", unique=True)
    counted_at = models.DateTimeField("집계 시각", null=True, blank=True)

    class Meta:
        verbose_name = "통화 집계일"
        verbose_name_plural = "통화 집계일"

    def __str__(self) -> str:
        return str(self.day)


class CallTally(models.Model):
    """Calls summed as the metrics need them: per local day and person, department and queue (`day`);
    per day, hour, department and queue (`hour`, the figures by hour); per month and person, department
    and queue once every day of the month is counted (`month`, `day` = the 1st). Derived from the call
    records and recounted whenever they change (`chinjeol call-tallies`)."""

    class Kind(models.TextChoices):
        DAY = "day", "일별"
        HOUR = "hour", "시간대별"
        MONTH = "month", "월별"

    kind = models.CharField("단위", max_length=5, choices=Kind.choices, default=Kind.DAY)
    day = models.DateField("날짜")
    hour = models.PositiveSmallIntegerField("시", null=True, blank=True)
    staff = models.ForeignKey(
        "organization.Staff",
        verbose_name="응대 직원",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="부서",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    queue = models.ForeignKey(
        Queue,
        verbose_name="큐",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    offered = models.PositiveIntegerField("수신", default=0)
    answered = models.PositiveIntegerField("응답", default=0)
    judged = models.PositiveIntegerField("판정", default=0)
    within_standard = models.PositiveIntegerField("기준 안 응답", default=0)
    over_3_min = models.PositiveIntegerField("3분 초과", default=0)
    hung_up_first = models.PositiveIntegerField("고객이 먼저 끊음", default=0)
    missed = models.PositiveIntegerField("못 받음", default=0)
    abandoned = models.PositiveIntegerField("포기", default=0)
    short_abandoned = models.PositiveIntegerField("짧은 포기", default=0)
    abandoned_after_t = models.PositiveIntegerField("T초 뒤 포기", default=0)
    answered_within_t = models.PositiveIntegerField("T초 안 응답", default=0)
    wait_total_s = models.BigIntegerField("응답 대기 합계(초)", default=0)
    talk_total_s = models.BigIntegerField("통화 시간 합계(초)", default=0)
    fcr = models.PositiveIntegerField("첫 통화 해결", default=0)
    outside_hours = models.PositiveIntegerField("운영 시간 밖", default=0)
    longest_wait_s = models.PositiveIntegerField("가장 긴 대기(초)", null=True, blank=True)

    class Meta:
        verbose_name = "통화 일별 집계"
        verbose_name_plural = "통화 일별 집계"
        indexes = [models.Index(fields=["kind", "day"], name="call_tally_kind_day")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.day}" + (f" {self.hour}시" if self.hour is not None else "")


from .conversations import ChatMessage, Conversation, ReplyTemplate  # noqa: E402,F401 - SMS and chat live beside the calls

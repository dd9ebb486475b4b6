"""The office counter and the visits outside it: visitors brought to the person in charge (VISIT_GUIDE),
field visits announced the day before (FIELD_VISIT_NOTICE), the expert consultation room, and the
stakeholder meetings (간담회) of the charter's yearly promise."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chinjeol.core.events import Event
from chinjeol.core.fields import MaskedCharField, MaskedTextField
from chinjeol.core.models import TimeStamped


class DayCounter(models.Model):
    """The waiting numbers of one day at the counter (key = YYYYMMDD)."""

    key = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "번호표"
        verbose_name_plural = "번호표"

    def __str__(self) -> str:
        return f"{self.key}: {self.last}"


class VisitQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=Visit.Status.WAITING)


class Visit(TimeStamped):
    """One visitor at the counter [C3]: arrival, purpose, department and the moment they were brought to
    the person in charge, judged against VISIT_GUIDE with the version in force at arrival."""

    class Status(models.TextChoices):
        WAITING = "waiting", "기다리는 중"
        GUIDED = "guided", "안내함"
        CANCELLED = "cancelled", "취소(잘못 입력·안내 전에 가심)"

    class Channel(models.TextChoices):
        COUNTER = "counter", "민원실 안내 창구"
        KIOSK = "kiosk", "무인 안내기"
        API = "api", "연계 시스템"

    number = models.PositiveIntegerField("번호")
    local_date = models.DateField("방문일")
    department = models.ForeignKey(
        "organization.Department", verbose_name="찾는 부서", on_delete=models.PROTECT, related_name="+"
    )
    purpose = MaskedCharField("방문 목적", max_length=200)
    arrived_at = models.DateTimeField("도착 시각")
    guided_at = models.DateTimeField("담당자 안내 시각", null=True, blank=True)
    deadline = models.DateTimeField("안내 약속 시각")
    cancelled_at = models.DateTimeField(
        "취소 시각",
        null=True,
        blank=True,
        help_text="약속 시각 전에 취소한 방문은 판정하지 않고, 그 뒤에 취소한 방문은 미이행으로 남습니다.",
    )
    guided_to = models.ForeignKey(
        "organization.Staff",
        verbose_name="맞이한 담당자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.WAITING)
    channel = models.CharField("접수 경로", max_length=10, choices=Channel.choices, default=Channel.COUNTER)
    version = models.ForeignKey(
        "charter.ServiceStandardVersion",
        verbose_name="VISIT_GUIDE 판",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="기록한 사람",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = "방문객 안내 기록"
        verbose_name_plural = "방문객 안내 기록"
        ordering = ["-arrived_at", "-id"]
        indexes = [
            models.Index(fields=["local_date", "status"], name="visit_day_status"),
            models.Index(fields=["deadline"], name="visit_deadline"),
            models.Index(fields=["guided_at"], name="visit_guided_at"),
        ]

    def __str__(self) -> str:
        return f"{self.local_date} {self.number}번 ({self.department_id})"

    @property
    def met(self) -> bool | None:
        if self.guided_at is None:
            return None
        return self.guided_at <= self.deadline


class FieldVisit(TimeStamped):
    """A visit by an official to a citizen [C4]: announced the day before (affiliation, name, purpose and
    time), the result on site, and a follow-up for what could not be settled."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "방문 예정"
        FOLLOW_UP = "follow_up", "후속 처리 중"
        DONE = "done", "완료"
        CANCELLED = "cancelled", "취소"

    official = models.ForeignKey(
        "organization.Staff", verbose_name="방문 직원", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        "organization.Department", verbose_name="소속", on_delete=models.PROTECT, related_name="+"
    )
    citizen_name = MaskedCharField("고객 이름", max_length=100)
    citizen_phone = models.CharField("고객 휴대전화", max_length=20)
    place = MaskedCharField("방문 장소", max_length=200)
    purpose = MaskedCharField("방문 목적", max_length=200)
    scheduled_at = models.DateTimeField("약속 시각")
    status = models.CharField("상태", max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    version = models.ForeignKey(
        "charter.ServiceStandardVersion",
        verbose_name="FIELD_VISIT_NOTICE 판",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notice_send_at = models.DateTimeField("사전 안내 발송 예정 시각")
    notice_due_at = models.DateTimeField("사전 안내 기한")
    notice_message = models.ForeignKey(
        "notify.Message",
        verbose_name="사전 안내 문자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    notice_called_at = models.DateTimeField("전화로 안내한 시각", null=True, blank=True)
    visited_at = models.DateTimeField("방문한 시각", null=True, blank=True)
    result = MaskedTextField("현장 처리 결과", blank=True)
    follow_up = MaskedTextField("현장에서 해결하지 못한 일", blank=True)
    outcome = MaskedTextField("후속 처리 결과", blank=True)
    outcome_message = models.ForeignKey(
        "notify.Message",
        verbose_name="결과 안내 문자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closed_at = models.DateTimeField("완료 시각", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="등록한 사람", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "현장 방문"
        verbose_name_plural = "현장 방문"
        ordering = ["scheduled_at", "id"]
        indexes = [
            models.Index(fields=["status", "notice_send_at"], name="fieldvisit_notice_queue"),
            models.Index(fields=["notice_due_at"], name="fieldvisit_notice_due"),
        ]

    def __str__(self) -> str:
        return f"현장 방문 {self.pk} ({self.scheduled_at:%Y-%m-%d %H:%M})"

    @property
    def notice_day(self):
        """The last day on which the notice is on time (the notice deadline is the midnight after it)."""
        from datetime import timedelta

        from django.utils import timezone

        return (timezone.localtime(self.notice_due_at) - timedelta(seconds=1)).date()


class FieldVisitEvent(Event):
    subject_field = "visit"

    class Kind(models.TextChoices):
        SCHEDULED = "scheduled", "약속 등록"
        RESCHEDULED = "rescheduled", "약속 변경"
        NOTICE_QUEUED = "notice_queued", "사전 안내 문자"
        NOTICE_CALLED = "notice_called", "전화로 사전 안내"
        VISITED = "visited", "방문 결과"
        FOLLOW_UP_DONE = "follow_up_done", "후속 처리 결과 안내"
        CANCELLED = "cancelled", "취소"

    visit = models.ForeignKey(
        FieldVisit, verbose_name="현장 방문", on_delete=models.PROTECT, related_name="events"
    )
    kind = models.CharField("구분", max_length=20, choices=Kind.choices)
    note = MaskedTextField("내용", blank=True)
    from_status = models.CharField("이전 상태", max_length=20, blank=True, choices=FieldVisit.Status.choices)
    to_status = models.CharField("이후 상태", max_length=20, blank=True, choices=FieldVisit.Status.choices)

    class Meta:
        verbose_name = "현장 방문 기록"
        verbose_name_plural = "현장 방문 기록"
        ordering = ["at", "id"]


class Expert(TimeStamped):
    """An expert of the consultation room [C15]: lawyer, tax accountant, labour attorney …"""

    class Field(models.TextChoices):
        LAW = "law", "법률 (변호사)"
        TAX = "tax", "세무 (세무사)"
        LABOUR = "labour", "노무 (공인노무사)"
        PROPERTY = "property", "부동산 (감정평가사·법무사)"
        BUILDING = "building", "건축 (건축사)"
        WELFARE = "welfare", "복지 (사회복지사)"

    name = models.CharField("이름", max_length=50)
    field = models.CharField("분야", max_length=10, choices=Field.choices)
    affiliation = models.CharField("소속", max_length=100, blank=True)
    is_active = models.BooleanField("활동 중", default=True)

    class Meta:
        verbose_name = "상담 전문가"
        verbose_name_plural = "상담 전문가"
        ordering = ["field", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_field_display()})"


class PriorityGroup(TimeStamped):
    """A vulnerable group the agency serves first (기초생활수급자, 장애인 …): a lower rank comes first."""

    name = models.CharField("이름", max_length=50, unique=True)
    rank = models.PositiveSmallIntegerField("우선순위", default=1)
    is_active = models.BooleanField("사용", default=True)

    class Meta:
        verbose_name = "우선 배정 대상"
        verbose_name_plural = "우선 배정 대상"
        ordering = ["rank", "name"]

    def __str__(self) -> str:
        return self.name


class ExpertSlot(TimeStamped):
    expert = models.ForeignKey(Expert, verbose_name="전문가", on_delete=models.PROTECT, related_name="slots")
    starts_at = models.DateTimeField("시작 시각")
    minutes = models.PositiveSmallIntegerField("상담 시간(분)", default=40)
    seats = models.PositiveSmallIntegerField("정원", default=1)
    place = models.CharField("장소", max_length=100, default="민원실 전문 상담실")
    allocated_at = models.DateTimeField("배정한 시각", null=True, blank=True)

    class Meta:
        verbose_name = "상담 시간"
        verbose_name_plural = "상담 시간"
        ordering = ["starts_at", "id"]
        constraints = [models.UniqueConstraint(fields=["expert", "starts_at"], name="uniq_expert_slot")]

    def __str__(self) -> str:
        return f"{self.expert} {self.starts_at:%Y-%m-%d %H:%M}"


class Booking(TimeStamped):
    """A citizen's request for an expert's time slot: allocated with the vulnerable groups first."""

    class Status(models.TextChoices):
        REQUESTED = "requested", "신청(배정 전)"
        CONFIRMED = "confirmed", "예약 확정"
        WAITLISTED = "waitlisted", "대기"
        CANCELLED = "cancelled", "취소"
        DONE = "done", "상담 완료"
        NO_SHOW = "no_show", "오지 않음"

    class Channel(models.TextChoices):
        WEB = "web", "누리집"
        PHONE = "phone", "전화(직원 접수)"
        VISIT = "visit", "방문(직원 접수)"

    receipt_no = models.CharField("신청번호", max_length=20, unique=True)
    slot = models.ForeignKey(
        ExpertSlot, verbose_name="상담 시간", on_delete=models.PROTECT, related_name="bookings"
    )
    citizen_name = MaskedCharField("신청인 이름", max_length=100)
    citizen_phone = models.CharField("신청인 휴대전화", max_length=20)
    group = models.ForeignKey(
        PriorityGroup,
        verbose_name="우선 배정 대상",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = MaskedTextField("상담 내용")
    channel = models.CharField("신청 경로", max_length=10, choices=Channel.choices)
    status = models.CharField("상태", max_length=12, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField("신청 시각")
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="접수한 직원",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    record = MaskedTextField("상담 기록", blank=True)
    satisfaction = models.PositiveSmallIntegerField("만족도(1~5)", null=True, blank=True)
    reminder_message = models.ForeignKey(
        "notify.Message",
        verbose_name="전날 알림 문자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "전문가 상담 예약"
        verbose_name_plural = "전문가 상담 예약"
        ordering = ["slot__starts_at", "requested_at", "id"]

    def __str__(self) -> str:
        return self.receipt_no


class Meeting(TimeStamped):
    """A stakeholder meeting (간담회) of the charter's yearly promise: who came and what was taken up."""

    held_on = models.DateField("연 날")
    group = models.CharField("대상 단체·고객", max_length=100)
    title = models.CharField("주제", max_length=200)
    attendees = models.PositiveIntegerField("참석 인원")
    minutes = MaskedTextField("회의록")
    opinions = MaskedTextField("반영한 의견", blank=True)
    department = models.ForeignKey(
        "organization.Department", verbose_name="주관 부서", on_delete=models.PROTECT, related_name="+"
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="기록한 사람", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "간담회"
        verbose_name_plural = "간담회"
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.title}"

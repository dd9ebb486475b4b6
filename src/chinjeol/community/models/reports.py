"""친절·불친절 신고센터 [K6]: reports, their investigation trail, evidence and officials involved."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from chinjeol.core.counters import YearCounter
from chinjeol.core.events import Event
from chinjeol.core.fields import MaskedCharField, MaskedTextField
from chinjeol.core.models import TimeStamped

from .. import rules


class ReportQuerySet(models.QuerySet):
    def praise(self):
        return self.filter(kind=Report.Kind.PRAISE)

    def unkind(self):
        return self.filter(kind=Report.Kind.UNKIND)

    def open(self):
        return self.filter(status__in=(Report.Status.RECEIVED, Report.Status.INVESTIGATING))

    def substantiated(self):
        return self.filter(status=Report.Status.SUBSTANTIATED)

    def in_year(self, year: int):
        return self.filter(received_at__year=year)


class Report(TimeStamped):
    """A citizen's report of a kind (칭찬) or unkind (불친절) official."""

    class Kind(models.TextChoices):
        PRAISE = "praise", "칭찬"
        UNKIND = "unkind", "불친절"

    class Status(models.TextChoices):
        RECEIVED = rules.RECEIVED, "접수"
        INVESTIGATING = rules.INVESTIGATING, "조사"
        SUBSTANTIATED = rules.SUBSTANTIATED, "인정"
        UNSUBSTANTIATED = rules.UNSUBSTANTIATED, "불인정"

    class Source(models.TextChoices):
        WEB = "web", "신고센터(홈페이지)"
        CASE = "case", "민원에서 전환"
        API = "api", "연계(국민신문고 등)"

    receipt_no = models.CharField("접수번호", max_length=20, unique=True)
    kind = models.CharField("구분", max_length=10, choices=Kind.choices)
    source = models.CharField("접수 경로", max_length=10, choices=Source.choices, default=Source.WEB)
    status = models.CharField("상태", max_length=20, choices=Status.choices, default=Status.RECEIVED)
    official_name = MaskedCharField(
        "신고된 직원(신고인이 아는 대로)", max_length=100, blank=True, help_text="이름, 직위, 인상착의 등"
    )
    department_text = MaskedCharField("부서(신고인이 아는 대로)", max_length=100, blank=True)
    department = models.ForeignKey(
        "organization.Department",
        verbose_name="부서(선택)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = MaskedTextField("있었던 일")
    occurred_on = models.DateField("있었던 날")
    occurred_time = models.TimeField("있었던 시각", null=True, blank=True)
    reporter_name = MaskedCharField("신고인 이름", max_length=100)
    reporter_phone = models.CharField("신고인 전화", max_length=20, blank=True)
    consent_at = models.DateTimeField("개인정보 수집 동의 시각", null=True, blank=True)
    received_at = models.DateTimeField("접수 시각", db_index=True)
    case = models.OneToOneField(
        "cases.Case",
        verbose_name="관련 민원",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="kindness_report",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="등록자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField("판정 시각", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="판정자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    finding = MaskedTextField("조사 결과", blank=True)
    officials = models.ManyToManyField(
        "organization.Staff",
        through="ReportOfficial",
        related_name="kindness_reports",
        verbose_name="관련 직원",
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = "친절·불친절 신고"
        verbose_name_plural = "친절·불친절 신고"
        ordering = ["-received_at", "-id"]
        indexes = [
            models.Index(fields=["status", "received_at"], name="report_status_received"),
            models.Index(fields=["kind", "status"], name="report_kind_status"),
        ]

    def __str__(self) -> str:
        return f"{self.receipt_no} {self.get_kind_display()} 신고"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.RECEIVED, self.Status.INVESTIGATING)


class ReportEvent(Event):
    """An append-only fact in a report's investigation: who did what, when."""

    class Kind(models.TextChoices):
        RECEIVED = "received", "접수"
        INVESTIGATION = "investigation", "조사 시작"
        EVIDENCE = "evidence", "증거 추가"
        OFFICIAL_ADDED = "official_added", "관련 직원 지정"
        OFFICIAL_REMOVED = "official_removed", "관련 직원 제외"
        SUBSTANTIATED = "substantiated", "인정"
        UNSUBSTANTIATED = "unsubstantiated", "불인정"
        REOPENED = "reopened", "재조사"
        CONSEQUENCE = "consequence", "결과 반영"
        PUBLISHED = "published", "우수사례 게시"

    report = models.ForeignKey(Report, verbose_name="신고", on_delete=models.PROTECT, related_name="events")
    kind = models.CharField("구분", max_length=20, choices=Kind.choices)
    note = MaskedTextField("내용", blank=True)

    subject_field = "report"

    class Meta:
        verbose_name = "신고 처리 기록"
        verbose_name_plural = "신고 처리 기록"
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["report", "at"], name="reportevent_report_at")]

    def __str__(self) -> str:
        return f"{self.report.receipt_no} {self.get_kind_display()}"


def evidence_path(instance: Evidence, filename: str) -> str:
    extension = rules.file_extension(filename)
    return f"community/evidence/{instance.report_id}/{instance.added_at:%Y%m%d%H%M%S}.{extension}"


class Evidence(models.Model):
    """A note or a file gathered while investigating a report."""

    report = models.ForeignKey(Report, verbose_name="신고", on_delete=models.PROTECT, related_name="evidence")
    note = MaskedTextField("내용", blank=True)
    file = models.FileField("첨부 파일", upload_to=evidence_path, blank=True, max_length=200)
    original_name = MaskedCharField("원래 파일 이름", max_length=200, blank=True)
    size = models.PositiveIntegerField("크기(바이트)", default=0)
    added_at = models.DateTimeField("등록 시각")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="등록자", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "조사 증거"
        verbose_name_plural = "조사 증거"
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.original_name or (self.note[:40] if self.note else f"증거 {self.pk}")


class ReportOfficial(models.Model):
    """An official the investigation found to be the one reported, with the department that
    answers for them (the 과 above a team) at that moment."""

    report = models.ForeignKey(Report, verbose_name="신고", on_delete=models.PROTECT)
    staff = models.ForeignKey(
        "organization.Staff", verbose_name="직원", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        "organization.Department", verbose_name="책임 부서", on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField("지정 시각")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="지정자", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "신고 관련 직원"
        verbose_name_plural = "신고 관련 직원"
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["report", "staff"], name="uniq_report_official")]

    def __str__(self) -> str:
        return f"{self.report.receipt_no} · {self.staff.name}"


class PreventionMeasure(models.Model):
    """재발 방지 조치: what the department does so the unkindness does not happen again."""

    report = models.OneToOneField(
        Report, verbose_name="신고", on_delete=models.PROTECT, related_name="prevention"
    )
    measure = MaskedTextField("재발 방지 조치")
    responsible = models.ForeignKey(
        "organization.Staff", verbose_name="책임자", on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField("기한")
    recorded_at = models.DateTimeField("기록 시각")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="기록자", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "재발 방지 조치"
        verbose_name_plural = "재발 방지 조치"

    def __str__(self) -> str:
        return f"{self.report.receipt_no} 재발 방지 조치"


class ReportCounter(YearCounter):
    """The last report receipt number issued in a year."""

    class Meta:
        verbose_name = "신고 접수번호 발급 현황"
        verbose_name_plural = "신고 접수번호 발급 현황"

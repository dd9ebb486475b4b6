from __future__ import annotations

from django.db import models

from chinjeol.core.memo import register_clear, ttl_cached
from chinjeol.core.models import TimeStamped


class Agency(TimeStamped):
    """The agency this installation serves (one row)."""

    name = models.CharField("기관명", max_length=100)
    code = models.CharField("기관 코드", max_length=20, blank=True)
    phone = models.CharField("대표 전화", max_length=30, blank=True)

    class Meta:
        verbose_name = "기관"
        verbose_name_plural = "기관"

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> Agency | None:
        return _current_agency()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        _current_agency.cache_clear()


@ttl_cached(60)
def _current_agency() -> Agency | None:
    return Agency.objects.order_by("id").first()


register_clear(_current_agency.cache_clear)


class DepartmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def roots(self):
        return self.filter(parent__isnull=True)


class Department(TimeStamped):
    class Kind(models.TextChoices):
        BUREAU = "bureau", "실·국"
        DIVISION = "division", "과"
        TEAM = "team", "팀"
        OFFICE = "office", "기관·사업소"

    name = models.CharField("부서명", max_length=100, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="상위 부서",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    kind = models.CharField("구분", max_length=10, choices=Kind.choices, default=Kind.DIVISION)
    sort_order = models.PositiveIntegerField("정렬 순서", default=0)
    phone = models.CharField("부서 전화", max_length=30, blank=True)
    is_active = models.BooleanField("사용", default=True)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = "부서"
        verbose_name_plural = "부서"
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class StaffQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_departments(self, department_ids):
        return self if department_ids is None else self.filter(department_id__in=department_ids)


class Staff(TimeStamped):
    employee_no = models.CharField("사번", max_length=20, unique=True)
    name = models.CharField("이름", max_length=50)
    department = models.ForeignKey(
        Department, verbose_name="부서", on_delete=models.PROTECT, related_name="staff"
    )
    position = models.CharField("직위·직급", max_length=50, blank=True)
    extension = models.CharField("내선", max_length=20, blank=True)
    mobile = models.CharField("휴대전화", max_length=20, blank=True)
    email = models.EmailField("이메일", blank=True)
    is_active = models.BooleanField("재직", default=True)

    objects = StaffQuerySet.as_manager()

    class Meta:
        verbose_name = "직원"
        verbose_name_plural = "직원"
        ordering = ["department__sort_order", "name", "employee_no"]
        indexes = [models.Index(fields=["department", "is_active"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.department.name})"

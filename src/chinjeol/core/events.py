"""The append-only event row every workflow app keeps: what happened, when, by whom, from which status to
which, with a note. A subclass adds its subject (a foreign key) and its own `Kind` choices."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Event(models.Model):
    kind = models.CharField("구분", max_length=20)
    at = models.DateTimeField("시각")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="처리자",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_status = models.CharField("이전 상태", max_length=20, blank=True)
    to_status = models.CharField("이후 상태", max_length=20, blank=True)
    note = models.TextField("내용", blank=True)

    # The name of the subject's foreign key on the subclass ("case", "report", …).
    subject_field = ""

    class Meta:
        abstract = True

    @classmethod
    def record(
        cls, subject: models.Model, kind: str, *, by, at, note: str = "", before: str = "", after: str = ""
    ):
        """Append one event on `subject`."""
        return cls._default_manager.create(
            **{cls.subject_field: subject},
            kind=kind,
            actor=by,
            at=at,
            note=note,
            from_status=before,
            to_status=after,
        )

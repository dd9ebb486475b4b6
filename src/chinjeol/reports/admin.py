from django.contrib import admin

from chinjeol.core.admin import ReadOnlyAdmin

from .models import ComplianceReport


@admin.register(ComplianceReport)
class ComplianceReportAdmin(ReadOnlyAdmin):
    """Published reports are frozen: they are read here, never changed or deleted."""

    list_display = ["period", "published_at", "published_by"]
    readonly_fields = ["period", "published_at", "published_by", "improvements", "snapshot"]

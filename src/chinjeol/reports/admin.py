from django.contrib import admin

from .models import ComplianceReport


@admin.register(ComplianceReport)
class ComplianceReportAdmin(admin.ModelAdmin):
    """Published reports are frozen: they are read here, never changed or deleted."""

    list_display = ["period", "published_at", "published_by"]
    readonly_fields = ["period", "published_at", "published_by", "improvements", "snapshot"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

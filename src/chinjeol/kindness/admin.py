from django.contrib import admin

from .models import (
    DepartmentDeduction,
    EvaluationItem,
    EvaluationItemVersion,
    MileageEntry,
    PeriodSnapshot,
    ScoreSettings,
    SnapshotAction,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Ledgers and history are append-only: no edits or deletions, here either."""

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


class VersionInline(admin.TabularInline):
    model = EvaluationItemVersion
    extra = 0
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(EvaluationItem)
class EvaluationItemAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "sign", "sort_order"]
    inlines = [VersionInline]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MileageEntry)
class MileageEntryAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "staff", "item", "points", "source_type", "source_label"]
    list_filter = ["item", "year", "half"]
    search_fields = ["staff__name", "staff__employee_no", "source_id"]
    raw_id_fields = ["staff", "registered_by", "reverses"]


@admin.register(DepartmentDeduction)
class DepartmentDeductionAdmin(ReadOnlyAdmin):
    list_display = ["occurred_at", "department", "points", "source_type", "note"]
    list_filter = ["year", "half"]


@admin.register(ScoreSettings)
class ScoreSettingsAdmin(ReadOnlyAdmin):
    list_display = ["version", "base", "blue", "green", "yellow", "orange", "valid_from"]


@admin.register(PeriodSnapshot)
class PeriodSnapshotAdmin(ReadOnlyAdmin):
    list_display = ["period", "version", "published_at", "published_by", "staff_count", "mean_score"]


@admin.register(SnapshotAction)
class SnapshotActionAdmin(ReadOnlyAdmin):
    list_display = ["snapshot", "kind", "department", "staff", "at", "by"]

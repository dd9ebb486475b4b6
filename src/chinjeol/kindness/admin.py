from django.contrib import admin

from .models import DepartmentDeduction, EvaluationItem, EvaluationItemVersion, MileageEntry, ScoreSettings


class VersionInline(admin.TabularInline):
    model = EvaluationItemVersion
    extra = 0


@admin.register(EvaluationItem)
class EvaluationItemAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "sign", "sort_order"]
    inlines = [VersionInline]


@admin.register(MileageEntry)
class MileageEntryAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "staff", "item", "points", "source_type", "source_label"]
    list_filter = ["item", "year", "half"]
    search_fields = ["staff__name", "staff__employee_no"]
    raw_id_fields = ["staff", "registered_by", "reverses"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.register(ScoreSettings)
admin.site.register(DepartmentDeduction)

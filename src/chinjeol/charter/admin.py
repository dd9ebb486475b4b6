from django.contrib import admin

from .models import CalendarDay, ServiceStandard, ServiceStandardVersion, StatutoryService


class VersionInline(admin.TabularInline):
    model = ServiceStandardVersion
    extra = 0
    readonly_fields = ["version", "target", "unit", "valid_from", "note", "created_by", "created_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ServiceStandard)
class ServiceStandardAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "channel", "is_active"]
    inlines = [VersionInline]


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]


@admin.register(StatutoryService)
class StatutoryServiceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "days", "is_active"]
    search_fields = ["name", "code"]

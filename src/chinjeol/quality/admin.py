from django.contrib import admin, messages

from chinjeol.core.errors import DomainError

from .models import Behaviour, CalibrationSession, Evaluation, Scorecard, ScorecardItem
from .services.scorecards import in_use, scorecard_new_version


@admin.register(Behaviour)
class BehaviourAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "description", "sort_order"]


class ItemInline(admin.TabularInline):
    model = ScorecardItem
    extra = 0

    def has_change_permission(self, request, obj=None):
        return obj is None or not in_use(obj)

    has_add_permission = has_delete_permission = has_change_permission


@admin.register(Scorecard)
class ScorecardAdmin(admin.ModelAdmin):
    """A sheet that evaluations use is read-only; ‘새 판 만들기’ copies it into the next version to edit."""

    list_display = ["name", "code", "version", "channel", "is_active"]
    list_filter = ["code", "is_active"]
    inlines = [ItemInline]
    actions = ["new_version"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and in_use(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="새 판 만들기 (고른 평가표를 복사해 다음 판으로)")
    def new_version(self, request, queryset):
        for sheet in queryset:
            try:
                copy = scorecard_new_version(sheet=sheet, by=request.user, note="관리 화면에서 새 판")
            except DomainError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(request, f"{copy} 을(를) 만들었습니다. 항목을 고친 뒤 사용하세요.")


class ReadOnly(admin.ModelAdmin):
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(Evaluation)
class EvaluationAdmin(ReadOnly):
    list_display = ["number", "staff", "scorecard", "kind", "total", "grade", "status", "evaluated_at"]
    list_filter = ["kind", "source", "status"]
    search_fields = ["number", "staff__name", "staff__employee_no"]


@admin.register(CalibrationSession)
class CalibrationAdmin(admin.ModelAdmin):
    list_display = ["title", "scorecard", "held_on"]

from django.contrib import admin

from chinjeol.core.admin import ContactLoggingAdmin

from .models import (
    BestCase,
    BroadcastRequest,
    Evidence,
    Initiative,
    InitiativeProgress,
    PraisePost,
    PreventionMeasure,
    Recommendation,
    Report,
    ReportEvent,
    ReportOfficial,
    SmileSelection,
    Task,
)


class ReportEventInline(admin.TabularInline):
    model = ReportEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "at", "actor", "from_status", "to_status", "note"]


@admin.register(Report)
class ReportAdmin(ContactLoggingAdmin):
    contact_fields = ("reporter_name", "reporter_phone")
    list_display = ["receipt_no", "kind", "status", "source", "received_at", "decided_at"]
    list_filter = ["kind", "status", "source"]
    search_fields = ["receipt_no", "official_name", "department_text"]
    readonly_fields = ["receipt_no", "received_at", "decided_at", "decided_by", "created_by", "case"]
    inlines = [ReportEventInline]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "assignee_user", "assignee_department", "due_at", "done_at"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["recommender", "recommended", "created_at", "passed_at"]


@admin.register(SmileSelection)
class SmileSelectionAdmin(admin.ModelAdmin):
    list_display = ["year", "month", "staff", "selected_at"]
    list_filter = ["year", "month"]


@admin.register(BestCase)
class BestCaseAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "submitted_at", "published_at"]
    list_filter = ["status"]


@admin.register(PraisePost)
class PraisePostAdmin(ContactLoggingAdmin):
    contact_fields = ("writer_name", "writer_phone")
    list_display = ["title", "official_name", "status", "posted_at"]
    list_filter = ["status"]


@admin.register(BroadcastRequest)
class BroadcastRequestAdmin(admin.ModelAdmin):
    list_display = ["title", "requested_on", "status", "requested_at"]
    list_filter = ["status"]


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["year", "department", "title", "status"]
    list_filter = ["year", "status"]


admin.site.register([Evidence, ReportOfficial, PreventionMeasure, InitiativeProgress])

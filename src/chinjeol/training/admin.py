"""Training in the back office: read-only. Courses, sessions and assignments are managed on the training pages,
where completions become mileage entries and statements are written; editing them here would bypass that."""

from django.contrib import admin

from chinjeol.core.admin import ReadOnlyAdmin

from .models import Assignment, Attendance, Completion, Course, Material, QuizAttempt, Session, Statement


@admin.register(Course)
class CourseAdmin(ReadOnlyAdmin):
    list_display = ("title", "stage", "order", "pass_mark", "minutes", "for_unkind", "is_active")
    list_filter = ("stage", "is_active", "for_unkind")
    search_fields = ("title", "code")


@admin.register(Material)
class MaterialAdmin(ReadOnlyAdmin):
    list_display = ("course", "order", "kind", "title", "file_name", "added_at")
    list_filter = ("kind",)
    list_select_related = ("course",)


@admin.register(Session)
class SessionAdmin(ReadOnlyAdmin):
    list_display = ("starts_at", "title", "kind", "course", "department", "place")
    list_filter = ("kind",)
    list_select_related = ("course", "department")
    date_hierarchy = "starts_at"


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin):
    list_display = ("session", "staff", "present", "recorded_at")
    list_filter = ("present",)
    list_select_related = ("session", "staff")


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyAdmin):
    list_display = ("staff", "course", "cycle", "reason", "due_on", "completed_at")
    list_filter = ("cycle", "reason")
    list_select_related = ("staff", "course")
    search_fields = ("staff__name", "course__title")


@admin.register(Completion)
class CompletionAdmin(ReadOnlyAdmin):
    list_display = ("staff", "course", "cycle", "via", "score", "completed_at")
    list_filter = ("cycle", "via")
    list_select_related = ("staff", "course")
    search_fields = ("staff__name", "course__title")
    date_hierarchy = "completed_at"


@admin.register(QuizAttempt)
class QuizAttemptAdmin(ReadOnlyAdmin):
    list_display = ("staff", "course", "at", "score", "passed")
    list_filter = ("passed",)
    list_select_related = ("staff", "course")
    exclude = ("answers",)


@admin.register(Statement)
class StatementAdmin(ReadOnlyAdmin):
    list_display = ("timestamp", "actor", "verb", "object_type", "object_name")
    list_filter = ("verb", "object_type")
    list_select_related = ("actor",)
    date_hierarchy = "timestamp"

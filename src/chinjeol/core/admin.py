from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import ApiToken, PeriodicRun, PersonalDataAccess, RoleAssignment, User
from .privacy import accessor_label, contact_view_log


class ContactLoggingMixin:
    """A back-office form that shows someone's contact details records the view (`contact_fields`)."""

    contact_fields: tuple[str, ...] = ("mobile", "email")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if response.status_code == 200:
            obj = self.get_object(request, object_id)
            if obj is not None:
                contact_view_log(request, obj, self.contact_fields)
        return response


class ContactLoggingAdmin(ContactLoggingMixin, admin.ModelAdmin):
    pass


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["department"]


@admin.register(User)
class UserAdmin(ContactLoggingMixin, BaseUserAdmin):
    contact_fields = ("email",)
    list_display = ["username", "display_name", "staff", "is_active", "last_login"]
    search_fields = ["username", "staff__name", "staff__employee_no"]
    autocomplete_fields = ["staff"]
    inlines = [RoleAssignmentInline]
    fieldsets = (
        (None, {"fields": ("username", "password", "staff")}),
        ("이름", {"fields": ("first_name", "last_name", "email")}),
        ("상태", {"fields": ("is_active", "is_superuser", "last_login", "date_joined")}),
    )
    readonly_fields = ["last_login", "date_joined"]

    @admin.display(description="이름")
    def display_name(self, obj):
        return obj.display_name


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["prefix", "user", "name", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "key_hash", "created_at", "last_used_at"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written by the system (logs, published reports, job leases): read here, never added, changed or
    deleted."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(ReadOnlyAdmin):
    list_display = ["at", "accessor", "action", "subject_label", "fields", "ip"]
    list_filter = ["action", "subject_type"]
    list_select_related = ["user__staff__department"]
    search_fields = ["username", "user__staff__name", "subject_label"]

    @admin.display(description="접속자")
    def accessor(self, obj):
        return accessor_label(obj)

    date_hierarchy = "at"


@admin.register(PeriodicRun)
class PeriodicRunAdmin(ReadOnlyAdmin):
    """Read-only: when each periodic job last ran and when its next round is due (written by the workers)."""

    list_display = ["job", "last_run_at", "due_at", "runs"]
    ordering = ["name"]

    @admin.display(description="작업")
    def job(self, obj):
        from .periodic import PERIODIC

        job = PERIODIC.get(obj.name)
        return job.label if job else obj.name

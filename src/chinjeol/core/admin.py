from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import ApiToken, PersonalDataAccess, RoleAssignment, User
from .privacy import personal_access_log


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["department"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
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


@admin.register(PersonalDataAccess)
class PersonalDataAccessAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "action", "subject_label", "fields", "ip"]
    list_filter = ["action", "subject_type"]
    search_fields = ["username", "subject_label"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ContactLoggingAdmin(admin.ModelAdmin):
    """A back-office form that shows someone's contact details records the view."""

    contact_fields = ("mobile", "email")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and any(getattr(obj, f, "") for f in self.contact_fields):
            personal_access_log(
                request,
                action="view",
                subject_type=obj._meta.model_name,
                subject_id=str(obj.pk),
                subject_label=str(obj),
                fields=", ".join(str(obj._meta.get_field(f).verbose_name) for f in self.contact_fields),
            )
        return super().change_view(request, object_id, form_url, extra_context)

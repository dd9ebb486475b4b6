from django.contrib import admin

from chinjeol.core.admin import ContactLoggingAdmin

from .models import Agency, Department, Staff


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "phone"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "kind", "sort_order", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name"]
    autocomplete_fields = ["parent"]


@admin.register(Staff)
class StaffAdmin(ContactLoggingAdmin):
    list_display = ["employee_no", "name", "department", "position", "extension", "is_active"]
    list_filter = ["is_active", "department"]
    search_fields = ["name", "employee_no"]
    autocomplete_fields = ["department"]

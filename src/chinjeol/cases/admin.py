from django.contrib import admin

from chinjeol.core.admin import ContactLoggingAdmin

from .models import Case, CaseEvent, ReceiptCounter, RoutingRule


class CaseEventInline(admin.TabularInline):
    model = CaseEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "at", "actor", "from_status", "to_status", "note"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Case)
class CaseAdmin(ContactLoggingAdmin):
    contact_fields = ("customer_phone", "customer_email")
    list_display = ["receipt_no", "title", "channel", "kind", "department", "status", "due_at"]
    list_filter = ["status", "channel", "kind"]
    search_fields = ["receipt_no", "title"]
    raw_id_fields = ["department", "assignee", "promise_version", "created_by", "statutory_service"]
    inlines = [CaseEventInline]
    date_hierarchy = "received_at"


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = ["priority", "keyword", "kind", "channel", "department", "is_active"]
    list_editable = ["is_active"]
    autocomplete_fields = ["department"]


admin.site.register(ReceiptCounter)

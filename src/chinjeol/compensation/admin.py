from django.contrib import admin

from chinjeol.core.admin import ContactLoggingAdmin

from .models import CompensationEntry


@admin.register(CompensationEntry)
class CompensationEntryAdmin(ContactLoggingAdmin):
    contact_fields = ("recipient_name",)
    list_display = ["occurred_at", "reason", "amount", "recipient_name", "source_label", "staff", "status"]
    list_filter = ["reason", "status"]
    search_fields = ["source_label", "recipient_name", "staff__name"]
    raw_id_fields = ["staff", "department"]

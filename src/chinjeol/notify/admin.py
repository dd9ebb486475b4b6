from django.contrib import admin

from .models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "channel", "recipient_masked", "subject", "status", "backend"]
    list_filter = ["kind", "channel", "status"]
    search_fields = ["subject", "case__receipt_no"]
    readonly_fields = [f.name for f in Message._meta.fields if f.name != "recipient"]
    exclude = ["recipient"]

    def has_add_permission(self, request):
        return False

from django.contrib import admin

from .models import Booking, Expert, ExpertSlot, FieldVisit, Meeting, PriorityGroup, Visit


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ("local_date", "number", "department", "purpose", "arrived_at", "guided_at", "status")
    list_filter = ("status", "channel")
    date_hierarchy = "arrived_at"


@admin.register(FieldVisit)
class FieldVisitAdmin(admin.ModelAdmin):
    list_display = ("scheduled_at", "official", "department", "purpose", "status", "notice_due_at")
    list_filter = ("status",)
    exclude = ("citizen_phone",)


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ("name", "field", "affiliation", "is_active")
    list_filter = ("field", "is_active")


@admin.register(PriorityGroup)
class PriorityGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "rank", "is_active")


@admin.register(ExpertSlot)
class ExpertSlotAdmin(admin.ModelAdmin):
    list_display = ("starts_at", "expert", "minutes", "seats", "allocated_at")


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ("receipt_no", "slot", "status", "channel", "group", "satisfaction")
    list_filter = ("status", "channel")
    exclude = ("citizen_phone",)


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("held_on", "group", "title", "attendees", "department")

from django.contrib import admin

from applications.admin_scope import MunicipalityScopedAdmin

from .models import (
    ContinuityEvent,
    Meeting,
    MeetingEvent,
    Minutes,
    MinutesDocument,
    OpenHouseRegistration,
    OpenHouseSession,
    Sketch,
)


class SketchInline(admin.TabularInline):
    model = Sketch
    extra = 0
    fields = ("original_name", "kind", "size", "uploaded_at")
    readonly_fields = fields
    can_delete = False


class MeetingEventInline(admin.TabularInline):
    model = MeetingEvent
    extra = 0
    fields = ("at", "kind", "actor", "params")
    readonly_fields = fields
    can_delete = False


@admin.register(Meeting)
class MeetingAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    list_display = ("id", "property", "status", "source", "starts_at", "caseworker", "created_at")
    list_filter = ("status", "source")
    search_fields = ("property__address", "on_behalf_of_name", "on_behalf_of_email", "applicant__email")
    raw_id_fields = ("property", "case", "applicant", "requested_by", "caseworker")
    # The status changes only through predialogue.services (the one transition table).
    readonly_fields = ("status", "uid", "sequence", "scheduled_at", "held_at", "cancelled_at", "created_at")
    inlines = [SketchInline, MeetingEventInline]


class MinutesDocumentInline(admin.TabularInline):
    model = MinutesDocument
    extra = 0


@admin.register(Minutes)
class MinutesAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    municipality_field = "meeting__property__municipality"

    list_display = ("meeting", "version", "state", "published_at")
    list_filter = ("state",)
    raw_id_fields = ("meeting",)
    inlines = [MinutesDocumentInline]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.is_locked:  # published minutes are locked; correct them in the portal
            return [f.name for f in self.model._meta.fields]
        return ("state", "published_at", "published_by", "emailed_at")

    def has_delete_permission(self, request, obj=None):
        return obj is None or not obj.is_locked


class RegistrationInline(admin.TabularInline):
    model = OpenHouseRegistration
    extra = 0
    raw_id_fields = ("user", "meeting")


@admin.register(OpenHouseSession)
class OpenHouseSessionAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    municipality_field = "municipality"

    list_display = ("title", "starts_at", "place", "capacity", "is_published")
    list_filter = ("is_published",)
    inlines = [RegistrationInline]


@admin.register(ContinuityEvent)
class ContinuityEventAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    municipality_field = "case__property__municipality"

    list_display = ("case", "requirement", "kind", "created_at")
    list_filter = ("kind",)
    raw_id_fields = ("information_request", "case", "meeting", "minutes")

from django.contrib import admin

from applications.admin_scope import MunicipalityScopedAdmin
from dialogueteam.models import CaseSearchEntry, Contact, Forward


class ForwardInline(admin.TabularInline):
    model = Forward
    extra = 0
    fields = ("question", "recipient", "due_at", "answer", "answered_by", "answered_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Contact)
class ContactAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    municipality_field = "municipality"

    list_display = ("created_at", "channel", "topic", "customer_group", "case", "resolved_first_contact",
                    "created_by")
    list_filter = ("channel", "topic", "customer_group", "resolved_first_contact")
    search_fields = ("case__reference", "summary", "caller_name", "caller_email")
    raw_id_fields = ("case", "created_by", "asked_by", "answered_by")
    date_hierarchy = "created_at"
    inlines = [ForwardInline]


@admin.register(Forward)
class ForwardAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    municipality_field = "case__property__municipality"

    list_display = ("forwarded_at", "case", "recipient", "due_at", "answered_at", "overdue_advised_at")
    list_filter = ("answered_at",)
    search_fields = ("case__reference", "question", "answer")
    raw_id_fields = ("contact", "case", "forwarded_by", "recipient", "answered_by", "advisory")


@admin.register(CaseSearchEntry)
class CaseSearchEntryAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    """Read-only: the entries are written by dialogueteam.search."""

    list_display = ("case", "is_open", "submitted_at")
    search_fields = ("case__reference",)
    readonly_fields = ("case", "search_text", "is_open", "submitted_at")
    municipality_field = "municipality"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

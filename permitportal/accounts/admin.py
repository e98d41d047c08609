from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Firm, FirmMembership, LoginAttempt, User


class OwnRowsUnlessSuperuser:
    """Accounts serve every municipality (one account across municipalities, issue 19): only the superusers
    who run the deployment list them; any other staff member sees their own rows alone. (Staff are made and
    given their municipalities with ``manage.py create_staff``.)"""

    own_field = "pk"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        own = request.user.pk if self.own_field == "pk" else getattr(request.user, self.own_field)
        return qs.filter(**{self.own_field: own})


@admin.register(User)
class UserAdmin(OwnRowsUnlessSuperuser, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "email_verified", "preferred_language"]
    list_filter = ["is_active", "email_verified", "groups"]
    search_fields = ["email", "full_name", "phone"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("full_name", "phone", "preferred_language", "notify_by_email", "notify_by_sms")}),
        (_("Access"), {"fields": ("is_active", "email_verified", "is_staff", "is_superuser", "groups")}),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    filter_horizontal = ("groups",)


@admin.register(LoginAttempt)
class LoginAttemptAdmin(OwnRowsUnlessSuperuser, admin.ModelAdmin):
    own_field = "email"
    list_display = ["email", "ip_address", "at"]
    search_fields = ["email"]


class FirmMembershipInline(admin.TabularInline):
    model = FirmMembership
    fk_name = "firm"
    extra = 0
    fields = ["user", "is_admin", "joined_at", "left_at"]
    raw_id_fields = ["user"]


@admin.register(Firm)
class FirmAdmin(admin.ModelAdmin):
    """Firms (issue 20). Members are added and removed in the portal by the firm's administrators
    (services_firms keeps the last administrator); here for support."""

    list_display = ["name", "cvr", "created_at"]
    search_fields = ["name", "cvr"]
    raw_id_fields = ["created_by"]
    inlines = [FirmMembershipInline]

from django.contrib import admin

from applications.admin_scope import MunicipalityScopedAdmin

from .models import Authority


@admin.register(Authority)
class AuthorityAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    """The list of authorities each municipality hears (fire, roads, environment, museum, heritage): a
    municipality's staff keep their own."""

    municipality_field = "municipality"
    list_display = ("name", "email", "municipality", "is_active")
    list_filter = ("is_active", "municipality")
    search_fields = ("name", "email")

from django.contrib import admin

from .models import Authority


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    """The list of authorities the municipality hears (fire, roads, environment, museum, heritage)."""

    list_display = ("name", "email", "is_active")
    list_filter = ("is_active",)
    search_fields = ("name", "email")

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Count

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Accounts, with how many journal entries each person has: counts only, never words."""

    ordering = ["email"]
    list_display = ["email", "is_active", "is_staff", "entry_count", "date_joined", "last_login"]
    search_fields = ["email"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_count=Count("journal_entries"))

    @admin.display(description="Journal entries", ordering="entry_count")
    def entry_count(self, obj):
        return obj.entry_count

from django.contrib import admin

from .models import Helpline

# The safety answers and plans are not registered: staff never see what anyone answered or
# wrote (they are encrypted, and the admin would decrypt them).


@admin.register(Helpline)
class HelplineAdmin(admin.ModelAdmin):
    """Helplines by country: staff keep them right, each with its source and checked date, and
    untick `verified` (with a note) for a detail they could not confirm."""

    list_display = [
        "name",
        "country",
        "is_emergency",
        "is_abuse_support",
        "phone",
        "hours",
        "checked_on",
        "verified",
    ]
    list_filter = ["verified", "country", "is_emergency", "is_abuse_support"]
    search_fields = ["name", "country", "purpose"]
    ordering = ["country", "-is_emergency", "order", "name"]

"""Staff see how many entries each person has, never what they wrote: Entry and its
search tokens are deliberately not registered."""

from django.contrib import admin
from django.db.models import Count

from .models import JournalUser


@admin.register(JournalUser)
class JournalUseAdmin(admin.ModelAdmin):
    list_display = ["email", "entry_count", "date_joined"]
    search_fields = ["email"]
    ordering = ["email"]
    fields = ["email", "entry_count"]
    readonly_fields = ["email", "entry_count"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(entry_count=Count("journal_entries"))

    @admin.display(description="Journal entries", ordering="entry_count")
    def entry_count(self, obj):
        return obj.entry_count

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

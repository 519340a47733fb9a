from django.contrib import admin

from .models import Stage


# Only the program's text is editable here. People's answers and progress are private and are
# deliberately not registered: staff have no reason to read them.
@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "kind", "slug"]
    list_display_links = ["title"]
    ordering = ["number"]
    readonly_fields = ["slug"]

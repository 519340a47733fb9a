from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class ExbackConfig(AppConfig):
    name = "exback"
    verbose_name = "exback"

    def ready(self):
        from . import sessions

        sessions.connect_signals()


class AdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with exback's admin site (settings.INSTALLED_APPS names it)."""

    default = False  # not a candidate for the "exback" entry of INSTALLED_APPS
    default_site = "exback.admin_site.AdminSite"

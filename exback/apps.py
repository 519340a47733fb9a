from django.apps import AppConfig


class ExbackConfig(AppConfig):
    name = "exback"
    verbose_name = "exback"

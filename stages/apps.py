from django.apps import AppConfig


class StagesConfig(AppConfig):
    name = "stages"
    verbose_name = "Program"

    def ready(self):
        from . import overview

        overview.connect_signals()

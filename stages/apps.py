from django.apps import AppConfig


class StagesConfig(AppConfig):
    name = "stages"
    verbose_name = "Program"

    def ready(self):
        from . import (
            catalogue,  # noqa: F401 - connects the receivers that refresh it
            overview,
        )

        overview.connect_signals()

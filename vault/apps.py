from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "vault"
    verbose_name = "encryption at rest"

    def ready(self):
        from . import checks  # noqa: F401 - registers the keys' deploy check

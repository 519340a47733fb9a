"""`manage.py check --deploy`: the encryption keys against what is stored (vault/health.py), so
that a deployment with an older key than the data's newest stops before it serves."""

from django.core import checks

from . import health


@checks.register("encryption", deploy=True)
def keys_read_what_is_stored(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    result = health.deploy_check()
    if result.ok:
        return []
    return [
        checks.Error(
            f"Encryption keys: {result.message}",
            hint="See docs/encryption.md, Rotating a key.",
            id="vault.E001",
        )
    ]

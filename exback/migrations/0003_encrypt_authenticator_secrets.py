from django.db import migrations

SECRET_KEYS = ("secret", "seed")


def encrypt_secrets(apps, schema_editor):
    """TOTP secrets and recovery-code seeds stored before exback.adapters.MFAAdapter sealed
    them: encrypt them in place (few rows: one or two per person with two-factor on)."""
    from vault import crypto

    Authenticator = apps.get_model("mfa", "Authenticator")
    for authenticator in Authenticator.objects.all().iterator():
        data = dict(authenticator.data)
        changed = False
        for name in SECRET_KEYS:
            value = data.get(name)
            if isinstance(value, str) and not value.startswith(crypto.TOKEN_PREFIX):
                data[name] = crypto.encrypt(value)
                changed = True
        if changed:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("exback", "0002_create_cache_table"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(encrypt_secrets, migrations.RunPython.noop)]

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_asgi_application()

# Refuse to serve when the encryption keys cannot read what is stored (vault/health.py).
from vault.health import check_at_startup  # noqa: E402

check_at_startup()

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

# Refuse to serve when the encryption keys cannot read what is stored (vault/health.py).
from vault.health import check_at_startup  # noqa: E402

check_at_startup()

"""Whoever deploys gets a clean production check, and a clear message for any wrong setting."""

import os
import runpy
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.tools import ROOT

# Production settings, in a fresh process --------------------------------------------------------
# Checked the way a deployment would run them: `manage.py` in a fresh process.

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "kT9v-2pX_qL7wZ4nR8sJ1cF6hB3mD0yE5gA-uV2iO9tK7xW4zQ1rN8pS6lC3jH5",
    "ALLOWED_HOSTS": "exback.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://exback.example.org",
    "DATABASE_URL": "postgres://exback@127.0.0.1:5432/exback",
    "EMAIL_HOST": "smtp.example.org",
    "EMAIL_HOST_USER": "exback",
    "EMAIL_HOST_PASSWORD": "secret",
    "DEFAULT_FROM_EMAIL": "exback <hello@exback.example.org>",
    "ENCRYPTION_KEYS": "Zm9yLXRoZS1kZXBsb3ktY2hlY2stb25seS0wMTIzNDU=",
}


def manage(*args, env):
    dropped = {*PRODUCTION_ENV, "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE", "JOURNAL_KEYS"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    clean["DJANGO_SETTINGS_MODULE"] = "config.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    """Whoever deploys with the documented settings gets a clean check --deploy, no warnings."""
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_rejects_the_console_mailer_in_production():
    """Deploying without a mail server fails check --deploy, before emails silently go nowhere."""
    env = {k: v for k, v in PRODUCTION_ENV.items() if not k.startswith("EMAIL_")}
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "mail.E001" in result.stderr


@pytest.mark.parametrize("key", ["", "django-insecure-short", "x" * 60])
def test_refuses_to_start_without_a_real_secret_key(key):
    """The site won't start in production with a missing or weak SECRET_KEY, and says why."""
    result = manage("check", env={**PRODUCTION_ENV, "SECRET_KEY": key})
    assert result.returncode != 0
    assert "SECRET_KEY is missing or too weak" in result.stderr


def test_refuses_to_start_without_an_encryption_key():
    """The site won't start in production without ENCRYPTION_KEYS, and says so."""
    result = manage("check", env={**PRODUCTION_ENV, "ENCRYPTION_KEYS": ""})
    assert result.returncode != 0
    assert "ENCRYPTION_KEYS is missing" in result.stderr


def test_collectstatic_with_compressed_manifest_storage(tmp_path):
    """A production deploy serves versioned CSS with gzip and Brotli copies, so pages load fast."""
    env = {**PRODUCTION_ENV, "STATIC_ROOT": str(tmp_path)}
    result = manage("collectstatic", "--noinput", env=env)
    assert result.returncode == 0, result.stderr
    manifest = tmp_path / "staticfiles.json"
    assert manifest.exists()
    assert list(tmp_path.glob("css/site.*.css.gz"))
    assert list(tmp_path.glob("css/site.*.css.br")), "no Brotli copy: is brotli installed?"
    assert list(tmp_path.glob("vendor/bootstrap/bootstrap.min.*.css"))


def test_migrate_creates_the_cache_table_production_uses_without_redis(tmp_path):
    """On a fresh deployment without Redis, the first log-in works: migrate made the cache table.

    Without REDIS_URL the database cache holds the rate limits: `migrate` must create it,
    or the first log-in on a fresh deployment would fail."""
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"}
    assert manage("migrate", "--noinput", "-v0", env=env).returncode == 0
    result = manage(
        "shell",
        "-c",
        "from django.core.cache import cache; cache.add('k', 1); print(cache.get('k'))",
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("1")


def test_after_a_rotation_a_server_with_the_old_key_alone_refuses_to_start(tmp_path):
    """After a key rotation, a server left with only the old key refuses to start and names the fix.

    The rotation as docs/encryption.md gives it, in fresh processes on one database: migrate and
    serve with the old key, put a new key first and rotate, then start with the old key alone.
    `check --deploy` fails naming the fix and the WSGI application refuses to load; with both
    keys, newest first, both pass."""
    old = PRODUCTION_ENV["ENCRYPTION_KEYS"]
    new = "bmV3LWtleS1mb3ItdGhlLXJvdGF0aW9uLXRlc3QtMDE="
    env = {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{tmp_path / 'rotated.sqlite3'}"}
    serve = ("shell", "-c", "import config.wsgi")
    assert manage("migrate", "--noinput", "-v0", env=env).returncode == 0
    assert manage(*serve, env=env).returncode == 0  # records the old key
    rotated = manage("rotate_keys", env={**env, "ENCRYPTION_KEYS": f"{new},{old}"})
    assert rotated.returncode == 0, rotated.stderr

    alone = {**env, "ENCRYPTION_KEYS": old}
    check = manage("check", "--deploy", "--fail-level", "WARNING", env=alone)
    assert check.returncode != 0
    assert "vault.E001" in check.stderr
    assert "Put the newer key first in ENCRYPTION_KEYS" in check.stderr
    started = manage(*serve, env=alone)
    assert started.returncode != 0
    assert "exback will not start" in started.stderr
    assert old not in check.stderr + started.stderr

    both = {**env, "ENCRYPTION_KEYS": f"{new},{old}"}
    check = manage("check", "--deploy", "--fail-level", "WARNING", env=both)
    assert check.returncode == 0, check.stdout + check.stderr
    assert manage(*serve, env=both).returncode == 0


# The task queue's backend -----------------------------------------------------------------------
# The database queue by default, Redis one setting away (config.settings run afresh).


def settings_with(monkeypatch, **env) -> dict:
    """config.settings run afresh with these environment variables (the running Django
    settings are untouched)."""
    for name in ("TASKS_BACKEND", "TASKS_REDIS_URL", "REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(ROOT / "config" / "settings.py"))


def test_the_database_queue_is_the_default(monkeypatch):
    """Whoever runs the site needs no Redis for reminders: the database queues them by default."""
    loaded = settings_with(monkeypatch)
    assert loaded["TASKS"] == {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert "django_tasks_db" in loaded["INSTALLED_APPS"]


def test_redis_is_one_setting_away(monkeypatch):
    """Whoever runs the site can move reminders onto Redis with TASKS_BACKEND=rq alone."""
    modules_before = set(sys.modules)
    loaded = settings_with(
        monkeypatch, TASKS_BACKEND="rq", TASKS_REDIS_URL="redis://queue.internal:6379/1"
    )
    assert loaded["TASKS"] == {
        "default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}
    }
    assert loaded["RQ_QUEUES"] == {"default": {"URL": "redis://queue.internal:6379/1"}}
    assert "django_rq" in loaded["INSTALLED_APPS"]
    # Choosing it imports nothing: the package is installed only where it is used.
    assert not {m for m in set(sys.modules) - modules_before if m.startswith("django_tasks_rq")}

    # The cache's Redis serves when the queue has none of its own.
    loaded = settings_with(monkeypatch, TASKS_BACKEND="RQ", REDIS_URL="redis://cache:6379/0")
    assert loaded["RQ_QUEUES"]["default"]["URL"] == "redis://cache:6379/0"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TASKS_BACKEND": "celery"}, "TASKS_BACKEND must be database or rq, not 'celery'."),
        ({"TASKS_BACKEND": "rq"}, "TASKS_BACKEND=rq needs Redis"),
    ],
)
def test_a_wrong_queue_setting_stops_start_up_with_a_clear_message(monkeypatch, env, message):
    """A wrong queue setting stops the site at start-up with a message saying what to fix."""
    with pytest.raises(ImproperlyConfigured, match=message.replace(".", r"\.")):
        settings_with(monkeypatch, **env)

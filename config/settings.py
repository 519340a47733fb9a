"""exback's one settings module: every value that differs between machines comes from the
environment (documented in .env.example). DEBUG is off unless asked for, so a server started
without configuration behaves like production and refuses to run on a placeholder key."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from vault import keys as vault_keys

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    value = value.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# A development key is only acceptable while DEBUG is on; production must bring its own.
DEV_SECRET_KEY = "django-insecure-exback-development-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env_str("SECRET_KEY") or (DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (
    len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure")
):
    raise ImproperlyConfigured(
        "SECRET_KEY is missing or too weak. With DEBUG off, exback needs a real secret key of "
        'at least 50 random characters, for example from: python3 -c "import secrets; '
        'print(secrets.token_urlsafe(50))". Set it in the SECRET_KEY environment variable, '
        "or set DEBUG=true for local development."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Django's admin, signing in through the site's own log-in and only with two-factor on.
    "exback.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django_zxcvbn_password_validator",
    "crispy_forms",
    "crispy_bootstrap5",
    "exback",
    "stages",
    "progress",
    "journal",
    "demo",
    "vault",
    "reminders",
    "safety",
    # Background work: Django's tasks framework with a database queue, and a cron scheduler.
    "django_tasks_db",
    "crontask",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Permissions-Policy and Cross-Origin-Resource-Policy on every response, static files too.
    "exback.middleware.PolicyHeadersMiddleware",
    # gzip for public pages without a secret or a CSRF token only (BREACH): see the module.
    "exback.compression.PublicGZipMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A body in a charset other than UTF-8: the 400 page, before anything reads the request.
    "exback.bad_requests.RejectForeignCharsetsMiddleware",
    # A NUL character in the path or query string: the 400 page, before any view looks it up.
    "exback.bad_requests.RejectNullCharactersMiddleware",
    # Every view is private unless it says `login_not_required`, and needs a verified address.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "exback.middleware.VerifiedEmailMiddleware",
    # Dates, times and "today" in the signed-in person's own time zone.
    "exback.middleware.LocalTimeMiddleware",
    # No write while the encryption keys cannot read what is stored.
    "vault.middleware.RefuseWritesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # No private page in the browser's cache; logout and account deletion clear site data.
    "exback.privacy.PrivatePagesMiddleware",
    # Notes each session's browser, address and last activity for the Sessions page.
    "exback.middleware.UserSessionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "safety.exit.quick_exit_context",
                "exback.privacy.site_name_context",
            ],
            # {% url %} that remembers its answers, in every template (the module says why).
            "builtins": ["exback.templatetags.remembered_urls"],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis shared by every server when REDIS_URL is set (allauth's rate limits count
# there); otherwise the database cache, which every process of one machine shares, or
# process memory for local development.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "exback",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "exback_cache",
        }
    }
# Sessions live in the database so that any server can read any session.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "exback.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Passwords as NIST SP 800-63B-4 asks: long (12 characters or more, passphrases welcome, no
# composition rules), and refused when common, all whitespace or too guessable (zxcvbn).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "exback.passwords.NotOnlyWhitespaceValidator"},
    {"NAME": "exback.passwords.GuessabilityValidator"},
]
# zxcvbn's score from 0 to 4: 3 asks for 10^8 guesses or more ("safely unguessable").
PASSWORD_MINIMAL_STRENGTH = 3
# Words a password must not lean on, besides the person's own email address.
PASSWORD_EXTRA_DICTIONARY = ["exback", "getback", "missyou", "comeback"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

# django-allauth: email is the login, verification is mandatory, rate limits stay on.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming an address (at sign-up, or a new one later): six digits typed on the page that
# asked for them, in the same browser (the default), or a link to open (false). Each code
# allows three tries and lasts 15 minutes (allauth's defaults); the email's wording follows.
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = env_bool("EMAIL_VERIFICATION_BY_CODE", True)
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
# Subjects are neutral: no prefix naming the site; a person in discreet mode sees
# DISCREET_NAME wherever the site would name itself (tab titles, emails). The account emails
# are ours (templates/account/email/, templates/mfa/email/, plain text and HTML), and
# exback.adapters.AccountAdapter gives each one `site_name` from its recipient.
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
SITE_NAME = "exback"
DISCREET_NAME = env_str("DISCREET_NAME", "Notes")
ACCOUNT_PREVENT_ENUMERATION = True
# Our adapter counts failed log-ins per account, whatever Host header a request carries, and
# our forms give sign-up the same work for a new and a registered address (and the browser's
# time zone, from a hidden field).
ACCOUNT_ADAPTER = "exback.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "exback.forms.LoginForm",
    "signup": "exback.forms.SignupForm",
    "change_password": "exback.forms.ChangePasswordForm",
    "set_password": "exback.forms.SetPasswordForm",
    "reset_password_from_key": "exback.forms.ResetPasswordKeyForm",
}
# Changing an address asks for the password (or an authenticator code) again first. Emails
# tell the old address of an email change, and the address of a password or two-factor change.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
# The session that changes the password stays signed in; every other session ends (Django
# ends them when the password hash changes; exback.sessions also deletes them, and does the
# same after a change of second factor).
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# The Sessions page shows each session's browser, address, start and last activity.
USERSESSIONS_TRACK_ACTIVITY = True
# Behind a load balancer, how many proxies add to X-Forwarded-For (rate limits count by IP).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
# Passkeys (WebAuthn, through fido2): a second factor after the password, and, for a key added
# as "passwordless" (stored on the device and unlocked with a fingerprint, face or PIN), a way
# to sign in with no password at all. Browsers allow WebAuthn only on HTTPS or on localhost, and
# fido2 checks the page's origin against the Host header, so nothing here weakens that; tests
# run on http://localhost, which needs no exception (MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN stays off).
MFA_PASSKEY_LOGIN_ENABLED = True
# A passkey credential must be a JSON object before allauth parses it (exback/forms.py).
MFA_FORMS = {"add_webauthn": "exback.forms.AddWebAuthnForm"}
MFA_TOTP_ISSUER = "exback"
# Accept the code of the previous or next 30-second step too: phone clocks drift.
MFA_TOTP_TOLERANCE = 1
# TOTP secrets and recovery-code seeds are encrypted with the same keys as everything else.
MFA_ADAPTER = "exback.adapters.MFAAdapter"
# allauth refuses to add an address to an account with two-factor on, lest someone sign up
# with another's address and lock its owner out with an authenticator. Verification is
# mandatory here, so an unverified account never signs in to turn two-factor on; adding an
# address still asks for the password or a code again (ACCOUNT_REAUTHENTICATION_REQUIRED).
MFA_ALLOW_UNVERIFIED_EMAIL = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Email: the console in development, SMTP as soon as EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "exback <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
if env_str("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST"),
                "port": env_int("EMAIL_PORT", 587),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "use_ssl": env_bool("EMAIL_USE_SSL", False),
                "timeout": env_int("EMAIL_TIMEOUT", 10),
            },
        }
    }
else:
    # With DEBUG on, printed whole, links and all (exback/mail.py), not quoted-printable.
    # Without it, Django's own console backend, which `check --deploy` refuses (mail.E001).
    console = "exback.mail" if DEBUG else "django.core.mail.backends.console"
    MAILERS = {"default": {"BACKEND": f"{console}.EmailBackend"}}

# Where emails sent from the worker (which has no request) link to: scheme, host and port. In
# development, localhost by name, as `make run` serves it (passkeys do not work at 127.0.0.1).
SITE_URL = env_str("SITE_URL") or (
    "http://localhost:8000" if DEBUG else f"https://{(ALLOWED_HOSTS or ['localhost'])[0]}"
)

# Background tasks (django.tasks). By default the database is the queue (django-tasks-db,
# SQLite or PostgreSQL: nothing more to run than `manage.py db_worker`). TASKS_BACKEND=rq
# moves the queue to Redis (django-tasks-rq, installed separately; `manage.py rqworker`).
TASKS_BACKEND = env_str("TASKS_BACKEND", "database").lower()
TASKS: dict[str, dict[str, object]]
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "rq":
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    INSTALLED_APPS.append("django_rq")  # its `manage.py rqworker`
    RQ_QUEUES = {"default": {"URL": env_str("TASKS_REDIS_URL") or REDIS_URL}}
    if not RQ_QUEUES["default"]["URL"]:
        raise ImproperlyConfigured(
            "TASKS_BACKEND=rq needs Redis: set TASKS_REDIS_URL (or REDIS_URL)."
        )
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database or rq, not {TASKS_BACKEND!r}.")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security. HTTPS is assumed whenever DEBUG is off; HTTPS=false is for a loopback benchmark
# or a test server only, never for a public deployment.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if HTTPS else "http"
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 24 * 14)
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "exback.views.csrf_failure"
# Our other responses are for this origin alone: no other site may load them (Spectre and
# cross-site leaks). Set by exback.middleware.PolicyHeadersMiddleware, as is the next one.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# Permissions-Policy: every powerful browser feature off, for our pages and anything they
# could ever embed, except WebAuthn on our own origin (passkeys and security keys). Only
# names Chromium recognises: it warns in the console about any other (it does not know
# ambient-light-sensor, battery, bluetooth or, on Linux, web-share).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "captured-surface-control",
        "clipboard-read",
        "clipboard-write",
        "compute-pressure",
        "digital-credentials-get",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "gamepad",
        "geolocation",
        "gyroscope",
        "hid",
        "identity-credentials-get",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "otp-credentials",
        "payment",
        "picture-in-picture",
        "screen-wake-lock",
        "serial",
        "speaker-selection",
        "storage-access",
        "usb",
        "window-management",
        "xr-spatial-tracking",
    ]
} | {"publickey-credentials-create": ["self"], "publickey-credentials-get": ["self"]}

# Only our own origin: no CDN, no fonts, no analytics, and no inline script or style.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's default logging gives the "django" logger a console handler of its own
        # (with DEBUG on), and its records also reach the root's: each line of the worker
        # (django.tasks) and of the development server printed twice. No handler of its own:
        # they print once, through the root's.
        "django": {"handlers": [], "level": env_str("LOG_LEVEL", "INFO")},
        # Request bodies never reach the logs: they can hold journal text.
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        # The scheduler (manage.py crontask) otherwise notes every run of every job.
        "apscheduler": {"level": "WARNING"},
    },
}

# Encryption at rest (vault/): ENCRYPTION_KEYS holds comma-separated Fernet keys, newest
# first (the old name JOURNAL_KEYS still works, with a deprecation warning). Everything a person
# writes is encrypted with the first and read with any; search tokens use a separate key
# derived from each. Keep these keys out of database backups.
ENCRYPTION_KEYS = vault_keys.from_environment()
if not ENCRYPTION_KEYS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ENCRYPTION_KEYS is missing. With DEBUG off, exback needs at least one key to "
            "encrypt what people write. "
            + vault_keys.KEY_HELP
            + ". Set it in the ENCRYPTION_KEYS environment variable (comma-separated, newest "
            "first), or set DEBUG=true for local development."
        )
    # Development only: derived from SECRET_KEY so that `make run` keeps reading its data.
    import base64
    import hashlib

    ENCRYPTION_KEYS = [
        base64.urlsafe_b64encode(
            hashlib.sha256(b"exback journal development key|" + SECRET_KEY.encode()).digest()
        ).decode()
    ]

# Where the quick exit (every page's header, or Shift pressed three times) leaves for: a
# neutral page, once it has signed the person out (safety.views.quick_exit).
QUICK_EXIT_URL = env_str("QUICK_EXIT_URL", "https://www.bbc.com/weather")

# The benchmark's floor view (scripts/bench.py); off everywhere else.
BENCH_FLOOR = env_bool("BENCH_FLOOR", False)

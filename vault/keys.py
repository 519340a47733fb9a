"""Reading the key ring from the environment, with errors that name a key by its position,
never by its value. Imported by the settings, so it touches no models."""

import base64
import binascii
import os
import warnings

from django.core.exceptions import ImproperlyConfigured

ENV_NAME = "ENCRYPTION_KEYS"
OLD_ENV_NAME = "JOURNAL_KEYS"  # before everything a person writes was encrypted
KEY_HELP = (
    'Make a key with: python3 -c "from cryptography.fernet import Fernet; '
    'print(Fernet.generate_key().decode())"'
)


def from_environment(environ=os.environ) -> list[str]:
    """The configured keys, newest first; the old variable name still works, with a warning."""
    raw = environ.get(ENV_NAME, "")
    if not raw.strip() and environ.get(OLD_ENV_NAME, "").strip():
        warnings.warn(
            f"{OLD_ENV_NAME} is deprecated: it now encrypts everything a person writes, not only "
            f"the journal. Rename it to {ENV_NAME} (same value).",
            DeprecationWarning,
            stacklevel=2,
        )
        raw = environ[OLD_ENV_NAME]
    return parse(raw)


def parse(raw: str) -> list[str]:
    """Comma-separated Fernet keys, newest first. Each must decode to 32 bytes; none twice."""
    keys = [part.strip() for part in raw.split(",")]
    if keys == [""]:
        return []
    seen: dict[bytes, int] = {}
    for position, key in enumerate(keys, start=1):
        if not key:
            raise ImproperlyConfigured(
                f"{ENV_NAME}: key number {position} is empty (two commas in a row, or a comma "
                "at the end)."
            )
        try:
            decoded = base64.urlsafe_b64decode(key.encode("ascii"))
        except (binascii.Error, UnicodeEncodeError, ValueError):
            decoded = b""
        if len(decoded) != 32:
            raise ImproperlyConfigured(
                f"{ENV_NAME}: key number {position} is not a valid key (it must be 32 bytes in "
                f"url-safe base64, 44 characters). {KEY_HELP}"
            )
        if decoded in seen:
            raise ImproperlyConfigured(
                f"{ENV_NAME}: key number {position} repeats key number {seen[decoded]}. List each "
                "key once, newest first."
            )
        seen[decoded] = position
    return keys

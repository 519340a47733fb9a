"""Keys that fail safe: can the configured keys read what is already stored?

Each key that has been the newest in use is recorded, in order, as a key check (models.KeyCheck).
The configured keys must read what is stored, the newest recorded key must be among them (after
a rotation, the older key alone can read none of what was rewritten), and no key recorded
later may come after an older one. Checked when a server starts (config/wsgi.py refuses to
start otherwise), by `manage.py check --deploy` (vault.E001, vault/checks.py), by /healthz
(503), and before every write (writes are refused). The answer is kept for CHECK_SECONDS per
process. Messages name keys by position and fingerprint, never by value.
"""

import logging
import time
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.signals import setting_changed
from django.db import DatabaseError, connection, transaction

from . import crypto

logger = logging.getLogger(__name__)

CHECK_SECONDS = 30
CANARY = "exback: this key can read what is stored"


class UnsafeKeys(Exception):
    """The configured keys cannot read what is stored: nothing may be written."""


@dataclass(frozen=True)
class Status:
    ok: bool
    message: str = ""


_cache: dict[str, tuple[float, Status]] = {}


def reset(**kwargs) -> None:
    _cache.clear()


setting_changed.connect(reset)


def status(*, fresh: bool = False) -> Status:
    now = time.monotonic()
    cached = _cache.get("status")
    if cached and not fresh and now - cached[0] < CHECK_SECONDS:
        return cached[1]
    try:
        result = _check(record=True)
    except DatabaseError:
        # The database is away (healthz says so on its own); don't hold that against the keys.
        return cached[1] if cached else Status(True)
    if not result.ok:
        logger.error("Encryption keys: %s", result.message)
    _cache["status"] = (now, result)
    return result


def refuse_if_unsafe() -> None:
    """Called before anything is encrypted: uses the last known status, never a query."""
    cached = _cache.get("status")
    if cached and not cached[1].ok:
        raise UnsafeKeys(cached[1].message)


def _position(fingerprints: list[str], fingerprint: str) -> int | None:
    return fingerprints.index(fingerprint) if fingerprint in fingerprints else None


def _check(*, record: bool) -> Status:
    """The keys' status; with `record`, a new newest key that can read what is stored is
    recorded (a server starting; `check --deploy` only looks)."""
    from .models import KeyCheck

    ring = crypto.keys()
    if not ring:
        return Status(False, "ENCRYPTION_KEYS is empty.")
    fingerprints = [crypto.fingerprint(key) for key in ring]
    if KeyCheck._meta.db_table not in connection.introspection.table_names():
        return Status(True)  # not migrated yet: nothing is stored
    # Newest first, in the order they were recorded (ids, unlike clocks, never disagree).
    checks = list(KeyCheck.objects.order_by("-pk"))
    readable = [check for check in checks if crypto.reader_of(check.token) is not None]
    if checks and not readable:
        return Status(
            False,
            "none of the configured keys can read the stored data (it was written with the key "
            f"fingerprinted {checks[0].fingerprint}; configured: {', '.join(fingerprints)}). "
            "Put that key back in ENCRYPTION_KEYS, newest first, and restart.",
        )
    if checks and checks[0].fingerprint not in fingerprints:
        # An older key alone (or beside a key that never served) reads some of what is stored,
        # but nothing written or rotated since the newest key came in: pages would show that
        # text as unreadable, and a save would replace it for good.
        return Status(
            False,
            f"the newest key data was written with (fingerprinted {checks[0].fingerprint}) is "
            f"not configured (configured: {', '.join(fingerprints)}), so what was written or "
            "rotated since it came in cannot be read. Put the newer key first in "
            "ENCRYPTION_KEYS (newer,older) and restart.",
        )
    recorded = {check.fingerprint for check in checks}
    if checks and fingerprints[0] in recorded:
        # The first key has been the newest before; if a key recorded after it is listed
        # later, someone put an older key first.
        newest = _position(fingerprints, checks[0].fingerprint)
        if newest is not None and newest > 0:
            return Status(
                False,
                f"the keys are in the wrong order: key number {newest + 1} is the newest key "
                "data was written with, so it must come first. List keys newest first.",
            )
    # Without a key check yet (a database from before them), look at the stored data itself.
    sample = None if checks else _sample_unreadable()
    if sample:
        return Status(
            False,
            f"stored data in {sample} cannot be read with any configured key. Put the key it was "
            "written with back in ENCRYPTION_KEYS and restart.",
        )
    if record and fingerprints[0] not in recorded:
        # A new newest key, and the ring can read what is stored: record it.
        with transaction.atomic():
            KeyCheck.objects.get_or_create(
                fingerprint=fingerprints[0], defaults={"token": crypto.encrypt(CANARY)}
            )
    return Status(True)


def _sample_unreadable() -> str | None:
    """The newest stored value of each encrypted column must be readable: catches a wrong key
    on a database that has data but no key check yet. (Once key checks exist, they decide: a
    single unreadable row must not stop the site.)"""
    from .fields import EncryptedMixin

    with connection.cursor() as cursor:
        for model in apps.get_models():
            for field in model._meta.concrete_fields:
                if not isinstance(field, EncryptedMixin):
                    continue
                table, column = model._meta.db_table, str(field.column)
                pk = str(model._meta.pk.column)
                quote = connection.ops.quote_name
                cursor.execute(
                    f"SELECT {quote(column)} FROM {quote(table)} "  # noqa: S608 - names from models
                    f"WHERE {quote(column)} LIKE %s ORDER BY {quote(pk)} DESC LIMIT 1",
                    [crypto.TOKEN_PREFIX + "%"],
                )
                row = cursor.fetchone()
                if row and crypto.reader_of(row[0]) is None:
                    return f"{table}.{column}"
    return None


def deploy_check() -> Status:
    """For vault/checks.py: the keys' status as it stands, recording nothing; a database that
    cannot be reached passes here (the server checks again when it starts)."""
    try:
        return _check(record=False)
    except DatabaseError:
        return Status(True)


def check_at_startup() -> None:
    """For config/wsgi.py: refuse to serve when the keys cannot read what is stored."""
    if getattr(settings, "ENCRYPTION_CHECK_AT_STARTUP", True):
        result = status(fresh=True)
        if not result.ok:
            from django.core.exceptions import ImproperlyConfigured

            raise ImproperlyConfigured(f"exback will not start: {result.message}")

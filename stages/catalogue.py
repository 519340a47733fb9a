"""The program's sections (Stage rows), loaded once per process instead of on every page.

They change only when staff edit them in the admin (or a migration reloads the content), and
every page of the program needs them: loading the eleven rows with their text and three JSON
columns cost about 1.3 ms a request. A save or delete of a Stage forgets this process's copy at
once and bumps a version in the shared cache (Redis in production), which every other process
compares with its own at most once a second; so an edit shows everywhere within a second, and
without a shared cache (process memory, `DEBUG`) only in the process that made it, at once.

Callers get fresh copies of the rows, never the shared ones: pages set per-person attributes
on them (`user_status` and friends).
"""

import copy
import threading
import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404

from .models import Stage

VERSION_KEY = "stages:catalogue:version"
CHECK_EVERY = 1.0  # seconds between looks at the shared version

_lock = threading.Lock()
_rows: list[Stage] | None = None
_version = None
_checked_at = 0.0


def _current() -> list[Stage]:
    global _rows, _version, _checked_at
    now = time.monotonic()
    rows = _rows
    if rows is not None and now - _checked_at < CHECK_EVERY:
        return rows
    with _lock:
        version = cache.get(VERSION_KEY)
        if _rows is None or version != _version:
            _rows = list(Stage.objects.order_by("number"))
            _version = version
        _checked_at = now
        return _rows


def sections() -> list[Stage]:
    """Every section in the program's order, as copies this request may annotate."""
    return [copy.copy(stage) for stage in _current()]


def section(slug: str, *, stages_only=False) -> Stage:
    """One section by its slug (a copy), or 404."""
    for stage in _current():
        if stage.slug == slug and (stage.is_stage or not stages_only):
            return copy.copy(stage)
    raise Http404("No such part of the program.")


def reset() -> None:
    """Drop this process's copy only (tests: a rolled-back edit leaves no signal behind)."""
    global _rows
    with _lock:
        _rows = None


def _forget_now() -> None:
    global _rows
    with _lock:
        _rows = None
    cache.set(VERSION_KEY, time.time_ns(), None)


def forget(**kwargs) -> None:
    """Receiver of Stage's save and delete: drop this process's copy and tell the others, at
    once and again when the edit commits (the admin saves in a transaction: a page that
    reloads the rows in between reads them as they were, and must not keep them)."""
    _forget_now()
    transaction.on_commit(_forget_now)


post_save.connect(forget, sender=Stage, dispatch_uid="stages.catalogue.saved")
post_delete.connect(forget, sender=Stage, dispatch_uid="stages.catalogue.deleted")

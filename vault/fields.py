"""Model fields whose values are stored encrypted (vault.crypto) and handed to Python as
plain values. Every value written goes through encryption (save, update, bulk_create); every
value read is decrypted, so load only the rows a page shows.

A value no configured key can read does not raise: it arrives as `Unreadable` (text) or
`UnreadableData` (answers), which say so on the page, keep the stored token if the row is
saved again, and are logged by table, column and id, never by content.
"""

import json
import logging
from typing import Any

from django import forms
from django.db import models
from django.db.models.signals import post_init

from . import crypto, health

logger = logging.getLogger(__name__)

UNREADABLE_MESSAGE = (
    "This can't be read with the current encryption keys. Nothing is lost yet: the site's "
    "operator can restore the key it was written with (see docs/encryption.md)."
)


class Unreadable(str):
    """Text that no configured key can read. Shows as UNREADABLE_MESSAGE."""

    unreadable = True
    token: str

    def __new__(cls, token: str) -> "Unreadable":
        obj = super().__new__(cls, UNREADABLE_MESSAGE)
        obj.token = token
        return obj


class UnreadableData(dict):
    """Answers that no configured key can read: empty, so pages show them as not answered."""

    unreadable = True

    def __init__(self, token: str):
        super().__init__()
        self.token = token


def log_unreadable(table: str, pk, values: dict[str, Any]) -> None:
    """Log each of a row's values that no key can read, by table, column and id only. Model
    instances are checked as they are made; a page that reads plain rows (values_list) calls
    this for the encrypted values it read."""
    for name, value in values.items():
        if getattr(value, "unreadable", False):
            logger.warning("%s id=%s: %s cannot be read with the configured keys", table, pk, name)


def _log_unreadable(sender, instance, **kwargs):
    log_unreadable(
        sender._meta.db_table,
        instance.pk,
        {
            field.attname: instance.__dict__.get(field.attname)
            for field in sender._meta.concrete_fields
            if isinstance(field, EncryptedMixin)
        },
    )


class EncryptedMixin:
    """Shared by the encrypted fields: stored as a Fernet token in a text column."""

    attname: str

    def get_internal_type(self) -> str:
        return "TextField"

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)  # type: ignore[misc]
        if not cls._meta.abstract:
            post_init.connect(_log_unreadable, sender=cls, dispatch_uid=f"vault:{cls._meta.label}")

    def seal(self, plain: str) -> str:
        health.refuse_if_unsafe()
        return crypto.encrypt(plain)

    def open(self, token: str):
        if not token.startswith(crypto.TOKEN_PREFIX):
            # Written before this column was encrypted; the migration is still on its way.
            return self.from_plain(token)
        try:
            return self.from_plain(crypto.decrypt(token))
        except crypto.InvalidToken:
            return self.unreadable(token)

    def from_plain(self, text: str):
        return text

    def unreadable(self, token: str):
        return Unreadable(token)


class EncryptedTextField(EncryptedMixin, models.TextField):
    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return self.open(value)

    def get_prep_value(self, value):
        if isinstance(value, Unreadable):
            return value.token
        value = super().get_prep_value(value)
        if value is None:
            return value
        return self.seal(value)


class EncryptedCharField(EncryptedTextField):
    """An encrypted one-line text: a text column (the ciphertext is longer than the text),
    but a one-line input with the length limit in forms."""

    def formfield(self, **kwargs):
        return models.Field.formfield(self, **{"max_length": self.max_length, **kwargs})


class EncryptedJSONField(EncryptedMixin, models.Field):
    """JSON (answers to questions) stored encrypted in a text column, so no one reading the
    database can tell what anyone answered."""

    # For django-stubs: the Python value is the decoded JSON.
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return self.open(value)

    def from_plain(self, text: str):
        return json.loads(text)

    def unreadable(self, token: str):
        return UnreadableData(token)

    def to_python(self, value):
        if isinstance(value, str):
            return json.loads(value)
        return value

    def get_prep_value(self, value):
        if isinstance(value, UnreadableData):
            return value.token
        if value is None:
            return value
        return self.seal(json.dumps(value, ensure_ascii=False, sort_keys=True))

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.JSONField(**kwargs)

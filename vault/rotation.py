"""Re-encrypting what is stored with the newest key, one model at a time.

Batches walk the table in primary-key order, one transaction each, so the site keeps running
and an interrupted run can simply be started again (a row already under the newest key is
rewritten the same way). Rows no configured key can read are skipped and reported by table
and id, never by content."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models, transaction

from . import crypto
from .fields import EncryptedMixin


@dataclass
class Report:
    label: str
    rows: int = 0
    rewritten: int = 0
    unreadable: list[str] = field(default_factory=list)
    # How many stored values each key reads: "key 1" (newest), "key 2", "plain", "unreadable".
    by_key: Counter = field(default_factory=Counter)


def encrypted_models() -> list[tuple[type[models.Model], list[Any]]]:
    found = []
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, EncryptedMixin)]
        if fields:
            found.append((model, fields))
    return found


def _key_name(value: str) -> str:
    if not value.startswith(crypto.TOKEN_PREFIX):
        return "plain"
    position = crypto.reader_of(value)
    return "unreadable" if position is None else f"key {position + 1}"


def rotate_model(
    model: type[models.Model],
    fields: list[Any],
    *,
    batch_size: int = 200,
    dry_run: bool = False,
    after_batch: Callable[[list[int | str]], None] | None = None,
    progress: Callable[[Report], None] | None = None,
) -> Report:
    """Rewrite every encrypted column of `model` under the newest key, working on the stored
    tokens as SQL returns them (the ORM would decrypt them on the way)."""
    report = Report(model._meta.label)
    columns = [f.attname for f in fields]
    last = None
    while True:
        with transaction.atomic():
            batch = _raw_batch(model, columns, last, batch_size, lock=not dry_run)
            if not batch:
                break
            updates = []
            for pk, *values in batch:
                report.rows += 1
                names = [_key_name(v) for v in values if v is not None]
                report.by_key.update(names)
                if "unreadable" in names:
                    report.unreadable.append(f"{model._meta.db_table} id={pk}")
                    continue
                new = {}
                for column, value in zip(columns, values, strict=True):
                    if value is None:
                        continue
                    new[column] = (
                        crypto.encrypt(value)
                        if not value.startswith(crypto.TOKEN_PREFIX)
                        else crypto.reencrypt(value)
                    )
                updates.append((pk, new))
            if not dry_run:
                _raw_update(model, updates)
                report.rewritten += len(updates)
                if after_batch:
                    after_batch([pk for pk, _ in updates])
        last = batch[-1][0]
        if progress:
            progress(report)
    return report


def _raw_batch(model, columns, last, batch_size, *, lock):
    # .values_list() would run the fields' from_db_value (decrypting); a plain SQL read keeps
    # the tokens as stored.
    from django.db import connection

    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    pk = quote(model._meta.pk.column)
    where, params = ("", [])
    if last is not None:
        where, params = (f"WHERE {pk} > %s", [model._meta.pk.get_db_prep_value(last, connection)])
    select = ", ".join(quote(model._meta.get_field(c).column) for c in columns)
    sql = f"SELECT {pk}, {select} FROM {table} {where} ORDER BY {pk} LIMIT %s"  # noqa: S608
    if lock and connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, batch_size])
        rows = cursor.fetchall()
    return [(model._meta.pk.to_python(row[0]), *row[1:]) for row in rows]


def _raw_update(model, updates: Iterable[tuple[object, dict[str, str]]]):
    from django.db import connection

    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    pk = quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        for pk_value, new in updates:
            if not new:
                continue
            sets = ", ".join(f"{quote(model._meta.get_field(c).column)} = %s" for c in new)
            cursor.execute(
                f"UPDATE {table} SET {sets} WHERE {pk} = %s",  # noqa: S608 - names from models
                [*new.values(), model._meta.pk.get_db_prep_value(pk_value, connection)],
            )

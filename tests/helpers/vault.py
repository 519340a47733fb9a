"""What the database holds under encryption, read with SQL, and values no key can read."""

from cryptography.fernet import Fernet
from django.db import connection

from journal.models import Entry


def raw_values(table, columns, where="", params=()):
    quote = connection.ops.quote_name
    select = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {select} FROM {quote(table)} {where}", params)  # noqa: S608
        return cursor.fetchall()


def seal_with_a_lost_key(text):
    return Fernet(Fernet.generate_key()).encrypt(text.encode()).decode()


def lose_the_key_of(entry):
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Entry._meta.db_table} SET body = %s WHERE id = %s",  # noqa: S608
            [seal_with_a_lost_key("gone"), Entry._meta.pk.get_db_prep_value(entry.pk, connection)],
        )

"""Journal text at rest: encrypted, readable across key rotation, and still searchable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from journal import crypto
from journal.models import Entry, EntryToken

from .factories_journal import EntryFactory

ROOT = Path(__file__).resolve().parent.parent


def raw_row(entry):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT title, body FROM {Entry._meta.db_table} WHERE id = %s",  # noqa: S608
            [Entry._meta.pk.get_db_prep_value(entry.pk, connection)],
        )
        return cursor.fetchone()


@pytest.mark.django_db
def test_title_and_body_are_encrypted_in_the_database(user):
    entry = EntryFactory(user=user, title="Secret title", body="My very private thoughts")
    title, body = raw_row(entry)
    assert "Secret" not in title
    assert "private" not in body
    assert body.startswith("gAAAAA")  # a Fernet token
    assert Entry.objects.get(pk=entry.pk).body == "My very private thoughts"


@pytest.mark.django_db
def test_search_tokens_do_not_contain_the_words(user):
    entry = EntryFactory(user=user, title="", body="river")
    tokens = list(EntryToken.objects.filter(entry=entry).values_list("token", flat=True))
    assert len(tokens) == 1
    assert "river" not in tokens[0]
    assert len(tokens[0]) == crypto.TOKEN_LENGTH


def test_the_same_text_encrypts_differently_each_time():
    assert crypto.encrypt("same") != crypto.encrypt("same")


def test_index_key_is_not_the_encryption_key(settings):
    key = settings.JOURNAL_KEYS[0]
    raw = Fernet(key)
    derived = crypto._index_key(key)
    assert derived not in (raw._signing_key, raw._encryption_key)
    assert derived != key.encode()


def test_words_are_casefolded_accent_stripped_and_split_on_punctuation():
    assert crypto.normalise_words("Café, CAFÉ! naïve-Ärger x 42 l'été") == {
        "cafe",
        "naive",
        "arger",
        "42",
        "ete",
    }


@pytest.mark.django_db
def test_rotation_keeps_everything_readable_and_searchable(settings, user):
    old_key = settings.JOURNAL_KEYS[0]
    old_entry = EntryFactory(user=user, title="Old", body="written under the old key")

    # A new key goes to the front: old entries are still readable and findable.
    new_key = Fernet.generate_key().decode()
    settings.JOURNAL_KEYS = [new_key, old_key]
    assert Entry.objects.get(pk=old_entry.pk).body == "written under the old key"
    assert list(Entry.objects.search(user, "old key")) == [old_entry]
    new_entry = EntryFactory(user=user, title="New", body="written under the new key")
    assert set(Entry.objects.search(user, "key written")) == {old_entry, new_entry}

    call_command("rotate_journal_keys", batch_size=1, stdout=open(os.devnull, "w"))  # noqa: SIM115

    # The old key can go: everything is readable and findable with the new one alone.
    settings.JOURNAL_KEYS = [new_key]
    assert {e.body for e in Entry.objects.all()} == {
        "written under the old key",
        "written under the new key",
    }
    assert list(Entry.objects.search(user, "old key")) == [old_entry]
    assert set(Entry.objects.search(user, "written")) == {old_entry, new_entry}
    assert Fernet(new_key).decrypt(raw_row(old_entry)[1].encode())


@pytest.mark.django_db
def test_rotation_does_not_change_versions_or_dates(settings, user):
    entry = EntryFactory(user=user)
    settings.JOURNAL_KEYS = [Fernet.generate_key().decode(), *settings.JOURNAL_KEYS]
    call_command("rotate_journal_keys", stdout=open(os.devnull, "w"))  # noqa: SIM115
    fresh = Entry.objects.get(pk=entry.pk)
    assert (fresh.version, fresh.updated_at) == (entry.version, entry.updated_at)


def run_check(env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"JOURNAL_KEYS", "DEBUG", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_refuses_to_start_without_journal_keys_in_production():
    result = run_check({"DEBUG": "false", "ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "JOURNAL_KEYS is missing" in result.stderr


def test_refuses_an_invalid_journal_key():
    result = run_check({"DEBUG": "false", "JOURNAL_KEYS": "not-a-key"})
    assert result.returncode != 0
    assert "not a valid Fernet key" in result.stderr
    assert "not-a-key" not in result.stderr


def test_development_derives_a_key_without_configuration():
    result = run_check({"DEBUG": "true"})
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_rotate_command_refuses_a_batch_size_below_one():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("rotate_journal_keys", batch_size=0)

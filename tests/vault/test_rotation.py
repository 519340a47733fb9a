"""After a key rotation everything reads and searches as before, and nothing is lost."""

import time
from io import StringIO

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from journal.models import Entry
from progress.models import Memory
from tests.clock import NOON
from tests.factories.journal import EntryFactory
from tests.factories.progress import MemoryFactory
from tests.helpers.vault import lose_the_key_of, raw_values
from vault import crypto, health


@pytest.mark.django_db
def test_totp_secrets_are_encrypted_and_login_still_works_after_rotation(client, user, settings):
    """Authenticator app codes keep working after a key rotation; the secret is never readable."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

    secret = "JBSWY3DPEHPK3PXP"
    authenticator = TOTP.activate(user, secret).instance
    stored = Authenticator.objects.get(pk=authenticator.pk).data["secret"]
    assert stored.startswith(crypto.TOKEN_PREFIX)
    assert secret not in stored

    new_key = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new_key, *settings.ENCRYPTION_KEYS]
    call_command("rotate_keys", stdout=StringIO())
    settings.ENCRYPTION_KEYS = [new_key]
    rotated = Authenticator.objects.get(pk=authenticator.pk)
    assert Fernet(new_key).decrypt(rotated.data["secret"].encode()).decode() == secret

    with time_machine.travel(NOON, tick=False):
        code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
        assert TOTP(rotated).validate_code(code)


# Rotation -------------------------------------------------------------------------------------
def raw_entry(entry):
    return raw_values(
        Entry._meta.db_table,
        ["title", "body"],
        "WHERE id = %s",
        [Entry._meta.pk.get_db_prep_value(entry.pk, connection)],
    )[0]


@pytest.mark.django_db
def test_rotation_keeps_everything_readable_and_searchable(settings, user):
    """After the site's keys are rotated, every entry and memory reads and searches as before."""
    old_key = settings.ENCRYPTION_KEYS[0]
    old_entry = EntryFactory(user=user, title="Old", body="written under the old key")
    memory = MemoryFactory(user=user, what="the old lake")

    # A new key goes to the front: old rows are still readable and findable.
    new_key = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new_key, old_key]
    assert Entry.objects.get(pk=old_entry.pk).body == "written under the old key"
    assert list(Entry.objects.search(user, "old key")) == [old_entry]
    new_entry = EntryFactory(user=user, title="New", body="written under the new key")
    assert set(Entry.objects.search(user, "key written")) == {old_entry, new_entry}
    assert set(Entry.objects.search(user, "writ")) == {old_entry, new_entry}

    out = StringIO()
    call_command("rotate_keys", batch_size=1, stdout=out)
    assert "journal.Entry: 2 rows" in out.getvalue()

    # The old key can go: everything is readable and findable with the new one alone.
    settings.ENCRYPTION_KEYS = [new_key]
    assert {e.body for e in Entry.objects.all()} == {
        "written under the old key",
        "written under the new key",
    }
    assert Memory.objects.get(pk=memory.pk).what == "the old lake"
    assert list(Entry.objects.search(user, "old key")) == [old_entry]
    assert set(Entry.objects.search(user, "written")) == {old_entry, new_entry}
    assert set(Entry.objects.search(user, "writ unde")) == {old_entry, new_entry}
    assert Fernet(new_key).decrypt(raw_entry(old_entry)[1].encode())


@pytest.mark.django_db
def test_rotation_does_not_change_versions_or_dates(settings, user):
    """After a key rotation, entries keep their edit dates and no edit clashes with another tab."""
    entry = EntryFactory(user=user)
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.ENCRYPTION_KEYS]
    call_command("rotate_keys", stdout=StringIO())
    fresh = Entry.objects.get(pk=entry.pk)
    assert (fresh.version, fresh.updated_at) == (entry.version, entry.updated_at)


@pytest.mark.django_db
def test_dry_run_counts_rows_per_key_and_changes_nothing(settings, user):
    """Whoever runs the site can preview a key rotation, rows counted per key, with no change."""
    entry = EntryFactory(user=user, title="t", body="b")
    before = raw_entry(entry)
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.ENCRYPTION_KEYS]
    out = StringIO()
    call_command("rotate_keys", dry_run=True, stdout=out)
    assert "journal.Entry: 1 rows (2 key 2); would rewrite 1" in out.getvalue()
    assert raw_entry(entry) == before


@pytest.mark.django_db
def test_rotation_skips_an_unreadable_row_reports_it_and_fails(settings, user):
    """A rotation meeting an unreadable row names it, rotates the rest, and says keep old keys."""
    assert health.status(fresh=True).ok  # the site has run: its key is recorded
    readable = EntryFactory(user=user, body="still fine")
    lost = EntryFactory(user=user, body="will be lost")
    lose_the_key_of(lost)
    new_key = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new_key, *settings.ENCRYPTION_KEYS]
    err = StringIO()
    with pytest.raises(CommandError, match="Do not remove any old key yet"):
        call_command("rotate_keys", stdout=StringIO(), stderr=err)
    assert f"journal_entry id={lost.pk}" in err.getvalue()
    assert "will be lost" not in err.getvalue()
    # The readable row was rotated all the same.
    assert Fernet(new_key).decrypt(raw_entry(readable)[1].encode()).decode() == "still fine"


def test_rotate_command_refuses_a_batch_size_below_one(db):
    """Key rotation refuses a batch size below one rather than doing nothing."""
    with pytest.raises(CommandError):
        call_command("rotate_keys", batch_size=0)

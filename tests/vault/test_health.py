"""With the wrong keys the site refuses to start or save, and says which key to put first."""

from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError
from django.urls import reverse

from journal.models import Entry
from progress.models import Apology
from tests.factories.journal import EntryFactory
from tests.factories.progress import ApologyFactory
from vault import crypto, health
from vault.checks import keys_read_what_is_stored
from vault.models import KeyCheck


# Keys fail safe -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_the_first_check_records_the_key_in_use(settings):
    """A site's first key check notes which key it runs with, so a wrong key later is caught."""
    assert health.status(fresh=True).ok
    assert list(KeyCheck.objects.values_list("fingerprint", flat=True)) == [
        crypto.fingerprint(settings.ENCRYPTION_KEYS[0])
    ]


@pytest.mark.django_db
def test_a_wrong_key_fails_healthz_refuses_writes_and_stops_startup(
    client_logged_in, settings, user
):
    """With a wrong key the health check fails, saving is paused, and the site won't restart."""
    EntryFactory(user=user, body="written with the right key")
    assert health.status(fresh=True).ok
    right_key = settings.ENCRYPTION_KEYS[0]
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    response = client_logged_in.get(reverse("healthz"))
    assert response.status_code == 503
    assert "encryption keys" in response.content.decode()
    assert right_key not in response.content.decode()

    count = Entry.objects.count()
    response = client_logged_in.post(reverse("journal:new"), {"body": "new words", "title": ""})
    assert response.status_code == 503
    assert "Saving is paused" in response.content.decode()
    assert Entry.objects.count() == count
    with pytest.raises(health.UnsafeKeys):
        EntryFactory(user=user, body="must not be written with the wrong key")

    with pytest.raises(ImproperlyConfigured, match="will not start") as error:
        health.check_at_startup()
    assert right_key not in str(error.value)


@pytest.mark.django_db
def test_a_wrong_key_is_caught_even_before_any_key_check_was_recorded(settings, user):
    """A wrong key is caught even on a site that never noted its key, naming what can't be read."""
    EntryFactory(user=user, body="stored before key checks existed")
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    result = health.status(fresh=True)
    assert not result.ok
    assert "journal_entry" in result.message
    assert not KeyCheck.objects.exists()


@pytest.mark.django_db
def test_keys_in_the_wrong_order_are_refused(settings):
    """Keys listed oldest first are refused with a wrong order message that prints neither."""
    old = settings.ENCRYPTION_KEYS[0]
    assert health.status(fresh=True).ok
    new = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new, old]
    assert health.status(fresh=True).ok  # a rotation under way: the new key is recorded
    settings.ENCRYPTION_KEYS = [old, new]
    result = health.status(fresh=True)
    assert not result.ok
    assert "wrong order" in result.message
    assert old not in result.message and new not in result.message


def rotate_to_a_new_key(settings):
    """The site has run with its key; a new key goes first and everything is rotated to it.
    Returns (old, new)."""
    old = settings.ENCRYPTION_KEYS[0]
    assert health.status(fresh=True).ok
    new = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [new, old]
    call_command("rotate_keys", stdout=StringIO())
    return old, new


def deploy_errors():
    return [message for message in keys_read_what_is_stored() if message.level >= checks.ERROR]


@pytest.mark.django_db
def test_after_a_rotation_the_old_key_alone_refuses_to_start_and_to_save(
    program_client, settings, user
):
    """After a rotation, a site left with only the old key stops and names the fix, losing nothing.

    Started with the old key alone, the server passed every check, showed the rotated text as
    unreadable, and a save replaced it for good. Now the check fails, naming the fix."""
    apology = ApologyFactory(user=user, draft="I am sorry for the things I said in March.")
    old, new = rotate_to_a_new_key(settings)
    settings.ENCRYPTION_KEYS = [old]

    result = health.status(fresh=True)
    assert not result.ok
    assert "Put the newer key first in ENCRYPTION_KEYS" in result.message
    assert crypto.fingerprint(new) in result.message
    assert old not in result.message and new not in result.message

    with pytest.raises(ImproperlyConfigured, match="will not start.*newer key first"):
        health.check_at_startup()
    (error,) = deploy_errors()
    assert error.id == "vault.E001"
    assert "Put the newer key first in ENCRYPTION_KEYS" in error.msg
    with pytest.raises(SystemCheckError, match="vault.E001"):
        call_command("check", "--deploy", "--tag", "encryption", stdout=StringIO())

    response = program_client.get(reverse("healthz"))
    assert response.status_code == 503
    assert "newer key first" in response.content.decode()
    response = program_client.post(reverse("progress:apology"), {"draft": "Sorry."})
    assert response.status_code == 503
    assert "Saving is paused" in response.content.decode()
    with pytest.raises(CommandError, match="newer key first"):
        call_command("rotate_keys", stdout=StringIO())

    # With the new key back, first, nothing was lost.
    settings.ENCRYPTION_KEYS = [new, old]
    assert health.status(fresh=True).ok
    assert Apology.objects.get(pk=apology.pk).draft == apology.draft


@pytest.mark.django_db
@pytest.mark.parametrize("ring", ["new,old", "new"])
def test_after_a_rotation_the_new_key_first_passes_every_check(client, settings, user, ring):
    """Both keys, newest first, or the new key alone once rotated: all fine."""
    entry = EntryFactory(user=user, body="written before the rotation")
    old, new = rotate_to_a_new_key(settings)
    settings.ENCRYPTION_KEYS = [{"new": new, "old": old}[name] for name in ring.split(",")]
    assert health.status(fresh=True).ok
    assert deploy_errors() == []
    health.check_at_startup()
    assert client.get(reverse("healthz")).status_code == 200
    assert Entry.objects.get(pk=entry.pk).body == "written before the rotation"


@pytest.mark.django_db
def test_a_key_that_never_served_in_place_of_the_newest_is_refused_and_not_recorded(settings):
    """Another key first, beside the old one: neither has read what the newest wrote."""
    old, _new = rotate_to_a_new_key(settings)
    other = Fernet.generate_key().decode()
    settings.ENCRYPTION_KEYS = [other, old]
    assert not health.status(fresh=True).ok
    assert not KeyCheck.objects.filter(fingerprint=crypto.fingerprint(other)).exists()


@pytest.mark.django_db
def test_the_deploy_check_records_no_key(settings):
    """`check --deploy` only looks: a new key is recorded by a server that starts with it."""
    assert health.status(fresh=True).ok
    settings.ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.ENCRYPTION_KEYS]
    assert deploy_errors() == []
    assert KeyCheck.objects.count() == 1


def test_healthz_is_ok_with_the_right_key(client, db):
    """With the right key the health check says ok."""
    assert client.get(reverse("healthz")).status_code == 200

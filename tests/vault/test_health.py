"""Encryption at rest: everything a person writes is sealed, readable across key rotation,
still searchable, and keys fail safe."""

import logging
import os
import subprocess
import sys
import time
from io import StringIO

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError, SystemCheckError
from django.db import connection
from django.urls import reverse

from journal.models import Entry, EntryToken
from progress.models import Apology, Memory
from safety import content as safety_content
from safety.models import SafetyCheck, SafetyPlan
from tests.clock import NOON
from tests.factories.journal import EntryFactory
from tests.factories.progress import (
    ApologyFactory,
    CheckInFactory,
    ContactFactory,
    DateIdeaFactory,
    FeelingSignFactory,
    HeldMessageFactory,
    MemoryFactory,
    PatternAnswersFactory,
    ReachOutCheckFactory,
    ReadinessFactory,
    ResponsibilityFactory,
)
from tests.factories.safety import SafetyCheckFactory
from tests.helpers.vault import lose_the_key_of, raw_values, seal_with_a_lost_key
from tests.tools import ROOT
from vault import crypto, health, keys
from vault.checks import keys_read_what_is_stored
from vault.fields import UNREADABLE_MESSAGE
from vault.models import KeyCheck

SECRET = "Zanzibar-lighthouse-sentence"


@pytest.fixture(autouse=True)
def _fresh_key_status():
    health.reset()
    yield
    health.reset()


def every_text_value_in_the_database():
    """Every text-like value of every table, read with SQL rather than the ORM."""
    values = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            description = connection.introspection.get_table_description(cursor, table)
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                values.extend(str(v) for v in row if v is not None)
            assert description  # every table has columns
    return values


# What is sealed -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_known_sentence_written_everywhere_is_found_nowhere_in_the_tables(user):
    """Whatever a person writes anywhere is unreadable to someone reading the database directly.

    One sentence in every exercise, the journal and the safety answers; then every value of
    every table, read with SQL, and the sentence is in none of them."""
    words = f"{SECRET} in my own words"
    EntryFactory(user=user, title=words, body=words)
    ApologyFactory(user=user, draft=words, sincerity={"for_them": SECRET})
    CheckInFactory(user=user, note=words)
    ContactFactory(user=user, how_it_went=words)
    FeelingSignFactory(user=user, note=words)
    ReachOutCheckFactory(user=user, answers={"desperate": SECRET})
    HeldMessageFactory(user=user, text=words)
    ResponsibilityFactory(user=user, what_happened=words, my_part=words, do_differently=words)
    PatternAnswersFactory(
        user=user, answers={"taking_value": {"answer": "yes", "habits": [SECRET]}}
    )
    MemoryFactory(user=user, what=words, when=words[:90], where=words, why_good=words)
    DateIdeaFactory(user=user, idea=words)
    ReadinessFactory(
        user=user,
        answers={"still_in_love": SECRET},
        reasons=[{"side": "against", "text": words, "weight": 5}],
    )
    SafetyCheckFactory(user=user, afraid=True)
    SafetyPlan.objects.create(
        user=user, **{field: words for field, *_ in safety_content.SAFETY_PLAN_SECTIONS}
    )

    values = every_text_value_in_the_database()
    assert not [v for v in values if SECRET in v or SECRET.lower() in v.lower()]
    # Nor can a database reader tell who said yes to a safety question.
    (answers,) = raw_values("safety_safetycheck", ["answers"])[0]
    assert answers.startswith(crypto.TOKEN_PREFIX)
    assert "yes" not in answers
    assert "any_yes" not in {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), "safety_safetycheck"
        )
    }
    # Through the ORM, the owner's words come back as written.
    assert Memory.objects.get(user=user).what == words
    assert SafetyCheck.objects.get(user=user).any_yes is True


@pytest.mark.django_db
def test_search_tokens_do_not_contain_the_words(user):
    """Search still finds your words, yet its index holds no readable piece of them."""
    entry = EntryFactory(user=user, title="", body="river")
    tokens = list(EntryToken.objects.filter(entry=entry).values_list("token", flat=True))
    assert len(tokens) == 3  # "riv", "rive", "river"
    for token in tokens:
        assert "riv" not in token
        assert len(token) == crypto.TOKEN_LENGTH


def test_the_same_text_encrypts_differently_each_time():
    """Two people writing the same words cannot be matched up from the database."""
    assert crypto.encrypt("same") != crypto.encrypt("same")


def test_index_key_is_not_the_encryption_key(settings):
    """Neither the search index's key nor a key's fingerprint gives away the key to your words."""
    key = settings.ENCRYPTION_KEYS[0]
    raw = Fernet(key)
    derived = crypto._index_key(key)
    assert derived not in (raw._signing_key, raw._encryption_key)
    assert derived != key.encode()
    assert crypto.fingerprint(key) not in key


def test_words_are_casefolded_accent_stripped_and_split_on_punctuation():
    """Search matches words whatever their case, accents or punctuation: Café finds cafe."""
    assert crypto.normalise_words("Café, CAFÉ! naïve-Ärger x 42 l'été") == {
        "cafe",
        "naive",
        "arger",
        "42",
        "ete",
    }


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


# One unreadable row never takes a page down ---------------------------------------------------
@pytest.mark.django_db
def test_a_list_with_an_unreadable_entry_still_shows_the_rest(client_logged_in, user, caplog):
    """One unreadable entry still leaves the journal, the entry page and the downloads working."""
    EntryFactory(user=user, title="Readable one", body="fine")
    lost = EntryFactory(user=user, title="Lost one", body="gone")
    lose_the_key_of(lost)

    with caplog.at_level(logging.WARNING, logger="vault.fields"):
        response = client_logged_in.get(reverse("journal:index"))
    assert response.status_code == 200
    assert "Readable one" in response.content.decode()
    assert f"journal_entry id={lost.pk}: body cannot be read" in caplog.text

    detail = client_logged_in.get(reverse("journal:detail", args=[lost.pk]))
    assert detail.status_code == 200
    assert "can&#x27;t be read with the current encryption keys" in detail.content.decode()
    assert client_logged_in.get(reverse("account_export_json")).status_code == 200
    assert client_logged_in.get(reverse("account_export_md")).status_code == 200


@pytest.mark.django_db
def test_an_unreadable_exercise_row_keeps_the_summary_and_export_working(program_client, user):
    """One unreadable memory leaves the summary, marked, and the download working."""
    memory = MemoryFactory(user=user, what="a fine day")
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE progress_memory SET what = %s WHERE id = %s",
            [seal_with_a_lost_key("x"), memory.pk],
        )
    summary = program_client.get(reverse("progress:summary"))
    assert summary.status_code == 200
    assert UNREADABLE_MESSAGE.split(":")[0].replace("'", "&#x27;") in summary.content.decode()
    export = program_client.get(reverse("account_export_json"))
    assert export.status_code == 200


@pytest.mark.django_db
def test_saving_a_row_with_an_unreadable_value_keeps_its_token(user):
    """Editing another part of a memory never wipes its unreadable part, which a key may restore."""
    memory = MemoryFactory(user=user, what="a fine day", where="the pier")
    token = seal_with_a_lost_key("x")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE progress_memory SET what = %s WHERE id = %s", [token, memory.pk])
    loaded = Memory.objects.get(pk=memory.pk)
    loaded.where = "the beach"
    loaded.save()
    assert raw_values("progress_memory", ["what"], "WHERE id = %s", [memory.pk])[0][0] == token


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


# Bad keys at start-up -------------------------------------------------------------------------
GOOD = Fernet.generate_key().decode()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("not-a-key", "key number 1 is not a valid key"),
        (GOOD[:30], "key number 1 is not a valid key"),
        (f"{GOOD},{GOOD}", "key number 2 repeats key number 1"),
        (f"{GOOD},,", "key number 2 is empty"),
    ],
)
def test_bad_keys_get_a_clear_error_that_never_prints_them(raw, message):
    """A malformed, empty or repeated key stops the site with a message that never prints it."""
    with pytest.raises(ImproperlyConfigured, match=message) as error:
        keys.parse(raw)
    for part in raw.split(","):
        if part:
            assert part not in str(error.value)


def test_the_old_variable_name_still_works_with_a_deprecation_warning():
    """A site still using JOURNAL_KEYS keeps working and is told to rename it ENCRYPTION_KEYS."""
    with pytest.warns(DeprecationWarning, match="Rename it to ENCRYPTION_KEYS"):
        assert keys.from_environment({"JOURNAL_KEYS": GOOD}) == [GOOD]
    assert keys.from_environment({"ENCRYPTION_KEYS": GOOD, "JOURNAL_KEYS": "x"}) == [GOOD]


def run_check(env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "ENCRYPTION_KEYS",
            "JOURNAL_KEYS",
            "DEBUG",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_refuses_to_start_without_keys_in_production():
    """In production the site won't start without ENCRYPTION_KEYS, and says so."""
    result = run_check({"DEBUG": "false", "ALLOWED_HOSTS": "example.org"})
    assert result.returncode != 0
    assert "ENCRYPTION_KEYS is missing" in result.stderr


def test_refuses_an_invalid_key_without_printing_it():
    """An invalid key stops the site with a message that never prints the key."""
    result = run_check({"DEBUG": "false", "ENCRYPTION_KEYS": "not-a-key"})
    assert result.returncode != 0
    assert "key number 1 is not a valid key" in result.stderr
    assert "not-a-key" not in result.stderr


def test_development_derives_a_key_without_configuration():
    """In development the site starts with no key configured."""
    result = run_check({"DEBUG": "true"})
    assert result.returncode == 0, result.stderr


# Upgrading a database written before everything was encrypted -----------------------------------
@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_rows_stored_in_plain_text(user):
    """Upgrading an older site encrypts words stored in plain text, and people still read them."""
    from django.db.migrations.executor import MigrationExecutor

    before = [("stages", "0003_progress_and_exercises")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    old.get_model("stages", "Memory").objects.create(user_id=user.pk, what=SECRET, why_good="x")
    old.get_model("stages", "SafetyCheck").objects.create(
        user_id=user.pk, answers={"afraid": "yes"}, any_yes=True
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    (what,) = raw_values("progress_memory", ["what"])[0]
    assert what.startswith(crypto.TOKEN_PREFIX)
    assert SECRET not in what
    assert Memory.objects.get(user=user).what == SECRET
    assert SafetyCheck.objects.get(user=user).any_yes is True
    assert "yes" not in raw_values("safety_safetycheck", ["answers"])[0][0]

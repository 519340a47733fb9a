"""Search finds an entry by the start of any word, entries written before the upgrade too."""

# The journal's blind index for search by the start of a word: which tokens an entry stores,
# and rebuilding them for entries written before (the migration, a re-index).

import importlib

import pytest
from django.apps import apps

from journal.models import Entry, EntryToken
from journal.services import entries_reindex
from tests.factories.journal import EntryFactory
from tests.helpers.vault import lose_the_key_of
from vault import crypto

rebuild = importlib.import_module("journal.migrations.0004_search_by_word_start")


def tokens_of(entry):
    return set(EntryToken.objects.filter(entry=entry).values_list("token", flat=True))


def found(user, query):
    return set(Entry.objects.search(user, query))


@pytest.mark.django_db
def test_an_entry_stores_each_token_once_for_its_owner_only(user, other_user):
    """Searching riv finds your entry about rivers, and another person's search never finds it."""
    entry = EntryFactory(user=user, title="Rivers", body="river river rivers riverside")
    assert EntryToken.objects.filter(entry=entry).count() == len(tokens_of(entry)) == 7
    assert set(EntryToken.objects.filter(entry=entry).values_list("user", flat=True)) == {user.pk}
    assert found(user, "riv") == {entry}
    assert found(other_user, "riv") == set()


def whole_word_tokens_only(entries):
    """The index as it was before search by the start of a word (migration 0003's state)."""
    rebuild.index_whole_words(apps, None)
    for entry in entries:
        assert len(tokens_of(entry)) == len(crypto.normalise_words(entry.searchable_text()))


@pytest.mark.django_db
def test_the_migration_rebuilds_the_tokens_of_entries_written_before_in_batches(
    user, other_user, monkeypatch
):
    """Entries written before the upgrade are found by the start of a word after it."""
    monkeypatch.setattr(rebuild, "BATCH_SIZE", 2)
    mine = [EntryFactory(user=user, title="", body=f"rivers number {i}") for i in range(3)]
    theirs = EntryFactory(user=other_user, title="", body="riverside")
    whole_word_tokens_only([*mine, theirs])
    assert found(user, "riv") == set()
    assert found(user, "rivers") == set()  # a prefix token, not there yet

    rebuild.index_word_starts(apps, None)
    assert found(user, "riv") == set(mine)
    assert found(user, "rivers numb") == set(mine)
    assert found(other_user, "river") == {theirs}
    # Run again (after a stop, say): the same tokens, none twice.
    before = {e.pk: tokens_of(e) for e in [*mine, theirs]}
    rebuild.index_word_starts(apps, None)
    assert {e.pk: tokens_of(e) for e in [*mine, theirs]} == before


@pytest.mark.django_db
def test_the_migration_keeps_the_tokens_of_an_entry_no_key_can_read(user):
    """The upgrade leaves an unreadable entry's search as it was and still upgrades the others."""
    readable = EntryFactory(user=user, title="", body="rivers")
    lost = EntryFactory(user=user, title="", body="rivers")
    whole_word_tokens_only([readable, lost])
    kept = tokens_of(lost)
    lose_the_key_of(lost)
    rebuild.index_word_starts(apps, None)
    assert tokens_of(lost) == kept
    assert found(user, "riv") == {readable}


@pytest.mark.django_db
def test_the_migration_needs_no_key_when_there_are_no_entries(settings):
    """A site with no journal entries upgrades fine without an encryption key."""
    settings.ENCRYPTION_KEYS = []
    rebuild.index_word_starts(apps, None)
    assert not EntryToken.objects.exists()


@pytest.mark.django_db
def test_reindex_rebuilds_the_tokens_of_the_entries_named(user):
    """After a re-index of chosen entries, those entries are found by the start of their words."""
    entry = EntryFactory(user=user, title="Morning", body="Rivers and mountains")
    other = EntryFactory(user=user, title="Evening", body="mountains")
    whole_word_tokens_only([entry, other])
    entries_reindex(pks=[entry.pk])
    assert found(user, "moun") == {entry}
    assert found(user, "morn riv") == {entry}
    entries_reindex(pks=[entry.pk, other.pk])
    assert found(user, "moun") == {entry, other}

"""Upgrading keeps every entry findable: each search token gets its entry's time."""

# journal 0005 copies each entry's creation time onto its search tokens, which search then
# reads newest first. On SQLite by default, on PostgreSQL with DATABASE_URL=postgres://…

import datetime

from django.utils import timezone

from journal.models import Entry, EntryToken
from tests.factories import UserFactory
from tests.helpers.migrations import migrate_forward, migrate_to
from vault import crypto

BEFORE = [("journal", "0004_search_by_word_start")]


def test_entries_written_before_the_upgrade_are_found_newest_first_after_it(transactional_db):
    """Entries written before the upgrade are found after it, newest first, page by page."""
    person, other = UserFactory(), UserFactory()
    old = migrate_to(BEFORE)
    OldEntry, OldToken = old.get_model("journal", "Entry"), old.get_model("journal", "EntryToken")
    now = timezone.now()
    written = {}
    for days_ago, (owner, body) in enumerate(
        [(person, "rivers"), (other, "rivers"), (person, "a river walk"), (person, "the sea")]
    ):
        entry = OldEntry.objects.create(user_id=owner.pk, title="", body=body)
        when = now - datetime.timedelta(days=days_ago)
        OldEntry.objects.filter(pk=entry.pk).update(created_at=when)
        OldToken.objects.bulk_create(
            OldToken(entry_id=entry.pk, user_id=owner.pk, token=token)
            for token in crypto.index_tokens(body)
        )
        written[body, owner.pk] = (entry.pk, when)

    migrate_forward()
    for pk, when in written.values():
        assert set(EntryToken.objects.filter(entry=pk).values_list("created_at", flat=True)) == {
            when
        }
    found = [entry.pk for entry in Entry.objects.search(person, "riv").order_by("-search_at")]
    assert found == [written["rivers", person.pk][0], written["a river walk", person.pk][0]]

"""Writes that touch an entry and its search tokens together, so neither is half-saved."""

from django.db import transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables

from keep.submissions import made_by, save_once
from keep.versions import update_at_version
from vault import crypto

from .models import Entry, EntryToken


def entry_index(*, entry: Entry) -> None:
    """Replace the entry's search tokens with those of its current text, newest key."""
    EntryToken.objects.filter(entry=entry).delete()
    EntryToken.objects.bulk_create(
        EntryToken(
            entry_id=entry.pk, user_id=entry.user_id, token=token, created_at=entry.created_at
        )
        for token in crypto.index_tokens(entry.searchable_text())
    )


@sensitive_variables("title", "body")
def entry_create(
    *, user, title, body, mood=None, stage=None, prompt="", submission_token=None
) -> tuple[Entry, bool]:
    """Create an entry, or return the one already made from the same form (a double
    submit, keep.submissions), with whether it was created."""
    existing = made_by(Entry, user=user, token=submission_token)
    if existing is not None:
        return existing, False
    entry = Entry(
        user=user,
        title=title,
        body=body,
        mood=mood,
        stage=stage,
        prompt=prompt,
        submission_token=submission_token,
    )

    def insert() -> Entry:
        entry.save(force_insert=True)
        entry_index(entry=entry)
        return entry

    # The same form, posted twice at once: the other request may win the race.
    return save_once(insert, find=lambda: made_by(Entry, user=user, token=submission_token))


@sensitive_variables("title", "body")
def entry_update(*, entry: Entry, version: int, title, body, mood, stage) -> bool:
    """Save new text if the entry is still at `version` (keep.versions' conditional UPDATE),
    and reindex it. False, with nothing written, when it changed elsewhere meanwhile."""
    with transaction.atomic():
        rows = Entry.objects.filter(pk=entry.pk, user_id=entry.user_id)
        if not update_at_version(
            rows, version, title=title, body=body, mood=mood, stage=stage, updated_at=timezone.now()
        ):
            return False
        entry.title, entry.body, entry.mood, entry.stage = title, body, mood, stage
        entry.version = version + 1
        entry_index(entry=entry)
    return True


def entries_reindex(*, pks) -> None:
    """Rebuild the search tokens of these entries under the newest key (after rotation, or
    when the index changes shape). An entry no key can read keeps the tokens it has."""
    entries = [
        entry
        for entry in Entry.objects.filter(pk__in=pks)
        if not getattr(entry.body, "unreadable", False)
        and not getattr(entry.title, "unreadable", False)
    ]
    known: dict[str, set[str]] = {}
    EntryToken.objects.filter(entry__in=entries).delete()
    EntryToken.objects.bulk_create(
        (
            EntryToken(
                entry_id=entry.pk, user_id=entry.user_id, token=token, created_at=entry.created_at
            )
            for entry in entries
            for token in crypto.index_tokens(entry.searchable_text(), known=known)
        ),
        batch_size=5000,
    )

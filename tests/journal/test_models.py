"""An entry never shows its words where the site names it, and outlives a stage removed."""

import pytest

from tests.factories.journal import EntryFactory, StageFactory

pytestmark = pytest.mark.django_db


def test_deleting_a_stage_keeps_the_entry(user):
    """If a stage is removed from the program, the entries linked to it stay."""
    stage = StageFactory()
    entry = EntryFactory(user=user, stage=stage)
    stage.delete()
    entry.refresh_from_db()
    assert entry.stage is None


def test_entry_str_never_shows_the_text(user):
    """Wherever the site names an entry, in logs or the admin, its words stay hidden."""
    entry = EntryFactory(user=user, title="secret title", body="secret body")
    assert "secret" not in str(entry)
    assert "secret" not in repr(entry)

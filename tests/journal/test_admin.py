"""Staff find no page in the admin to read journal entries or their search index."""

import pytest
from django.contrib import admin

from journal.models import Entry, EntryToken

pytestmark = pytest.mark.django_db


def test_entries_and_tokens_are_not_in_the_admin():
    """Staff find no page in the admin to read journal entries or their search index."""
    assert not admin.site.is_registered(Entry)
    assert not admin.site.is_registered(EntryToken)

"""The benchmark's demo data is realistic, fast to write, and never mixed with real people."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from demo.seed import DEMO_DOMAIN, SEARCH_WORD
from journal.models import Entry
from progress.models import SelfCareCheckIn, StageProgress
from tests.clock import frozen
from tests.factories import UserFactory


@pytest.mark.django_db
def test_seed_demo_refuses_a_database_with_real_accounts(tmp_path):
    """Demo data is never written into a site where real people have accounts."""
    UserFactory(email="real.person@example.com")
    with pytest.raises(CommandError, match="real accounts"):
        call_command("seed_demo", "--people", "2", "--summary", str(tmp_path / "s.json"))
    assert not Entry.objects.exists()


@pytest.mark.django_db
@frozen  # check-ins and contacts are dated back from today
def test_seed_demo_fills_every_part_and_the_journal_is_searchable(tmp_path, client):
    """Demo people have something in every part, and a 5,000-entry journal that search finds in."""
    summary = tmp_path / "seed.json"
    call_command("seed_demo", "--people", "3", "--entries-each", "4", "--summary", str(summary))
    seeded = json.loads(summary.read_text())
    assert seeded["people"] == 6  # three regular people and one per journal size
    heavy_person = get_user_model().objects.get(email=seeded["heavy"])
    heavy = Entry.objects.for_user(heavy_person)
    assert heavy.count() == 5000
    assert StageProgress.objects.filter(user__email=seeded["regular"]).count() == 11
    assert SelfCareCheckIn.objects.filter(user__email=seeded["regular"]).count() >= 20
    assert all(email.endswith(DEMO_DOMAIN) for email in [seeded["regular"], seeded["heavy"]])
    # The heavy person's entries are encrypted and indexed: search finds the demo word.
    assert Entry.objects.search(heavy_person, SEARCH_WORD).count() > 100
    assert all(
        SEARCH_WORD in e.body.lower() for e in Entry.objects.search(heavy_person, SEARCH_WORD)[:20]
    )
    # By the start of a word too, and every page of the list opens from the seeded index.
    assert Entry.objects.search(heavy_person, SEARCH_WORD[:3]).count() >= 100

    with pytest.raises(CommandError, match="already here"):
        call_command("seed_demo", "--people", "1", "--summary", str(summary))

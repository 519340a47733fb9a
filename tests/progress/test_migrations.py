"""Upgrading keeps every exercise, progress mark and reminder link a person had."""

# The progress app took over a person's progress, the twelve exercises' rows and the dashboard's
# kept figures from the program (progress 0001 and 0002, stages 0010, reminders 0002): migrating
# forward keeps every row, id, link and encrypted value, and so does migrating back. On SQLite by
# default, on PostgreSQL with DATABASE_URL=postgres://…

import datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone

from progress import models as progress
from reminders.models import SentReminder
from tests.helpers.migrations import migrate_forward, migrate_to, tables
from tests.helpers.vault import raw_values

# Where the models still lived in stages: progress unapplied, and with it what depends on it.
BEFORE = [("stages", "0009_program_text_in_code"), ("reminders", "0001_initial")]
# model -> (the column holding a person's words, or None; what they wrote)
ROWS = {
    "stageprogress": (None, None),
    "apology": ("draft", "MARK-apology"),
    "selfcarecheckin": ("note", "MARK-checkin"),
    "contact": ("how_it_went", "MARK-contact"),
    "feelingsign": ("note", "MARK-feeling"),
    "reachoutcheck": (None, None),
    "heldmessage": ("text", "MARK-held"),
    "responsibility": ("my_part", "MARK-part"),
    "patternanswers": (None, None),
    "memory": ("what", "MARK-memory"),
    "dateidea": ("idea", "MARK-idea"),
    "readiness": (None, None),
    "urge": ("note", "MARK-urge"),
    "overview": (None, None),
}


def migrate_back():
    return migrate_to([("progress", None), *BEFORE])


def write_every_kind(old) -> dict:
    """One row of every moved model for one person, as the old app wrote them."""
    person = old.get_model("exback", "User").objects.create(email="moving@example.com")
    model = lambda name: old.get_model("stages", name)  # noqa: E731
    now = timezone.now()
    stage = model("Stage").objects.get(slug="say-sorry")
    rows = {
        "stageprogress": model("StageProgress").objects.create(
            user=person, stage=stage, status="in_progress", started_at=now
        ),
        "apology": model("Apology").objects.create(
            user=person, draft="MARK-apology", sincerity={"has_reason": "yes"}, version=4
        ),
        "selfcarecheckin": model("SelfCareCheckIn").objects.create(
            user=person,
            date=datetime.date(2026, 11, 30),
            hours_slept=Decimal("6.5"),
            ate_well=True,
            moved=False,
            basic_care=True,
            mood=2,
            note="MARK-checkin",
        ),
        "contact": model("Contact").objects.create(
            user=person,
            date=datetime.date(2026, 11, 29),
            initiated_by="me",
            method="text",
            how_it_went="MARK-contact",
        ),
        "feelingsign": model("FeelingSign").objects.create(
            user=person, feeling="longing", noticed=True, note="MARK-feeling"
        ),
        "reachoutcheck": model("ReachOutCheck").objects.create(
            user=person, answers={"desperate": "no"}
        ),
        "heldmessage": model("HeldMessage").objects.create(
            user=person, text="MARK-held", hold_hours=24, ready_at=now
        ),
        "responsibility": model("Responsibility").objects.create(
            user=person, what_happened="We argued.", my_part="MARK-part"
        ),
        "patternanswers": model("PatternAnswers").objects.create(
            user=person, answers={"listen": "yes"}
        ),
        "memory": model("Memory").objects.create(user=person, what="MARK-memory"),
        "dateidea": model("DateIdea").objects.create(user=person, idea="MARK-idea"),
        "readiness": model("Readiness").objects.create(
            user=person, answers={"impulsive": "no"}, reasons=[]
        ),
        "urge": model("Urge").objects.create(user=person, outcome="waited", note="MARK-urge"),
        "overview": model("Overview").objects.create(user=person, generation=7, figures={"a": 1}),
    }
    old.get_model("reminders", "SentReminder").objects.create(
        user=person,
        kind="held",
        slot="held:1",
        held_message=rows["heldmessage"],
    )
    return rows


def sealed(table: str, column: str, pk_column: str, pk) -> str:
    """A person's words as the database holds them: ciphertext."""
    quote = connection.ops.quote_name
    return raw_values(table, [column], f"WHERE {quote(pk_column)} = %s", [pk])[0][0]


@pytest.mark.django_db(transaction=True)
def test_every_row_survives_the_move_and_the_way_back(transactional_db):
    """After the move, every exercise, progress mark and reminder link a person had is there."""
    old = migrate_back()
    assert {f"stages_{name}" for name in ROWS} <= tables()
    rows = write_every_kind(old)
    person = rows["apology"].user_id
    before = {}
    for name, (column, words) in ROWS.items():
        if column:
            before[name] = sealed(f"stages_{name}", column, "id", rows[name].pk)
            assert words not in before[name]  # encrypted at rest

    migrate_forward()
    assert {f"progress_{name}" for name in ROWS} <= tables()
    assert not {f"stages_{name}" for name in ROWS} & tables()
    for name, (column, words) in ROWS.items():
        pk = rows[name].pk
        moved = apps.get_model("progress", name).objects.get(pk=pk)
        assert moved.user_id == person
        if column:
            # The same ciphertext under the same id: nothing was decrypted or written again.
            assert sealed(f"progress_{name}", column, "id", pk) == before[name]
            assert getattr(moved, column) == words
    assert progress.Apology.objects.get(user_id=person).version == 4
    assert progress.StageProgress.objects.get(user_id=person).stage.slug == "say-sorry"
    assert progress.Overview.objects.get(user_id=person).generation == 7
    assert SentReminder.objects.get(user_id=person).held_message_id == rows["heldmessage"].pk
    assert set(ContentType.objects.filter(model__in=ROWS).values_list("app_label", flat=True)) == {
        "progress"
    }
    # New rows get fresh ids in the renamed tables, and a double submit is still one row.
    urge = progress.Urge.objects.create(user_id=person, outcome="waited")
    assert urge.pk > rows["urge"].pk

    old = migrate_back()
    assert {f"stages_{name}" for name in ROWS} <= tables()
    for name, (column, _words) in ROWS.items():
        if column:
            assert sealed(f"stages_{name}", column, "id", rows[name].pk) == before[name]
    assert old.get_model("stages", "Memory").objects.get(pk=rows["memory"].pk).what == (
        "MARK-memory"
    )
    assert old.get_model("stages", "Urge").objects.filter(user_id=person).count() == 2
    assert set(ContentType.objects.filter(model__in=ROWS).values_list("app_label", flat=True)) == {
        "stages"
    }

    migrate_forward()  # as the other tests expect it
    assert progress.Memory.objects.get(pk=rows["memory"].pk).what == "MARK-memory"

"""Your download holds everything you wrote or chose in the program, and no one else's."""

import json

import pytest
from django.urls import reverse

from progress.exercises import EXERCISES
from progress.export import user_data
from tests.clock import frozen
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
    StageProgressFactory,
    UrgeFactory,
)
from tests.factories.safety import SafetyCheckFactory

# progress.export.user_data ----------------------------------------------------------------------


def test_empty_account_exports_empty_sections(user):
    """A new person's download has every program section, empty."""
    data = user_data(user)
    json.dumps(data)
    assert data["safety_check"] is None
    assert data["progress"] == [] and data["memories"] == []


def test_export_holds_every_answer_and_only_this_persons(user, other_user):
    """Your download holds every answer you gave in the program, and no one else's."""
    for factory in (
        SafetyCheckFactory,
        StageProgressFactory,
        ApologyFactory,
        CheckInFactory,
        ContactFactory,
        FeelingSignFactory,
        ReachOutCheckFactory,
        HeldMessageFactory,
        ResponsibilityFactory,
        PatternAnswersFactory,
        MemoryFactory,
        DateIdeaFactory,
        ReadinessFactory,
    ):
        factory(user=user)
    MemoryFactory(user=other_user, what="NOT-MINE")
    data = json.loads(json.dumps(user_data(user)))
    assert data["safety_check"]["answers"]["afraid"] == "no"
    assert data["progress"][0]["stage"] == "say-sorry"
    assert data["apology"]["draft"].startswith("I'm sorry")
    assert data["self_care_check_ins"][0]["hours_slept"] == "7.5"
    assert data["contacts"][0]["method"] == "text"
    assert data["feelings"][0]["feeling"] == "longing"
    assert data["held_messages"][0]["text"] == "I miss our Sunday walks."
    assert data["responsibilities"][0]["my_part"]
    assert data["patterns"]["answers"]["taking_value"]["answer"] == "yes"
    assert len(data["memories"]) == 1 and "NOT-MINE" not in json.dumps(data)
    assert data["date_idea"]["idea"]
    assert data["readiness"]["answers"]["impulsive"] == "no"
    assert data["reach_out_check"]["answers"]["desperate"] == "no"


# Kept for the program's own bookkeeping, not something a person wrote or chose.
BOOKKEEPING = {"id", "user", "version", "submission_token", "updated_at"}


def test_every_field_of_every_exercise_is_in_the_export():
    """Everything you wrote or chose in any exercise is in your download.

    What a person wrote or chose in an exercise is in their export: the decision aid's
    reasons and weights were not."""
    for exercise in EXERCISES:
        stored = {field.name for field in exercise.model._meta.concrete_fields}
        assert stored - BOOKKEEPING <= set(exercise.export_fields), exercise.key


# The urges in the download ----------------------------------------------------------------------


@pytest.mark.django_db
@frozen
def test_the_export_holds_the_persons_urges_with_notes_readable(user, other_user):
    """The export holds your urges with readable notes, and none of anyone else's."""
    UrgeFactory(user=user, note="Went for a run.")
    UrgeFactory(user=user, outcome="journal", note="")
    UrgeFactory(user=other_user, note="NOT-MINE")
    data = json.loads(json.dumps(user_data(user)))
    assert [u["outcome"] for u in data["urges"]] == ["waited", "journal"]
    assert data["urges"][0]["note"] == "Went for a run."
    assert data["urges"][0]["created_at"].startswith("2026-03-18T12:00")
    assert "NOT-MINE" not in json.dumps(data)


@pytest.mark.django_db
@frozen
def test_the_account_download_includes_urges(program_client, user):
    """The account's data download includes your urges and their notes."""
    UrgeFactory(user=user, note="Sat with it.")
    data = json.loads(program_client.get(reverse("account_export_json")).content)
    assert data["program"]["urges"][0]["note"] == "Sat with it."

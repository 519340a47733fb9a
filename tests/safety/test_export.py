"""Your download holds your safety answers, danger check and safety plan as you gave them."""

import json

import pytest
from django.urls import reverse

from safety import content as safety_content
from safety.models import SafetyPlan
from tests.clock import frozen
from tests.factories.safety import DangerCheckFactory, SafetyCheckFactory, danger_check_form_data

pytestmark = pytest.mark.django_db


# The safety check -------------------------------------------------------------------------------


def test_the_export_says_any_yes_of_the_safety_questions_only(client_logged_in, user):
    """The export holds every answer, and its any-yes speaks of the safety questions only.

    The export holds every answer, the children question's too; its "any yes" is about
    safety alone."""
    SafetyCheckFactory(user=user, coparent=True)
    exported = client_logged_in.get(reverse("account_export_json")).json()["program"]
    assert exported["safety_check"]["answers"]["children"] == "yes"
    assert exported["safety_check"]["any_yes"] is False


# The danger check -------------------------------------------------------------------------------


def test_the_json_export_holds_the_danger_check(afraid_client, user):
    """The account's JSON export has the answers as given and whether they were urgent."""
    DangerCheckFactory(user=user, answers=danger_check_form_data(pregnant="yes"))
    data = json.loads(afraid_client.get(reverse("account_export_json")).content)
    danger = data["program"]["danger_check"]
    assert danger["answers"] == danger_check_form_data(pregnant="yes")
    assert danger["urgent"] is True


# The safety plan --------------------------------------------------------------------------------
FIELDS = [part.field for part in safety_content.SAFETY_PLAN_SECTIONS]


@frozen
def test_the_plan_is_in_the_account_export(client_logged_in, user):
    """Your JSON download holds every part of your safety plan, in order, with its headings.

    Every part, in the plan's order, under its field's name, with the headings the page
    uses."""
    SafetyPlan.objects.create(user=user, professional_help="My doctor", evidence="Diary at work")
    data = client_logged_in.get(reverse("account_export_json")).json()["program"]["safety_plan"]
    assert (data["professional_help"], data["evidence"], data["coping"]) == (
        "My doctor",
        "Diary at work",
        "",
    )
    assert [key for key in data if key in FIELDS] == FIELDS
    assert data["headings"]["reasons_for_living"] == "My reasons for living"

"""After a yes to a safety question, every step towards the ex is set aside."""

# Every step towards the ex (the exercises that reconnect) is set aside, or, for the
# memories, rewritten as moments of one's own, and a held message is never offered for sending.

import datetime as dt
import re

import pytest
from django.urls import reverse

from progress.exercises import EXERCISES
from tests.clock import NOON, frozen
from tests.factories.progress import HeldMessageFactory

pytestmark = [pytest.mark.django_db, frozen]


RECONNECTING = [e.url_name for e in EXERCISES if e.reconnects]


def test_the_reconnecting_exercises_are_the_steps_towards_the_ex():
    """The steps set aside for someone afraid are exactly those that lead back towards the ex."""
    assert set(RECONNECTING) == {
        "progress:apology",
        "progress:reach_out",
        "progress:reach_out_now",
        "progress:held_messages",
        "progress:memories",
        "progress:date_idea",
        "progress:readiness",
    }


@pytest.mark.parametrize("url_name", RECONNECTING)
def test_no_step_towards_the_ex_is_offered_to_a_yes_person(afraid_client, url_name):
    """Each step towards the ex is set aside (or rewritten), and points to help."""
    exercise = next(e for e in EXERCISES if e.url_name == url_name)
    html = afraid_client.get(reverse(url_name)).content.decode()
    assert f'<h1 class="h2">{exercise.title}</h1>' not in html
    assert 'href="/safety/"' in html
    assert 'href="/stages/safety-plan/"' in html


@pytest.mark.parametrize("url_name", RECONNECTING)
def test_a_no_person_gets_each_exercise_as_written(program_client, url_name):
    """Someone who said no to every safety question gets each step towards the ex as written."""
    html = program_client.get(reverse(url_name)).content.decode()
    assert "not part of your path" not in html


def test_a_held_message_is_never_offered_for_sending_to_a_yes_person(afraid_client, user):
    """After a yes on the safety check, a held message is never offered for sending."""
    message = HeldMessageFactory(user=user, ready_at=NOON - dt.timedelta(hours=1))
    html = afraid_client.get(reverse("progress:message_detail", args=[message.pk])).content.decode()
    assert 'value="sent_elsewhere"' not in html
    assert "not part of your path" in html


def test_sending_stays_a_choice_for_a_no_person(program_client, user):
    """Someone who said no to every safety question can still mark a ready message as sent."""
    message = HeldMessageFactory(user=user, ready_at=NOON - dt.timedelta(hours=1))
    html = program_client.get(
        reverse("progress:message_detail", args=[message.pk])
    ).content.decode()
    assert re.search(r'value="sent_elsewhere"><button class="btn btn-primary"', html)

"""What the program reads of the safety check, who is unsafe and who a co-parent, in one query."""

import datetime as dt
import logging

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from safety.models import SafetyCheck
from safety.situation import UNCHECKED, Situation, situation_for
from tests.clock import NOON, frozen
from tests.factories.safety import SafetyCheckFactory
from tests.helpers.vault import seal_with_a_lost_key

pytestmark = [pytest.mark.django_db, frozen]


def test_someone_who_has_not_answered_is_not_checked(user, django_assert_num_queries):
    """No safety check yet: nothing is assumed, and the program will ask first."""
    with django_assert_num_queries(1):
        situation = situation_for(user)
    assert situation == UNCHECKED
    assert not situation.checked and not situation.unsafe and not situation.coparent


def test_a_visitor_costs_no_query(django_assert_num_queries):
    """The Safety page is public: a visitor has no situation to read."""
    with django_assert_num_queries(0):
        assert situation_for(AnonymousUser()) == UNCHECKED


def test_all_no_is_safe_and_not_a_coparent(user, django_assert_num_queries):
    """The answers are read in one query."""
    SafetyCheckFactory(user=user)
    with django_assert_num_queries(1):
        situation = situation_for(user)
    assert situation == Situation(
        checked=True,
        unsafe=False,
        coparent=False,
        concerns=(),
        due_for_review=False,
        updated_at=NOON,
    )


def test_a_yes_names_the_concerns_in_the_questions_order(user):
    """Concerns come back in the person's own terms, in the order the questions ask them."""
    SafetyCheckFactory(
        user=user,
        answers={
            "afraid": "yes",
            "violence": "yes",
            "threats": "no",
            "controlled": "no",
            "children": "no",
        },
    )
    situation = situation_for(user)
    assert situation.unsafe
    assert situation.concerns == (
        "your ex hurt you, or threatened to",
        "you have felt afraid of your ex",
    )


def test_sharing_children_makes_a_coparent_and_no_safety_concern(user):
    """Sharing children makes the program speak to a co-parent, and raises no safety concern.

    The children question is the situation's, not a safety question: a yes to it makes
    nothing unsafe."""
    SafetyCheckFactory(user=user, coparent=True)
    situation = situation_for(user)
    assert situation.coparent
    assert not situation.unsafe and situation.concerns == ()


def test_someone_without_a_children_answer_counts_as_not_a_coparent(user):
    """Answers given before the question existed: treated as no until the person answers."""
    SafetyCheckFactory(user=user, before_children=True)
    situation = situation_for(user)
    assert situation.checked and not situation.coparent and not situation.unsafe


def test_both_unsafe_and_a_coparent(user):
    """Both at once: a co-parent for whom reconnecting is unsafe."""
    SafetyCheckFactory(user=user, answers={"controlled": "yes", "children": "yes"})
    situation = situation_for(user)
    assert situation.unsafe and situation.coparent
    assert situation.concerns == ("your ex tried to control or keep watch over you",)


def test_thirty_days_on_the_answers_are_due_for_review(user):
    """The dashboard asks whether the answers still hold once they are 30 days old."""
    SafetyCheckFactory(user=user)
    with time_machine.travel(NOON + dt.timedelta(days=29, hours=23), tick=False):
        assert not situation_for(user).due_for_review
    with time_machine.travel(NOON + dt.timedelta(days=30), tick=False):
        assert situation_for(user).due_for_review


def test_unreadable_answers_count_as_not_answered(user):
    """Answers no key can read still open the program, but no yes is read into them.

    Answers no key can read (vault.fields.UnreadableData) say nothing: still checked, so
    the program opens, but no yes is read into them."""
    from vault.fields import UnreadableData

    check = SafetyCheckFactory(user=user, afraid=True)
    situation = Situation.of_answers(UnreadableData("token"), check.updated_at)
    assert situation.checked and not situation.unsafe and not situation.coparent


def test_stored_answers_no_key_can_read_are_logged_and_read_as_no_yes(user, caplog):
    """A stored check no key can read still opens the program, says no yes, and is logged by
    table and id, never by content."""
    check = SafetyCheckFactory(user=user, afraid=True)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {SafetyCheck._meta.db_table} SET answers = %s WHERE id = %s",  # noqa: S608
            [seal_with_a_lost_key('{"afraid": "yes"}'), check.pk],
        )
    with caplog.at_level(logging.WARNING, logger="vault.fields"):
        situation = situation_for(user)
    assert situation.checked and not situation.unsafe and not situation.coparent
    assert f"safety_safetycheck id={check.pk}: answers cannot be read" in caplog.text
    assert "afraid" not in caplog.text


def test_the_situation_cannot_be_changed_by_whoever_holds_it(user):
    """Frozen: a page that reads it cannot change it for the rest of the request."""
    SafetyCheckFactory(user=user)
    situation = situation_for(user)
    with pytest.raises(AttributeError):
        situation.unsafe = True  # type: ignore[misc]

"""A streak counts unbroken days, and the decision aid never reassures above a safety concern."""

import datetime

import pytest
from django.utils import timezone

from progress.models import SelfCareCheckIn
from safety.situation import situation_for
from tests.clock import frozen
from tests.factories.progress import CheckInFactory, ReadinessFactory
from tests.factories.safety import SafetyCheckFactory

pytestmark = frozen


# Self-care streaks ------------------------------------------------------------------------------
TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


def test_streak_counts_back_from_today_or_yesterday(user):
    """The streak counts unbroken days back from today, or from yesterday until today's check-in."""
    for days_ago in (1, 2, 3, 5):
        CheckInFactory(user=user, date=TODAY() - days_ago * DAY)
    assert SelfCareCheckIn.objects.for_user(user).streak(TODAY()) == 3
    CheckInFactory(user=user, date=TODAY())
    assert SelfCareCheckIn.objects.for_user(user).streak(TODAY()) == 4


@pytest.mark.parametrize(("days", "queries"), [(30, 1), (63, 1), (64, 2), (200, 2), (300, 3)])
def test_long_streaks_are_counted_in_full_from_a_recent_window(
    user, django_assert_num_queries, days, queries
):
    """Usually one query over the last two months; a longer streak widens the window."""
    SelfCareCheckIn.objects.bulk_create(
        CheckInFactory.build(user=user, date=TODAY() - n * DAY) for n in range(days)
    )
    CheckInFactory(user=user, date=TODAY() - (days + 1) * DAY)  # after a gap: not counted
    with django_assert_num_queries(queries):
        assert SelfCareCheckIn.objects.for_user(user).streak(TODAY()) == days


def test_streak_is_zero_after_a_missed_yesterday(user):
    """Missing yesterday, with no check-in yet today, shows a streak of zero."""
    CheckInFactory(user=user, date=TODAY() - 2 * DAY)
    assert SelfCareCheckIn.objects.for_user(user).streak(TODAY()) == 0


# The decision aid's concerns --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_safety_yes_comes_first_among_the_concerns_and_nothing_reassures(user):
    """Answers that would read as ready still never reassure above a safety concern."""
    safety = situation_for(SafetyCheckFactory(user=user, afraid=True).user)
    readiness = ReadinessFactory(user=user)  # every answer the "ready" one
    concerns = readiness.concerns(safety)
    assert concerns[0]["safety"] is True
    assert "You told us that you have felt afraid of your ex" in concerns[0]["answer"]
    assert readiness.note(safety) is None
    assert "clear eyes" in readiness.note(None)

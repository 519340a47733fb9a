"""Quiet hours hold from their start up to their end, also when they run past midnight."""

import datetime as dt

import pytest

from reminders.models import ReminderSettings
from tests.clock import frozen

pytestmark = [pytest.mark.django_db, frozen]


@pytest.mark.parametrize(
    ("start", "end", "moment", "quiet"),
    [
        ((22, 0), (7, 0), (23, 15), True),
        ((22, 0), (7, 0), (0, 0), True),
        ((22, 0), (7, 0), (6, 59), True),
        ((22, 0), (7, 0), (7, 0), False),
        ((22, 0), (7, 0), (21, 59), False),
        ((13, 0), (14, 0), (13, 30), True),
        ((13, 0), (14, 0), (14, 0), False),
        ((13, 0), (14, 0), (12, 59), False),
    ],
)
def test_quiet_hours_including_those_that_wrap_past_midnight(start, end, moment, quiet):
    """Quiet hours hold from their start up to their end, also when they run past midnight."""
    prefs = ReminderSettings(quiet_start=dt.time(*start), quiet_end=dt.time(*end))
    assert prefs.is_quiet(dt.time(*moment)) is quiet

"""One fixed instant for the tests that read the date or the clock.

Check-ins, streaks, the 30-day mood chart, contact day counts and held messages cooling off
all count from "now". Tests about them run with time stopped at NOON (time-machine), so none
can fail because midnight passed during the run. The local date does not depend on the
machine's zone either: Django sets the process time zone from TIME_ZONE (UTC unless set).
"""

import datetime as dt

import pytest

NOON = dt.datetime(2026, 3, 18, 12, 0, tzinfo=dt.UTC)  # a Wednesday

# As a mark: `pytestmark = frozen` or `@frozen`. time-machine's plugin sets the clock before
# any other fixture, so data made by fixtures is dated from NOON too.
frozen = pytest.mark.time_machine(NOON, tick=False)

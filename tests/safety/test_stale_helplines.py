"""Staff can list the helplines due for another check, oldest first."""

import datetime
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from safety.models import Helpline
from tests.clock import NOON, frozen
from tests.factories.safety import HelplineFactory
from tests.tools import ROOT

pytestmark = pytest.mark.django_db


@frozen
def test_stale_helplines_lists_the_entries_not_checked_for_a_year():
    """Staff running stale_helplines see each line not checked for over a year, oldest first.

    Country, name, checked date and source of each entry last checked more than 365 days
    ago, oldest first; an entry checked within the year is not listed; it exits normally."""
    year_ago = NOON.date() - datetime.timedelta(days=365)
    older = HelplineFactory(country="GB", name="Older line", checked_on=year_ago.replace(day=1))
    stale = HelplineFactory(
        country="IE",
        name="Just over a year",
        source_url="https://example.org/ie",
        checked_on=year_ago - datetime.timedelta(days=1),
    )
    HelplineFactory(country="GB", name="Checked a year ago today", checked_on=year_ago)
    out = StringIO()
    call_command("stale_helplines", stdout=out)
    lines = out.getvalue().splitlines()
    total = Helpline.objects.count()
    assert (
        lines[0]
        == f"2 of {total} helplines last checked before {year_ago} (more than 365 days ago):"
    )
    assert lines[1] == f"GB  Older line  checked {older.checked_on}  {older.source_url}"
    assert lines[2] == f"IE  Just over a year  checked {stale.checked_on}  https://example.org/ie"
    assert "Checked a year ago today" not in out.getvalue()
    # Then the entries marked not yet verified, with their notes.
    assert "1 marked not yet verified:" in lines
    assert lines[-1].startswith("NZ  Shine Helpline  checked ")


@frozen
def test_stale_helplines_takes_days_and_says_when_nothing_is_due():
    """stale_helplines takes any number of days, says when none is due and refuses a negative."""
    out = StringIO()
    call_command("stale_helplines", days=365, stdout=out)
    assert out.getvalue().startswith("Every helpline was checked on or after 2025-03-18.")
    out = StringIO()
    call_command("stale_helplines", "--days", "0", stdout=out)  # before today: none, at NOON
    assert out.getvalue().startswith("Every helpline was checked on or after 2026-03-18.")
    with pytest.raises(CommandError, match="--days"):
        call_command("stale_helplines", days=-1)


def test_stale_helplines_exits_zero_from_the_command_line(tmp_path):
    """As run by staff or a scheduler: exit code 0, with entries due or not."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'helplines.sqlite3'}"
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)  # noqa: S603
    result = subprocess.run(  # noqa: S603
        [*manage, "stale_helplines", "--days", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    # Which of the two it says depends on today's date; either way it exits 0.
    assert "helplines last checked before" in result.stdout or "Every helpline" in result.stdout

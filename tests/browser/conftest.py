"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

tests/conftest.py marks every test in this folder `browser` (by path), skips them when
Chromium is missing (or fails them under REQUIRE_BROWSER/CI), and gives them serialized
rollback, so the program's text is in the database without any loading here.
"""

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone

HERE = Path(__file__).resolve().parent

# Playwright's sync API runs an asyncio loop in the test thread. From its first call until
# the session ends, that loop counts as running in this thread, even between calls, and
# Django then refuses ORM calls (SynchronousOnlyOperation) unless DJANGO_ALLOW_ASYNC_UNSAFE
# is set. The browser tests' ORM calls are ordinary synchronous ones beside Playwright, so
# they may; no other test runs with Django's check turned off, and none sees the loop.
_parked_loop = []


def _unpark_loop():
    if _parked_loop:
        asyncio._set_running_loop(_parked_loop.pop())


def _park_loop():
    loop = asyncio._get_running_loop()
    if loop is not None:
        _parked_loop.append(loop)
        asyncio._set_running_loop(None)


@pytest.fixture(scope="package", autouse=True)
def _orm_beside_playwright():
    """For the browser tests only. Package scope, so it also covers pytest-django's flush
    after each test, which comes after every function-scoped fixture is gone. Leaving the
    folder, put Playwright's loop aside: it comes back for the next browser test, and for
    pytest-playwright's teardown at the end of the session (after pytest-django's, which
    may destroy the test database before it)."""
    _unpark_loop()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield
    _park_loop()


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """The same before a test outside this folder after a browser test that failed before
    the fixture above was set up (say, Chromium did not start). Like every hook in this
    file it sees all tests of the session, hence the path check. trylast: this is done
    before tests/conftest.py's teardown hook loads data with the ORM."""
    try:
        return (yield)
    finally:
        if nextitem is not None and not nextitem.path.is_relative_to(HERE):
            _park_loop()


def _keep_this_threads_connections():
    """asgiref gives a thread in which an event loop runs a separate store of database
    connections, so once Playwright has started, this thread's ORM calls would go through
    second connections: without Django's snapshot of the migrated data (serialized rollback
    would do nothing) and, on SQLite, competing with the first for the same tables. Point
    that store at the thread's own connections."""
    from django.db import connections

    loop = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        own = {alias: connections[alias] for alias in connections}
    finally:
        asyncio._set_running_loop(loop)
    for alias, connection in own.items():
        connections[alias] = connection


@pytest.fixture(scope="session")
def playwright(django_db_setup, playwright):
    # django_db_setup first: the test database is made before Playwright's loop starts, so a
    # browser test that runs alone (or first) needs no exception from Django's async check.
    _keep_this_threads_connections()
    yield playwright
    _unpark_loop()  # pytest-playwright stops Playwright next


@pytest.fixture(scope="session")
def browser(browser):
    yield browser
    _unpark_loop()  # pytest-playwright closes the browser next


@pytest.fixture
def noon_today(time_machine):
    """The clock at noon today in TIME_ZONE, then running on: midnight is hours away, so a
    test that counts days cannot see the date change under it. Today's real date, not a
    fixed one, because Chromium keeps its own clock and would drop cookies that expire in
    what is, for it, the past."""
    noon = dt.datetime.combine(
        timezone.localdate(), dt.time(12), tzinfo=timezone.get_current_timezone()
    )
    time_machine.move_to(noon, tick=True)
    return noon

from pathlib import Path

import pytest

from tests import tools
from tests.factories import PASSWORD, UserFactory
from tests.factories.safety import SafetyCheckFactory
from vault import health

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
BROWSER_DIR = Path(__file__).resolve().parent / "browser"


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def client_logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def program_client(client_logged_in, user):
    """Signed in as `user` (verified), who has answered the safety check (all no), so the
    program's pages open instead of asking it first."""
    SafetyCheckFactory(user=user)
    return client_logged_in


@pytest.fixture
def afraid_client(client_logged_in, user):
    """Signed in as `user` (verified), who told the safety check they have felt afraid of their
    ex: a person for whom reconnecting is unsafe."""
    SafetyCheckFactory(user=user, afraid=True)
    return client_logged_in


@pytest.fixture
def fresh_key_status():
    """The encryption keys' status (vault.health) checked afresh, before and after the test."""
    health.reset()
    yield
    health.reset()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# Browser tests: Debian's Chromium, driven by Playwright (which cannot download its own).
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": tools.CHROMIUM,
        "args": [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def flushes_the_database(item):
    """Tests on a live server or a transactional database run outside a transaction, and
    pytest-django empties every table after each of them."""
    fixtures = getattr(item, "fixturenames", ())
    return "live_server" in fixtures or "transactional_db" in fixtures


def pytest_collection_modifyitems(config, items):
    no_chromium = tools.chromium_missing()
    for item in items:
        # By path: a hook in tests/browser/conftest.py would see every test of the session.
        if item.path.is_relative_to(BROWSER_DIR):
            item.add_marker(pytest.mark.browser)
            if item.path.name == "test_sweep.py":
                item.add_marker(pytest.mark.sweep)
            if no_chromium and not tools.tools_required():
                item.add_marker(pytest.mark.skip(reason=no_chromium))
        # Serialized rollback: pytest-django has Django save the migrated data (the program
        # text, content types, permissions) when it creates the test database, and load it
        # back at the start of each of these tests. Marked here, at collection, because the
        # test database is set up (and the snapshot taken) only for tests known by then.
        if flushes_the_database(item):
            marker = item.get_closest_marker("django_db")
            kwargs = {**(marker.kwargs if marker else {})}
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Without REQUIRE_BROWSER/CI they are skipped (above); with it, they fail.
    needs_chromium = item.get_closest_marker("browser") and tools.tools_required()
    if needs_chromium and (reason := tools.chromium_missing()):
        tools.skip_or_fail(reason)


_FLUSH_TO_COME = pytest.StashKey[bool]()


@pytest.fixture(autouse=True)
def _migrated_data_after_the_flush(request):
    """For tests on a live server or a transactional database (see pytest_runtest_teardown).
    An autouse fixture comes after pytest-django's own, so when it runs, pytest-django has
    set the database up and will flush it after the test."""
    if flushes_the_database(request.node):
        request.node.stash[_FLUSH_TO_COME] = True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Serialized rollback loads the migrated data at the start of a flushing test, and the
    flush at its end leaves the tables empty. Load the data back straight after the flush (a
    fixture cannot: pytest-django's own fixture, which flushes, is torn down after ours), so
    the next test, whatever it is, finds the database as migrations left it: no test depends
    on running before or after another."""
    try:
        return (yield)
    finally:
        # After the last test the test database is being destroyed: nothing to load.
        if nextitem is not None and item.stash.get(_FLUSH_TO_COME, False):
            _load_migrated_data(item.config)


def _load_migrated_data(config):
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with config.stash[blocking_manager_key].unblock():
        for connection in connections.all():
            snapshot = getattr(connection, "_test_serialized_contents", None)
            if snapshot:
                connection.creation.deserialize_db_from_string(snapshot)
                connection.close()


def pytest_terminal_summary(terminalreporter):
    """Say plainly how many browser tests did not run, and why."""
    reasons = {}
    for report in terminalreporter.stats.get("skipped", []):
        if "browser" in report.keywords and isinstance(report.longrepr, tuple):
            reason = report.longrepr[2].removeprefix("Skipped: ")
            reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in reasons.items():
        noun = "browser test" if count == 1 else "browser tests"
        terminalreporter.write_line(f"{count} {noun} skipped: {reason}", yellow=True, bold=True)

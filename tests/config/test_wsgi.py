"""Two servers sharing PostgreSQL and Redis behave as one site."""

# Two gunicorn servers serving config.wsgi, sharing one database and one Redis.

import pytest
import redis
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests import tools
from tests.factories import PASSWORD, UserFactory
from tests.servers.gunicorn import Browser, Server, server_env

REDIS_URL = "redis://127.0.0.1:6379/14"

# Two servers share one PostgreSQL: on SQLite these are skipped locally, and CI's SQLite run
# deselects them by this mark (they run in its PostgreSQL run), so CI skips nothing.
pytestmark = pytest.mark.postgres


def redis_available():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.exceptions.RedisError:
        return False


@pytest.fixture
def two_servers(transactional_db, artifacts):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://… (CI does)")
    if not redis_available():
        tools.skip_or_fail("needs Redis on 127.0.0.1:6379 (.ci/run starts it)")
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = server_env(REDIS_URL=REDIS_URL)
    servers = [Server(env), Server(env)]
    yield servers
    for server in servers:
        server.stop()


@pytest.fixture
def person(transactional_db):
    """A verified person whose password the servers can check (they use the real hashers)."""
    user = UserFactory(email="shared@example.com")
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, "exbacktestsalt")
    user.save(update_fields=["password"])
    return user


def log_in(browser, server, password=PASSWORD):
    return browser.post_form(
        server.url + "/accounts/login/", {"login": "shared@example.com", "password": password}
    )


def test_a_session_made_on_one_server_works_on_the_other(two_servers, person):
    """Logged in through one server, you stay logged in when the next page comes from another."""
    a, b = two_servers
    browser = Browser()
    status, headers, _ = log_in(browser, a)
    assert status == 302
    assert headers["Location"] == "/dashboard/"

    status, _, html = browser.get(b.url + "/dashboard/")
    assert status == 200
    assert '<h1 class="h2">Welcome' in html
    status, _, html = browser.get(a.url + "/account/")
    assert status == 200
    assert "shared@example.com" in html


def test_a_journal_entry_written_on_one_server_is_read_on_the_other(two_servers, person):
    """An entry written through one server opens, and turns up in search, through the other."""
    a, b = two_servers
    browser = Browser()
    log_in(browser, a)
    status, headers, _ = browser.post_form(
        a.url + "/journal/new/",
        {"title": "Written on server one", "body": "Read back on server two.", "mood": "3"},
    )
    assert status == 302
    entry_path = headers["Location"]
    assert entry_path.startswith("/journal/")

    status, _, html = browser.get(b.url + entry_path)
    assert status == 200
    assert "Written on server one" in html
    assert "Read back on server two." in html
    # Found by search on the other server too: the index and the keys are shared.
    status, _, html = browser.get(b.url + "/journal/?q=server+two")
    assert status == 200
    assert "Written on server one" in html


def test_login_rate_limit_counts_attempts_across_servers(two_servers, person):
    """Password guesses spread over two servers still lock out the sixth attempt on both."""
    a, b = two_servers
    browser = Browser()
    for attempt in range(5):
        server = (a, b)[attempt % 2]
        status, _, html = log_in(browser, server, password="wrong-password")
        assert status == 200
        assert "are not correct" in html, f"attempt {attempt + 1} should be an ordinary failure"

    # The sixth in a row is refused, on either server, even with the right password.
    for server in (a, b):
        status, _, html = log_in(browser, server)
        assert status == 200
        assert "Too many failed login attempts" in html


def test_pages_still_work_when_redis_is_unreachable(transactional_db, person, artifacts):
    """With Redis down, people still log in and see their dashboard; the log says Redis is out."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://… (CI does)")
    server = Server(server_env(REDIS_URL="redis://127.0.0.1:1/0"))  # nothing listens there
    try:
        browser = Browser()
        status, headers, _ = log_in(browser, server)
        assert status == 302
        status, _, html = browser.get(server.url + "/dashboard/")
        assert status == 200
        assert '<h1 class="h2">Welcome' in html
    finally:
        server.stop()
    log = (artifacts / f"gunicorn-{server.port}.log").read_text()
    assert "Redis unavailable" in log

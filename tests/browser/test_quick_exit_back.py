"""After a quick exit, Back shows nothing of the person's: not a page of theirs from
the back-forward cache, not the words they typed from the browser's form cache or the drafts,
and the session is over on the server. The shortcut is Shift three times, never while typing.

The neutral page is this server under another host name (localhost for 127.0.0.1, or the
reverse): another site, as a real exit goes to, and one the test can reach offline."""

import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import WELCOME, log_in
from tests.factories import UserFactory
from tests.helpers.accounts import sessions_of

WORDS = "He reads my messages when I sleep"


def neutral_url(live_server) -> str:
    host = "localhost" if "127.0.0.1" in live_server.url else "127.0.0.1"
    return re.sub(r"//[^:/]+", f"//{host}", live_server.url, count=1) + "/healthz"


@pytest.fixture
def exit_to(live_server, settings):
    settings.QUICK_EXIT_URL = neutral_url(live_server)
    return settings.QUICK_EXIT_URL


def accept_dialogs(page):
    """Leaving a page with an unsaved draft asks first (drafts.js): the person says leave."""
    page.on("dialog", lambda dialog: dialog.accept())


def settle(page):
    """Back may restore a page and then load it again (quick-exit.js): wait for the last."""
    page.wait_for_load_state("load")
    page.wait_for_timeout(400)
    page.wait_for_load_state("load")


def typed_or_shown(page) -> str:
    """All the page shows and holds: its HTML and the current value of every field."""
    values = page.evaluate(
        "Array.from(document.querySelectorAll('input, textarea, select'))"
        ".map((field) => field.value).join('\\n')"
    )
    return page.content() + "\n" + values


def assert_nothing_of_theirs(page):
    shown = typed_or_shown(page)
    assert WORDS not in shown, page.url
    assert urlsplit(page.url).path == "/accounts/login/", page.url  # where a page of theirs sends
    expect(page.get_by_role("heading", name=WELCOME)).to_have_count(0)
    expect(page.get_by_role("button", name="Log out")).to_have_count(0)
    assert "Welcome back" not in shown, page.url
    assert "Your journal" not in shown, page.url
    assert page.evaluate("Object.keys(localStorage)") == [], page.url  # no draft either


def wait_until_signed_out(user, timeout=5.0):
    """The keepalive request ends the session while the neutral page loads."""
    deadline = time.monotonic() + timeout
    while sessions_of(user) != (0, 0) and time.monotonic() < deadline:
        time.sleep(0.1)
    return sessions_of(user)


@pytest.mark.parametrize("how", ["button", "shift three times"])
def test_back_after_a_quick_exit_shows_nothing_of_theirs(
    live_server, page, exit_to, how, artifacts
):
    """After a quick exit by button or three Shifts, Back shows none of their pages or words."""
    user = UserFactory()
    accept_dialogs(page)
    log_in(page, live_server, user.email)
    page.goto(live_server.url + "/journal/new/")
    page.get_by_label("Your entry").fill(WORDS)
    expect(page.get_by_text("Draft kept on this device")).to_be_visible()
    page.get_by_role("link", name="Home").first.click()  # not saved: the draft is all there is
    expect(page.get_by_role("heading", name=WELCOME)).to_be_visible()

    if how == "button":
        page.get_by_role("link", name="Quick exit").click()
    else:
        for _ in range(3):
            page.keyboard.press("Shift")

    expect(page).to_have_url(exit_to)
    assert wait_until_signed_out(user) == (0, 0)  # django_session and allauth's usersessions
    page.screenshot(path=artifacts / f"quick-exit-back-neutral-{how.replace(' ', '-')}.png")

    backs = 0
    for _ in range(5):
        page.go_back()
        settle(page)
        if page.url.startswith(exit_to) or page.url == "about:blank":
            break
        backs += 1
        assert_nothing_of_theirs(page)
        page.screenshot(
            path=artifacts / f"quick-exit-back-{how.replace(' ', '-')}-{backs}.png",
            full_page=True,
        )
    assert backs >= 3  # the new-entry page, the dashboard, the log-in page

    # A fresh request finds nobody signed in.
    page.goto(live_server.url + "/dashboard/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/dashboard/$"))
    assert sessions_of(user) == (0, 0)


def test_back_after_the_quick_exit_link_without_javascript(live_server, browser, exit_to):
    """Without JavaScript, Back after the quick exit shows the log-in page, not their words.

    Without JavaScript the button is a link to /exit/: it signs out too, so Back to the
    page with the words typed in it brings the log-in page, and the words are gone."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        user = UserFactory()
        log_in(page, live_server, user.email)
        page.goto(live_server.url + "/journal/new/")
        page.get_by_label("Your entry").fill(WORDS)
        page.get_by_role("link", name="Quick exit").click()
        expect(page).to_have_url(exit_to)
        assert sessions_of(user) == (0, 0)

        page.go_back()
        settle(page)
        expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/journal/new/$"))
        assert_nothing_of_theirs(page)
    finally:
        context.close()


def shift_then(page, key):
    page.keyboard.press("Shift")
    page.keyboard.press(key)


def test_shift_while_typing_never_exits_but_three_lone_presses_do(live_server, page, exit_to):
    """Typing capitals never sets off the quick exit; three lone presses of Shift do."""
    user = UserFactory()
    accept_dialogs(page)
    log_in(page, live_server, user.email)
    page.goto(live_server.url + "/journal/new/")
    box = page.get_by_label("Your entry")
    box.click()

    # Capitals (Shift held with a letter), Shift with letters between, and Escape twice (the
    # old shortcut, which fired mid-sentence).
    page.keyboard.type("we met ")
    for key in ("Shift+I", "Shift+T", "Shift+S"):
        page.keyboard.press(key)
    shift_then(page, "a")
    shift_then(page, "b")
    shift_then(page, "c")
    page.keyboard.press("Shift")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_timeout(500)
    expect(page).to_have_url(re.compile(r"/journal/new/$"))
    expect(box).to_have_value(re.compile(r"^we met ITS"))
    assert sessions_of(user)[0] == 1

    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_url(exit_to)
    assert wait_until_signed_out(user) == (0, 0)


def test_shift_presses_far_apart_do_not_exit(live_server, page, exit_to, artifacts):
    """GOV.UK's window: three presses within five seconds."""
    user = UserFactory()
    log_in(page, live_server, user.email)
    page.clock.install()
    page.goto(live_server.url + "/dashboard/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(page.locator(".quick-exit")).to_have_class(re.compile("quick-exit-counting"))
    expect(page.locator("[data-quick-exit-status]")).to_have_text(
        "Shift, press 1 more time to exit."
    )
    page.screenshot(path=artifacts / "quick-exit-shift-counting.png")
    page.clock.run_for(6000)
    expect(page.locator(".quick-exit")).not_to_have_class(re.compile("quick-exit-counting"))
    page.keyboard.press("Shift")
    page.wait_for_timeout(500)
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    assert sessions_of(user)[0] == 1


RESTORED = "window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))"


def test_a_signed_in_page_back_from_the_bfcache_loads_again(live_server, page):
    """A signed-in page brought back by Back reloads, so after an exit nothing of theirs shows.

    Chromium here does not keep no-store pages in the back-forward cache, but other
    browsers (and other Chromium versions) may: a signed-in page shown from it loads itself
    again, without asking about the unsaved draft, so after an exit the server's log-in page
    replaces it. Simulated with the event the browser sends on such a restore."""
    user = UserFactory()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    log_in(page, live_server, user.email)
    page.goto(live_server.url + "/journal/new/")
    page.get_by_label("Your entry").fill(WORDS)
    expect(page.get_by_text("Draft kept on this device")).to_be_visible()
    page.evaluate("window.stale = true")

    with page.expect_navigation():
        page.evaluate(RESTORED)
    expect(page.get_by_label("Your entry")).to_have_value(WORDS)  # the draft, restored
    assert page.evaluate("window.stale") is None  # a fresh page
    assert dialogs == []

    # The session ends (as a quick exit from another page would); the page comes back again.
    token = page.locator("[data-exit-token]").get_attribute("data-exit-token")
    page.evaluate(
        "(token) => fetch('/exit/', {method: 'POST', headers: {'X-CSRFToken': token}})", token
    )
    page.evaluate("localStorage.clear()")
    with page.expect_navigation():
        page.evaluate(RESTORED)
    settle(page)
    assert_nothing_of_theirs(page)
    assert dialogs == []

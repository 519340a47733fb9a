"""The quick exit leaves at once, cannot be returned to with Back, and leaves no draft (Back
after it, page by page: test_quick_exit_back.py)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.factories import UserFactory


def exback_keys(page):
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('exback-'))")


@pytest.mark.parametrize("how", ["button", "shift three times"])
def test_quick_exit_from_a_page_with_a_draft(live_server, page, settings, how, artifacts):
    """Quick exit, by button or three Shifts, wipes the draft; Back shows only the log-in page."""
    settings.QUICK_EXIT_URL = live_server.url + "/healthz"  # a neutral page the test can reach
    user = UserFactory()
    log_in(page, live_server, user.email)
    page.goto(live_server.url + "/journal/new/")
    page.get_by_label("Your entry").fill("He checks my phone every night.")
    expect(page.get_by_text("Draft kept on this device")).to_be_visible()
    assert exback_keys(page)
    page.screenshot(path=artifacts / "quick-exit-before.png")

    if how == "button":
        page.get_by_role("link", name="Quick exit").click()
    else:
        for _ in range(3):
            page.keyboard.press("Shift")

    expect(page).to_have_url(re.compile(r"/healthz$"))
    assert page.evaluate("localStorage.length") == 0
    page.go_back()
    # The page with the draft was replaced in history: Back goes to the one before it, and
    # the session is over, so that page sends the log-in page instead.
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/dashboard/$"))
    assert exback_keys(page) == []

"""Exercise text survives a reload and an expired session, is cleared once saved, and
logging out forgets every draft on the device."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import log_in, submit_log_in
from tests.factories import UserFactory
from tests.factories.safety import SafetyCheckFactory


def draft_keys(page):
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('exback-'))")


def test_exercise_draft_survives_an_expired_session_and_is_cleared_once_saved(
    live_server, page, context, artifacts
):
    """A memory typed as the session ends is back after logging in again, and gone once kept."""
    user = UserFactory()
    SafetyCheckFactory(user=user)
    log_in(page, live_server, user.email)

    page.goto(live_server.url + "/stages/exercises/memories/")
    expect(page.get_by_text("We restored what you typed here")).to_be_hidden()
    page.get_by_label("What happened").fill("The night we got lost in the rain")
    expect(page.get_by_text("Draft kept on this device")).to_be_visible()
    assert len(draft_keys(page)) == 1
    assert user.email not in draft_keys(page)[0]

    context.clear_cookies(name="sessionid")  # the session ends while the person is writing
    page.get_by_role("button", name="Keep this memory").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next="))
    submit_log_in(page, user.email)

    page.goto(live_server.url + "/stages/exercises/memories/")
    expect(page.get_by_text("We restored what you typed here")).to_be_visible()
    expect(page.get_by_label("What happened")).to_have_value("The night we got lost in the rain")
    page.screenshot(path=artifacts / "exercise-draft-restored.png", full_page=True)

    page.get_by_role("button", name="Keep this memory").click()
    expect(page.get_by_text("A good memory, kept.")).to_be_visible()
    expect(page.get_by_label("What happened")).to_have_value("")
    assert draft_keys(page) == []


def test_logging_out_forgets_every_draft_on_the_device(live_server, page):
    """Logging out wipes every unsaved draft, exercise and journal alike, from the device."""
    user = UserFactory()
    SafetyCheckFactory(user=user)
    log_in(page, live_server, user.email)

    page.goto(live_server.url + "/stages/exercises/apology/")
    page.get_by_label("Your apology, in your own words").fill("Secret words for nobody else")
    expect(page.get_by_text("Draft kept on this device")).to_be_visible()
    page.goto(live_server.url + "/journal/new/")
    page.get_by_label("Your entry").fill("Another secret draft")
    expect(page.get_by_text("Draft kept on this device")).to_be_visible()
    assert len(draft_keys(page)) == 2

    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/$"))
    assert draft_keys(page) == []

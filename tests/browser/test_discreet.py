"""Discreet mode in a real browser: a person who turned it on sees the neutral name in the
header, the tab, the footer and the printed summary, and nothing that names the site (every
page's HTML is checked in tests/exback/test_privacy.py)."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.factories import UserFactory
from tests.factories.safety import SafetyCheckFactory


def test_a_discreet_person_sees_only_the_neutral_name(live_server, page, artifacts):
    """In discreet mode the header, tab, footer and printed summary say Notes, never exback."""
    user = UserFactory(discreet=True)
    SafetyCheckFactory(user=user)
    log_in(page, live_server, user.email)

    brand = page.locator("header .brand")
    expect(brand).to_have_text("Notes")
    expect(brand).to_have_attribute("href", "/dashboard/")
    expect(page).to_have_title(re.compile(r" · Notes$"))
    expect(page.locator("footer")).to_contain_text("Notes is a self-help program")
    assert not re.search("exback", page.content(), re.IGNORECASE)
    page.screenshot(path=artifacts / "discreet-dashboard.png")

    page.goto(live_server.url + "/stages/summary/")
    page.emulate_media(media="print")
    expect(page.locator(".summary-brand")).to_have_text("Notes")
    page.screenshot(path=artifacts / "discreet-summary-print.png")

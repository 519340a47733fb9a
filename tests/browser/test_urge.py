"""The urge to text the ex hits: from the dashboard's button, through the check and a moment
to ground, to "I waited", and the wait counted on the dashboard."""

import re

from playwright.sync_api import expect

from progress.models import ReachOutCheck, Urge
from tests.browser.helpers import axe_violations, log_in
from tests.factories import UserFactory
from tests.factories.safety import SafetyCheckFactory


def urges_resisted(page):
    return page.get_by_role("region", name="Urges resisted").locator(".big")


def test_the_dashboard_button_leads_through_the_flow_to_a_counted_wait(
    live_server, page, artifacts
):
    """From I want to reach out, a person waits it out, and the dashboard counts it as resisted."""
    user = UserFactory()
    SafetyCheckFactory(user=user)
    log_in(page, live_server, user.email)
    expect(urges_resisted(page)).to_have_text("0")

    page.get_by_role("link", name="I want to reach out").click()
    expect(page.get_by_role("heading", name="I want to reach out", level=1)).to_be_visible()
    page.get_by_role("button", name="Next: a moment to ground yourself").click()
    expect(page.get_by_text("Please check the answers marked below.")).to_be_visible()
    for key, answer in (
        ("desperate", "yes"),
        ("fine_without_reply", "no"),
        ("pleading", "no"),
        ("know_open", "no"),
    ):
        page.locator(f"input[name={key}][value={answer}]").check()
    assert axe_violations(page) == {}
    page.screenshot(path=artifacts / "urge-1-check.png", full_page=True)
    page.get_by_role("button", name="Next: a moment to ground yourself").click()

    expect(page.get_by_role("heading", name="A moment to ground yourself")).to_be_visible()
    expect(page.get_by_text("Your latest answers suggest waiting a little")).to_be_visible()
    page.get_by_role("link", name="Wait 10 minutes").click()
    expect(page.get_by_text("Stay with it until")).to_be_visible()
    expect(page.get_by_text(re.compile(r"About 10 minutes to go"))).to_be_visible()  # urge.js
    assert axe_violations(page) == {}
    page.screenshot(path=artifacts / "urge-2-ground.png", full_page=True)
    page.get_by_role("link", name="I'm ready: choose what happens next").click()

    expect(page.get_by_role("heading", name="Where this moment ends")).to_be_visible()
    page.get_by_label("Anything you want to note (optional)").fill("Made tea and it passed.")
    assert axe_violations(page) == {}
    page.screenshot(path=artifacts / "urge-3-end.png", full_page=True)
    page.get_by_role("button", name="I waited").click()

    expect(page.get_by_text("You waited. That took strength")).to_be_visible()
    expect(urges_resisted(page)).to_have_text("1")
    page.screenshot(path=artifacts / "urge-4-dashboard.png", full_page=True)
    urge = Urge.objects.get(user=user)
    assert (urge.outcome, urge.note) == ("waited", "Made tea and it passed.")
    assert ReachOutCheck.objects.get(user=user).answers["desperate"] == "yes"

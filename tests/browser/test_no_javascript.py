"""Progressive enhancement: with JavaScript off, the journal and the exercises still work."""

import re

import pytest
from playwright.sync_api import expect

from journal.models import Entry
from progress.models import SelfCareCheckIn
from tests.browser.helpers import log_in
from tests.factories import UserFactory


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "java_script_enabled": False}


def test_journal_write_edit_and_delete_without_javascript(live_server, page, artifacts):
    """With JavaScript off, a person can still write, edit and delete a journal entry."""
    person = UserFactory()
    log_in(page, live_server, person.email)
    assert page.evaluate("1 + 1") == 2  # Playwright's own evaluation still runs
    assert page.locator("html").get_attribute("data-bs-theme") is None  # the page's JS did not

    page.goto(live_server.url + "/journal/new/")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_text("Write something before saving")).to_be_visible()
    page.get_by_label("Title").fill("Without scripts")
    page.get_by_label("Your entry").fill("Plain HTML forms still work.")
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name="Without scripts")).to_be_visible()
    page.screenshot(path=artifacts / "nojs-journal-entry.png", full_page=True)

    page.get_by_role("link", name=re.compile("^Edit")).click()
    page.get_by_label("Your entry").fill("Edited with JavaScript off.")
    page.get_by_role("button", name=re.compile("Save")).click()
    expect(page.get_by_text("Edited with JavaScript off.")).to_be_visible()
    entry = Entry.objects.get(user=person)
    assert entry.body == "Edited with JavaScript off."

    page.get_by_role("link", name=re.compile("^Delete")).click()
    page.get_by_role("button", name=re.compile("Delete")).click()
    expect(page.get_by_role("heading", name="Your journal")).to_be_visible()
    assert not Entry.objects.filter(user=person).exists()


def test_safety_check_and_a_check_in_without_javascript(live_server, page, artifacts, noon_today):
    """With JavaScript off, the safety check and a check-in save; bad hours of sleep are flagged."""
    person = UserFactory()
    log_in(page, live_server, person.email)
    page.goto(live_server.url + "/stages/exercises/self-care/today/")
    for key in ("violence", "threats", "controlled", "afraid", "children"):
        page.locator(f"input[name={key}][value=no]").check()
    page.get_by_role("button", name="Save my answers").click()

    page.goto(live_server.url + "/stages/exercises/self-care/today/")
    page.locator("#id_hours_slept").fill("30")
    page.locator("input[name=ate_well][value=yes]").check()
    page.locator("input[name=moved][value=no]").check()
    page.locator("input[name=basic_care][value=yes]").check()
    page.locator("input[name=mood][value='4']").check()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("#id_hours_slept")).to_have_attribute("aria-invalid", "true")
    assert not SelfCareCheckIn.objects.filter(user=person).exists()

    page.locator("#id_hours_slept").fill("7.5")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Current streak: 1 day")).to_be_visible()
    assert SelfCareCheckIn.objects.get(user=person).mood == 4
    page.screenshot(path=artifacts / "nojs-selfcare.png", full_page=True)

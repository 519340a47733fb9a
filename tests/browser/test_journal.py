"""The journal in a real browser: a draft survives a reload and an expired session, the
saved entry is found by search, and nothing is left behind in the browser's storage."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import log_in, submit_log_in
from tests.factories import PASSWORD, UserFactory


def draft_keys(page):
    return page.evaluate(
        "Object.keys(window.localStorage).filter((key) => key.startsWith('exback-journal:'))"
    )


def test_write_reload_save_and_search(live_server, page, artifacts):
    """A journal draft survives a reload, saves, is found by search and leaves no draft behind."""
    user = UserFactory()
    dialogs = []

    def accept(dialog):
        dialogs.append(dialog.type)
        dialog.accept()

    page.on("dialog", accept)
    log_in(page, live_server, user.email)

    page.goto(live_server.url + "/journal/new/")
    expect(page.get_by_text("We restored your unsaved draft")).to_be_hidden()
    page.get_by_label("Title").fill("Evening by the river")
    page.get_by_label("Your entry").fill("I walked by the river tonight.\nIt helped.")
    page.get_by_label("How are you feeling?").select_option("4")
    expect(page.get_by_text("Draft kept on this device")).to_be_visible()
    assert len(draft_keys(page)) == 1
    assert user.email not in draft_keys(page)[0]

    page.reload()
    assert "beforeunload" in dialogs
    expect(page.get_by_text("We restored your unsaved draft")).to_be_visible()
    expect(page.get_by_label("Your entry")).to_have_value(
        "I walked by the river tonight.\nIt helped."
    )
    expect(page.get_by_label("Title")).to_have_value("Evening by the river")
    expect(page.get_by_label("How are you feeling?")).to_have_value("4")
    page.screenshot(path=artifacts / "journal-draft-restored.png", full_page=True)

    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name="Evening by the river")).to_be_visible()
    expect(page.get_by_text("Your entry is saved.")).to_be_visible()
    expect(page.get_by_text("It helped.")).to_be_visible()
    assert draft_keys(page) == []
    page.screenshot(path=artifacts / "journal-entry.png", full_page=True)

    page.get_by_role("link", name="← Your journal").click()
    page.get_by_label("Search words").fill("RIVER tonight")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"q=RIVER"))
    expect(page.get_by_role("link", name="Evening by the river")).to_be_visible()
    page.screenshot(path=artifacts / "journal-search.png", full_page=True)

    page.get_by_label("Search words").fill("ocean")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("No entries match")).to_be_visible()


def test_a_draft_survives_an_expired_session(live_server, page, context, artifacts):
    """Words typed as the session expired come back after logging in again, until discarded."""
    user = UserFactory()
    log_in(page, live_server, user.email)

    page.goto(live_server.url + "/journal/new/")
    page.get_by_label("Your entry").fill("Words I do not want to lose.")
    expect(page.get_by_text("Draft kept on this device")).to_be_visible()

    context.clear_cookies(name="sessionid")  # the session ends while the person is writing
    page.get_by_role("button", name="Save entry").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/journal/new/"))

    submit_log_in(page, user.email)

    expect(page).to_have_url(re.compile(r"/journal/new/$"))
    expect(page.get_by_text("We restored your unsaved draft")).to_be_visible()
    expect(page.get_by_label("Your entry")).to_have_value("Words I do not want to lose.")

    page.get_by_role("button", name="Discard draft").click()
    expect(page.get_by_label("Your entry")).to_have_value("")
    assert draft_keys(page) == []


def test_list_page_with_entries(live_server, page, artifacts):
    """The journal list with three entries opens under its heading, on desktop and on a phone."""
    from tests.factories.journal import EntryFactory

    user = UserFactory()
    for number in range(3):
        EntryFactory(
            user=user,
            title=f"Entry {number}" if number else "",
            body="A longer entry about the day, what I felt and what I did next. " * 4,
            mood=number + 2,
        )
    log_in(page, live_server, user.email)
    page.goto(live_server.url + "/journal/")
    expect(page.get_by_role("heading", name="Your journal")).to_be_visible()
    page.screenshot(path=artifacts / "journal-list.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "journal-list-mobile.png", full_page=True)


def test_two_tabs_editing_the_same_entry(live_server, page, context, artifacts):
    """Saving over another tab's edit warns and shows both versions, so neither is lost."""
    from tests.factories.journal import EntryFactory

    user = UserFactory()
    entry = EntryFactory(user=user, title="Shared", body="The first version.")
    log_in(page, live_server, user.email)
    edit_url = f"{live_server.url}/journal/{entry.pk}/edit/"

    other_tab = context.new_page()
    other_tab.on("dialog", lambda dialog: dialog.accept())
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(edit_url)
    other_tab.goto(edit_url)

    other_tab.get_by_label("Your entry").fill("Written in the other tab.")
    other_tab.get_by_role("button", name="Save changes").click()
    expect(other_tab.get_by_text("Your changes are saved.")).to_be_visible()

    page.get_by_label("Your entry").fill("Written in this tab.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("changed in another tab or on another device")).to_be_visible()
    expect(page.get_by_text("Written in the other tab.")).to_be_visible()
    expect(page.get_by_label("Your entry")).to_have_value("Written in this tab.")
    expect(page.get_by_text("We restored your unsaved draft")).to_be_hidden()
    page.screenshot(path=artifacts / "journal-conflict.png", full_page=True)

    page.get_by_label("Your entry").fill("Written in the other tab.\nWritten in this tab.")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Your changes are saved.")).to_be_visible()
    expect(page.get_by_text("Written in this tab.")).to_be_visible()
    assert draft_keys(page) == []


def test_delete_account_from_the_account_page(live_server, page, artifacts):
    """Deleting your account needs your password; then everything goes and you are logged out."""
    from tests.factories.journal import EntryFactory

    user = UserFactory()
    EntryFactory(user=user)
    log_in(page, live_server, user.email)
    page.goto(live_server.url + "/account/")
    page.screenshot(path=artifacts / "account-data.png", full_page=True)
    page.get_by_role("link", name="Delete your account and everything in it").click()
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Delete my account and all my data").click()
    expect(page.get_by_text("That is not your password. Nothing was deleted.")).to_be_visible()
    page.screenshot(path=artifacts / "account-delete.png", full_page=True)
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account and all my data").click()
    expect(page.get_by_text("Your account and everything in it are deleted")).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")
    ).to_be_visible()

"""With JavaScript on, a form that comes back with errors puts focus on the first one."""

from playwright.sync_api import expect

from tests.browser.helpers import log_in
from tests.factories import PASSWORD, UserFactory


def test_focus_moves_to_the_first_field_in_error(live_server, page):
    """A sign-up with a bad email comes back with the cursor in that field, its message attached."""
    page.goto(live_server.url + "/accounts/signup/")
    page.locator("#id_email").fill("not-an-email")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    # Past the browser's own check, to see the server's message and what the page does next.
    page.locator("#id_email").evaluate("el => el.setAttribute('type', 'text')")
    page.get_by_role("button", name="Sign up", exact=True).click()
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_email")).to_be_focused()
    described = page.locator("#id_email").get_attribute("aria-describedby")
    expect(page.locator(f"#{described.split()[0]}")).to_contain_text("valid email")


def test_journal_errors_are_focused_and_described(live_server, page):
    """Saving an empty journal entry puts the cursor in the entry box, asking for some words."""
    person = UserFactory()
    log_in(page, live_server, person.email)
    page.goto(live_server.url + "/journal/new/")
    page.locator("#id_body").evaluate("el => el.removeAttribute('required')")
    page.get_by_role("button", name="Save entry").click()
    expect(page.locator("#id_body")).to_be_focused()
    expect(page.locator("#id_body_error")).to_contain_text("Write something")

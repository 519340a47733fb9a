"""A new person, in a real browser: sign up (the browser's time zone comes along), confirm
with the code from the email, log in, log out."""

from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import expect

from tests.browser.helpers import code_in_last_email

PASSWORD = "a-long-and-unusual-passphrase"
ZONE = "Pacific/Kiritimati"


def test_sign_up_confirm_and_log_in(live_server, browser, artifacts):
    """A newcomer signs up in their time zone, confirms with the emailed code, and logs in again."""
    # A browser that lives fourteen hours ahead of UTC.
    context = browser.new_context(timezone_id=ZONE)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.screenshot(path=artifacts / "home.png", full_page=True)
    page.get_by_role("link", name="Sign up, it's free").click()

    page.locator("#id_email").fill("browser@example.com")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.screenshot(path=artifacts / "signup.png", full_page=True)
    page.get_by_role("button", name="Sign up", exact=True).click()
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    # static/js/time-zone.js filled the hidden field as the form was sent.
    assert get_user_model().objects.get(email="browser@example.com").time_zone == ZONE

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Confirm your email address for exback"
    page.get_by_placeholder("Code").fill("000000" if code_in_last_email() != "000000" else "111111")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Incorrect code.")).to_be_visible()
    page.get_by_placeholder("Code").fill(code_in_last_email())
    page.screenshot(path=artifacts / "confirm-email.png", full_page=True)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name="Welcome", exact=True)).to_be_visible()
    page.screenshot(path=artifacts / "dashboard.png", full_page=True)

    page.get_by_role("button", name="Log out").first.click()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")
    ).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in").click()
    page.locator("#id_login").fill("browser@example.com")
    page.locator("#id_password").fill(PASSWORD)
    page.screenshot(path=artifacts / "login.png", full_page=True)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()
    context.close()


def test_sign_up_without_javascript_keeps_the_site_time_zone(live_server, browser):
    """Signing up with JavaScript off works, and the account keeps the site's time zone."""
    context = browser.new_context(timezone_id=ZONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/accounts/signup/")
    page.locator("#id_email").fill("nojs@example.com")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up", exact=True).click()
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    assert get_user_model().objects.get(email="nojs@example.com").time_zone == ""
    context.close()


# Counts each time a script asks Intl for a date format (which loads the time-zone data).
COUNT_INTL_READS = """
window.intlReads = 0;
Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
  apply(target, self, args) { window.intlReads++; return Reflect.apply(target, self, args); },
  construct(target, args) { window.intlReads++; return Reflect.construct(target, args); },
});
"""


def test_the_sign_up_page_reads_the_time_zone_only_as_the_form_is_sent(live_server, browser):
    """The sign-up page opens without slow time-zone work, yet the account gets the browser's zone.

    Loading the sign-up page asks Intl for nothing (its time-zone data was a long task on
    a slow phone, Lighthouse's mobile run); sending the form fills the hidden field first, so
    the account still starts in the browser's zone."""
    context = browser.new_context(timezone_id=ZONE)
    page = context.new_page()
    page.add_init_script(COUNT_INTL_READS)
    page.goto(live_server.url + "/accounts/signup/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)  # anything put off until the page is idle
    assert page.evaluate("window.intlReads") == 0
    expect(page.locator("input[name=time_zone]")).to_have_value("")

    page.locator("#id_email").fill("zone@example.com")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_password2").press("Enter")  # sent with the keyboard, not the button
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    assert get_user_model().objects.get(email="zone@example.com").time_zone == ZONE
    context.close()

"""A new person, in a real browser: sign up, confirm by email, log in, log out."""

import re

from django.core import mail
from playwright.sync_api import expect

PASSWORD = "a-long-and-unusual-passphrase"


def test_sign_up_confirm_and_log_in(live_server, page, artifacts):
    page.goto(live_server.url + "/")
    page.screenshot(path=artifacts / "home.png", full_page=True)
    page.get_by_role("link", name="Sign up, it's free").click()

    page.locator("#id_email").fill("browser@example.com")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.screenshot(path=artifacts / "signup.png", full_page=True)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[0].body).group(0)
    page.goto(link)
    page.screenshot(path=artifacts / "confirm-email.png", full_page=True)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()
    page.screenshot(path=artifacts / "dashboard.png", full_page=True)

    page.get_by_role("button", name="Log out").first.click()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")
    ).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in").click()
    page.locator("#id_login").fill("browser@example.com")
    page.locator("#id_password").fill(PASSWORD)
    page.screenshot(path=artifacts / "login.png", full_page=True)
    page.get_by_role("button", name="Sign In", exact=True).click()
    expect(page.get_by_role("heading", name="Welcome back")).to_be_visible()

"""Passkeys in Chromium, with its virtual authenticator standing in for a phone or a laptop's
fingerprint reader: add one (after the password again), then log in with it alone; use one as
the second factor after the password; confirm access with one, rename it and remove it. All under
the site's Content-Security-Policy, which allows no inline script, and every page in the site's
voice. Where passkeys cannot work (an IP address), the pages say so beside the button."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from playwright.sync_api import expect

from tests.browser.helpers import WELCOME, log_in, submit_log_in
from tests.factories import PASSWORD, UserFactory
from tests.helpers.voice import voice_problems


@pytest.fixture
def authenticator(page):
    """A platform authenticator that keeps passkeys on the device and always verifies its
    person (the fingerprint or PIN), through Chromium's DevTools protocol. Returns a function
    listing the credentials it holds."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
    }
    created = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": options})
    authenticator_id = created["authenticatorId"]

    def credentials():
        found = cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})
        return found["credentials"]

    yield credentials
    cdp.send("WebAuthn.removeVirtualAuthenticator", {"authenticatorId": authenticator_id})
    cdp.detach()


@pytest.fixture
def csp_reports(page):
    """What the browser refused under the Content-Security-Policy, from its console."""
    reports = []
    page.on(
        "console",
        lambda message: (
            reports.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return reports


def open_passkeys(page, live_server):
    page.goto(live_server.url + "/account/")
    page.get_by_role("link", name=re.compile("^Passkeys and security keys")).click()
    expect(page.get_by_role("heading", name="Passkeys and security keys")).to_be_visible()


def add_passkey(page, live_server, *, name, passwordless, artifacts=None):
    """From the Account page: Passkeys, Add, the password again, then the key itself."""
    open_passkeys(page, live_server)
    if artifacts:
        page.screenshot(path=artifacts / "passkeys-list-empty.png", full_page=True)
    page.get_by_role("link", name="Add a passkey or security key").click()

    # allauth asks for the password again, however recently the person logged in.
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    assert voice_problems(page.content()) == []
    if artifacts:
        page.screenshot(path=artifacts / "passkeys-confirm-access.png", full_page=True)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", name="Add a passkey or security key")).to_be_visible()
    assert voice_problems(page.content()) == []
    # On localhost passkeys work: no word says otherwise.
    expect(page.locator("[data-passkeys-unavailable]")).to_be_hidden()
    page.get_by_label("Name").fill(name)
    if passwordless:
        page.get_by_label("Passwordless").check()
    if artifacts:
        page.screenshot(path=artifacts / "passkeys-add.png", full_page=True)
    page.get_by_role("button", name="Add", exact=True).click()
    # The first key of an account comes with recovery codes, shown straight away.
    expect(page.get_by_text("Your passkey or security key is added.")).to_be_visible()
    expect(page.get_by_role("heading", name="Recovery codes")).to_be_visible()
    assert voice_problems(page.content()) == []
    if artifacts:
        page.screenshot(path=artifacts / "passkeys-added-recovery-codes.png", full_page=True)


def log_out(page):
    page.get_by_role("button", name="Log out").first.click()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Log in")
    ).to_be_visible()


def log_in_with_passkey(page, live_server):
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_role("button", name="Log in with a passkey").click()
    expect(page.get_by_role("heading", name=WELCOME)).to_be_visible()


def test_add_a_passkey_then_log_in_with_it_alone(
    live_server, page, authenticator, csp_reports, artifacts
):
    """A passwordless key, added from the Account page, logs in on its own."""
    user = UserFactory()
    log_in(page, live_server, user.email)
    add_passkey(page, live_server, name="My laptop", passwordless=True, artifacts=artifacts)

    key = Authenticator.objects.get(user=user, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "My laptop"
    assert key.wrap().is_passwordless is True  # kept on the device: it can log in alone
    assert [c["isResidentCredential"] for c in authenticator()] == [True]
    assert [m.subject for m in mail.outbox] == ["A passkey was added to your exback account"]

    open_passkeys(page, live_server)
    expect(page.get_by_role("listitem")).to_contain_text("My laptop")
    expect(page.get_by_role("listitem")).to_contain_text("Passkey: logs you in on its own")
    page.screenshot(path=artifacts / "passkeys-list.png", full_page=True)

    log_out(page)
    page.goto(live_server.url + "/accounts/login/")
    assert voice_problems(page.content()) == []
    expect(page.locator("[data-passkeys-unavailable]")).to_be_hidden()
    page.screenshot(path=artifacts / "passkeys-login.png", full_page=True)
    log_in_with_passkey(page, live_server)
    key.refresh_from_db()
    assert key.last_used_at is not None
    assert not csp_reports


def test_a_passkey_as_second_factor_is_asked_for_after_the_password(
    live_server, page, authenticator, csp_reports, artifacts
):
    """A key added as a second factor is asked for after the password."""
    user = UserFactory()
    log_in(page, live_server, user.email)
    add_passkey(page, live_server, name="Security key", passwordless=False)
    log_out(page)

    page.goto(live_server.url + "/accounts/login/")
    submit_log_in(page, user.email)
    # The password alone is not enough now.
    expect(page.get_by_role("heading", name="Two-factor authentication")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    assert voice_problems(page.content()) == []
    page.screenshot(path=artifacts / "passkeys-second-factor.png", full_page=True)
    page.get_by_role("button", name="Use a passkey or security key").click()
    expect(page.get_by_role("heading", name=WELCOME)).to_be_visible()
    assert not csp_reports


def test_a_passkey_confirms_access_and_can_be_renamed_and_removed(
    live_server, page, authenticator, csp_reports, artifacts
):
    """Logged in with a key alone, the key confirms access; it is renamed, then removed."""
    user = UserFactory()
    log_in(page, live_server, user.email)
    add_passkey(page, live_server, name="Old phone", passwordless=True)
    log_out(page)
    log_in_with_passkey(page, live_server)

    # Logged in with the passkey alone, renaming it asks to confirm access: with the key.
    open_passkeys(page, live_server)
    page.get_by_role("link", name="Rename").click()
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    page.get_by_role("link", name="Use a passkey or security key").click()
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    assert voice_problems(page.content()) == []
    page.screenshot(path=artifacts / "passkeys-confirm-access-with-a-key.png", full_page=True)
    page.get_by_role("button", name="Use a passkey or security key").click()

    expect(page.get_by_role("heading", name="Rename this key")).to_be_visible()
    assert voice_problems(page.content()) == []
    page.get_by_label("Name").fill("New phone")
    page.screenshot(path=artifacts / "passkeys-rename.png", full_page=True)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("listitem")).to_contain_text("New phone")

    page.get_by_role("link", name="Remove").click()
    expect(page.get_by_role("heading", name="Remove this key")).to_be_visible()
    assert voice_problems(page.content()) == []
    page.screenshot(path=artifacts / "passkeys-remove.png", full_page=True)
    page.get_by_role("button", name="Remove").click()
    expect(page.get_by_text("That passkey or security key is removed.")).to_be_visible()
    expect(page.get_by_text("You have not added any yet.")).to_be_visible()
    assert not Authenticator.objects.filter(user=user).exists()  # recovery codes went too
    assert mail.outbox[-1].subject == "A passkey was removed from your exback account"

    # With no key left, the password alone logs in again.
    log_out(page)
    log_in(page, live_server, user.email)
    assert not csp_reports


def test_at_an_ip_address_the_passkey_pages_say_passkeys_cannot_work(live_server, page, artifacts):
    """At an IP address the passkey pages say passkeys cannot work and name the address that does.

    Browsers refuse WebAuthn for an IP address (http://127.0.0.1 is a secure context, yet
    `navigator.credentials.create` throws): the log-in page and the add page say so in words
    beside the button, and name the address that works."""
    user = UserFactory()
    at_ip = live_server.url.replace("localhost", "127.0.0.1")
    assert "127.0.0.1" in at_ip

    page.goto(at_ip + "/accounts/login/")
    note = page.locator("[data-passkeys-unavailable]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Passkeys cannot be used here")
    expect(note).to_contain_text("http://localhost:")
    page.screenshot(path=artifacts / "passkeys-login-at-127.0.0.1.png", full_page=True)

    page.locator("#id_login").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("heading", name=WELCOME)).to_be_visible()
    page.goto(at_ip + "/accounts/2fa/webauthn/")
    expect(page.locator("[data-passkeys-unavailable]")).to_be_visible()
    page.get_by_role("link", name="Add a passkey or security key").click()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Add a passkey or security key")).to_be_visible()
    expect(page.locator("[data-passkeys-unavailable]")).to_be_visible()
    page.screenshot(path=artifacts / "passkeys-add-at-127.0.0.1.png", full_page=True)


def test_without_webauthn_in_the_browser_the_log_in_page_says_so(live_server, page):
    """In a browser without passkeys, the log-in page says this browser does not offer them.

    A browser without WebAuthn (no `window.PublicKeyCredential`), on an address where it
    would work, is told that this browser does not offer passkeys."""
    page.add_init_script("delete window.PublicKeyCredential;")
    page.goto(live_server.url + "/accounts/login/")
    note = page.locator("[data-passkeys-unavailable]")
    expect(note).to_be_visible()
    expect(note).to_contain_text("this browser does not offer them")

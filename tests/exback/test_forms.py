"""Every account page speaks in the site's own voice: allauth's accounts, two-factor,
passkeys and sessions pages, signed out and signed in, with and without authenticators.

Two things are checked on each page. Headings, buttons, labels and the tab title are in
sentence case ("Change your password", not "Change Password"), and no page says "sign in"
or "sign out" where the site says "log in" and "log out" (nor "Sign Up" for "Sign up")."""

import re

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse

from tests.factories import PASSWORD
from tests.helpers.accounts import code_in, current_code, passkey, sign_up
from tests.helpers.voice import voice_problems

pytestmark = pytest.mark.django_db


# The pages. Each builds what it needs and returns the response to check.


def log_in_as(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def with_app_and_codes(user):
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)


def get(client, name, **kwargs):
    response = client.get(reverse(name, kwargs=kwargs or None), follow=True)
    assert response.status_code == 200, (name, response.redirect_chain)
    return response


def signed_out(name):
    return lambda client, user: get(client, name)


def signed_in_page(name, setup=None, *, again=False):
    """Logged in with the password, then given `setup` (an authenticator added before
    logging in would ask for it at log-in)."""

    def page(client, user):
        log_in_as(client, user)
        if setup:
            setup(user)
        if again:
            client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
        return get(client, name)

    return page


def reset_password_from_key(client, user):
    key = default_token_generator.make_token(user)
    return get(client, "account_reset_password_from_key", uidb36=user_pk_to_url_str(user), key=key)


def reset_password_bad_key(client, user):
    return get(client, "account_reset_password_from_key", uidb36="1", key="not-a-key")


def confirm_by_code(client, user):
    sign_up(client)
    return get(client, "account_email_verification_sent")


def two_factor_at_log_in(client, user):
    with_everything(user)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    return get(client, "mfa_authenticate")


def email_with_a_change_pending(client, user):
    EmailAddress.objects.create(user=user, email="next@example.com", verified=False)
    log_in_as(client, user)
    return get(client, "account_email")


def set_password(client, user):
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    return get(client, "account_set_password")


def with_everything(user):
    with_app_and_codes(user)
    passkey(user, "my phone")
    passkey(user, "desk key", passwordless=False)


def one_key(name):
    def page(client, user):
        log_in_as(client, user)
        key = passkey(user, "my phone")
        client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
        return get(client, name, pk=key.pk)

    return page


def sessions_with_another(client, user):
    log_in_as(client.__class__(), user)  # a second session elsewhere
    log_in_as(client, user)
    return get(client, "usersessions_list")


def login_by_code_template(name, context):
    """Logging in by a code is not turned on (ACCOUNT_LOGIN_BY_CODE_ENABLED), so no URL
    reaches these two pages; render them as allauth would, in case it is turned on."""

    def page(user, rf):
        from allauth.account.forms import ConfirmLoginCodeForm, RequestLoginCodeForm

        request = rf.get("/accounts/login/code/")
        request.user = user.__class__()  # signed out
        request.session = {}
        form = ConfirmLoginCodeForm(code="123456") if "confirm" in name else RequestLoginCodeForm()
        return render_to_string(name, {"form": form, **context}, request=request)

    return page


PAGES = {
    # Signed out.
    "log in": signed_out("account_login"),
    "sign up": signed_out("account_signup"),
    "reset password": signed_out("account_reset_password"),
    "reset password sent": signed_out("account_reset_password_done"),
    "reset password from key": reset_password_from_key,
    "reset password, bad key": reset_password_bad_key,
    "reset password done": signed_out("account_reset_password_from_key_done"),
    "inactive account": signed_out("account_inactive"),
    "confirm address by code": confirm_by_code,
    "two-factor at log-in": two_factor_at_log_in,
    # Signed in.
    "log out": signed_in_page("account_logout"),
    "email": signed_in_page("account_email"),
    "email with a change pending": email_with_a_change_pending,
    "change password": signed_in_page("account_change_password"),
    "set password": set_password,
    "reauthenticate": signed_in_page("account_reauthenticate"),
    "reauthenticate, all kinds": signed_in_page("account_reauthenticate", with_everything),
    "reauthenticate with a code": signed_in_page("mfa_reauthenticate", with_everything),
    "reauthenticate with a key": signed_in_page("mfa_reauthenticate_webauthn", with_everything),
    "two-factor, none yet": signed_in_page("mfa_index"),
    "two-factor, all kinds": signed_in_page("mfa_index", with_everything),
    "activate authenticator app": signed_in_page("mfa_activate_totp", again=True),
    "deactivate authenticator app": signed_in_page(
        "mfa_deactivate_totp", with_app_and_codes, again=True
    ),
    "recovery codes": signed_in_page("mfa_view_recovery_codes", with_app_and_codes, again=True),
    "new recovery codes": signed_in_page(
        "mfa_generate_recovery_codes", with_app_and_codes, again=True
    ),
    "passkeys, none yet": signed_in_page("mfa_list_webauthn"),
    "passkeys, two": signed_in_page("mfa_list_webauthn", with_everything),
    "add a passkey": signed_in_page("mfa_add_webauthn", again=True),
    "rename a passkey": one_key("mfa_edit_webauthn"),
    "remove a passkey": one_key("mfa_remove_webauthn"),
    "sessions": signed_in_page("usersessions_list"),
    "sessions, two": sessions_with_another,
}

TEMPLATES = {
    "request a log-in code": login_by_code_template(
        "account/request_login_code.html", {"request_login_code_url": "/", "login_url": "/"}
    ),
    "confirm a log-in code": login_by_code_template(
        "account/confirm_login_code.html", {"email": "person@example.com", "can_resend": True}
    ),
}


@pytest.mark.parametrize("visit", PAGES.values(), ids=PAGES.keys())
def test_every_account_page_reads_in_the_sites_voice(visit, client, user):
    """Headings, buttons, labels and the title in sentence case, and "log in" wording."""
    response = visit(client, user)
    assert voice_problems(response.content.decode()) == []


@pytest.mark.parametrize("render", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_the_log_in_by_code_pages_read_in_the_sites_voice(render, user, rf):
    """The two pages of logging in by a code, should it be turned on, read the same way."""
    assert voice_problems(render(user, rf)) == []


def test_the_check_catches_title_case_and_sign_in():
    """The check itself: allauth's own words fail it, the site's pass."""
    assert voice_problems("<h1>Enter Email Verification Code</h1>")
    assert voice_problems('<button type="submit">Sign In</button>')
    assert voice_problems('<a class="btn btn-primary" href="/">Add Security Key</a>')
    assert voice_problems("<label>Remember Me</label>")
    assert voice_problems("<title>Change Password · exback</title>")
    assert voice_problems("<p>Please sign in again.</p>")
    assert voice_problems("<h1>Log in</h1><p>Not yet? <a href='/'>Sign up</a>.</p>") == []
    assert (
        voice_problems("<h2>Recovery codes: what I need</h2><title>Log in · exback</title>") == []
    )
    # A capital after a colon starts a new sentence.
    assert voice_problems("<label>Passkey: Second factor</label>") == []
    assert voice_problems("<label>Passkey: second Factor</label>")


# One success box where allauth stacked two.


def success_boxes(response):
    return re.findall(r'<div class="alert alert-success">(.*?)</div>', response.content.decode())


def test_confirming_the_address_after_sign_up_shows_one_success_box(client):
    """Typing the code logs the person in too: "confirmed" is said, "logged in" is not."""
    sign_up(client)
    response = client.post(
        reverse("account_email_verification_sent"),
        {"code": code_in(mail.outbox[0])},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("dashboard")
    assert success_boxes(response) == ["Thank you: new@example.com is confirmed."]


def test_logging_in_says_so_in_the_sites_words(client, user):
    """Logging in shows one box saying who you are logged in as.

    A plain log-in still says who is logged in (the second message only goes after a
    confirmation)."""
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True
    )
    assert success_boxes(response) == [f"You are logged in as {user.email}."]


def test_the_first_second_factor_and_its_recovery_codes_show_one_success_box(
    transactional_db, client, user
):
    """Turning on an authenticator app shows one success box, not a second about new codes.

    Turning on an authenticator app also makes recovery codes (shown on the next page):
    "your app is on" is said once, without "new codes, the old ones no longer work"."""
    log_in_as(client, user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    # allauth says "codes generated" once the transaction commits: a transactional test.
    response = client.post(
        reverse("mfa_activate_totp"), {"code": current_code(secret)}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("mfa_view_recovery_codes")
    assert success_boxes(response) == ["Your authenticator app is on."]


def test_new_recovery_codes_asked_for_say_the_old_ones_stop_working(transactional_db, client, user):
    """Making new codes on purpose still says so."""
    log_in_as(client, user)
    with_app_and_codes(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.post(reverse("mfa_generate_recovery_codes"), follow=True)
    assert "Your new recovery codes are ready; the old ones no longer work." in success_boxes(
        response
    )

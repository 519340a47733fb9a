"""The account forms speak in the site's voice, hint at a good password and take passkeys."""

import json
import re
from unittest import mock

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import get_hasher
from django.core import mail
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from tests.factories import PASSWORD
from tests.helpers.accounts import (
    NEW_PASSWORD,
    log_in_as,
    passkey,
    reauthenticate_url,
    sign_up,
    with_app_and_codes,
)
from tests.helpers.voice import voice_problems

# Every account page in the site's own voice -----------------------------------------------------
# allauth's accounts, two-factor, passkeys and sessions pages, signed out and signed in,
# with and without authenticators. Two things are checked on each page. Headings, buttons,
# labels and the tab title are in sentence case ("Change your password", not "Change
# Password"), and no page says "sign in" or "sign out" where the site says "log in" and "log
# out" (nor "Sign Up" for "Sign up").

# The pages. Each builds what it needs and returns the response to check.


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


@pytest.mark.django_db
@pytest.mark.parametrize("visit", PAGES.values(), ids=PAGES.keys())
def test_every_account_page_reads_in_the_sites_voice(visit, client, user):
    """Headings, buttons, labels and the title in sentence case, and "log in" wording."""
    response = visit(client, user)
    assert voice_problems(response.content.decode()) == []


@pytest.mark.django_db
@pytest.mark.parametrize("render", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_the_log_in_by_code_pages_read_in_the_sites_voice(render, user, rf):
    """The two pages of logging in by a code, should it be turned on, read the same way."""
    assert voice_problems(render(user, rf)) == []


@pytest.mark.django_db
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


# Passkeys ---------------------------------------------------------------------------------------
# allauth's WebAuthn: turned on, linked from the Account page, and their pages render in
# the site's layout with no inline script. The ceremonies themselves need a browser and an
# authenticator: tests/browser/test_passkeys.py.

SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)


def inline_scripts(html):
    """<script> tags the Content-Security-Policy would block: neither loaded from a file
    (`src`) nor a JSON data block, which the browser never runs."""
    return [
        attrs
        for attrs in SCRIPT.findall(html)
        if "src=" not in attrs and 'type="application/json"' not in attrs
    ]


def test_passkeys_are_on_for_second_factor_and_sign_in():
    """A person can use a passkey to sign in or as a second factor, on HTTPS or localhost only."""
    assert "webauthn" in settings.MFA_SUPPORTED_TYPES
    assert mfa_settings.PASSKEY_LOGIN_ENABLED
    # Browsers allow WebAuthn on HTTPS and on localhost only; no exception is made for tests.
    assert not mfa_settings.WEBAUTHN_ALLOW_INSECURE_ORIGIN
    assert reverse("mfa_login_webauthn") == "/accounts/2fa/webauthn/login/"


@pytest.mark.django_db
def test_the_account_page_links_to_passkeys(client_logged_in):
    """The account page links to Passkeys."""
    page = client_logged_in.get(reverse("account")).content.decode()
    assert f'href="{reverse("mfa_list_webauthn")}">Passkeys' in page


@pytest.mark.django_db
def test_passkey_pages_render_for_a_signed_in_person(client, user, password):
    """Passkey pages open in the site's layout, and adding one asks for the password again first."""
    client.post(reverse("account_login"), {"login": user.email, "password": password})

    for name in ["mfa_index", "mfa_list_webauthn"]:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        page = response.content.decode()
        assert '<main id="main"' in page, name  # the site's layout
        assert not inline_scripts(page), name
    assert "Passkeys and security keys" in client.get(reverse("mfa_index")).content.decode()

    # Adding a passkey asks for the password again first, even straight after logging in.
    add = reverse("mfa_add_webauthn")
    response = client.get(add)
    assert response.status_code == 302
    assert response["Location"] == reauthenticate_url(add)
    client.post(response["Location"], {"password": password})
    response = client.get(add)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<main id="main"' in page
    assert 'name="passwordless"' in page  # a passkey that signs in without the password
    assert '<script src="/static/mfa/js/webauthn.js">' in page
    assert not inline_scripts(page)
    options = json.loads(re.search(r'id="js_data" type="application/json">(.*?)<', page)[1])
    assert options["creation_options"]["publicKey"]["rp"]["id"] == "testserver"


@pytest.mark.django_db
def test_the_log_in_page_offers_a_passkey(client):
    """The log-in page offers a passkey button that works for any visitor."""
    response = client.get(reverse("account_login"))
    page = response.content.decode()
    assert 'id="passkey_login"' in page
    assert f'<form id="mfa_login" action="{reverse("mfa_login_webauthn")}"' in page
    assert not inline_scripts(page)
    # The button's script asks for a challenge; any visitor may, as the page is public.
    response = client.get(reverse("mfa_login_webauthn"), headers={"accept": "application/json"})
    assert response.status_code == 200
    assert response.json()["request_options"]["publicKey"]["userVerification"] == "required"


@pytest.mark.django_db
def test_the_list_shows_ones_own_keys_and_what_each_can_do(client_logged_in, user, other_user):
    """The passkey list shows only your keys, what each can do, and links to rename or remove."""
    mine = passkey(user, "My phone")
    passkey(user, "Desk key", passwordless=False)
    passkey(other_user, "Their laptop")

    page = client_logged_in.get(reverse("mfa_list_webauthn")).content.decode()
    assert "My phone" in page and "Desk key" in page
    assert "Their laptop" not in page
    assert "Passkey: logs you in on its own" in page and "Second factor only" in page
    assert f'href="{reverse("mfa_edit_webauthn", kwargs={"pk": mine.pk})}"' in page
    assert f'href="{reverse("mfa_remove_webauthn", kwargs={"pk": mine.pk})}"' in page


@pytest.mark.django_db
def test_another_persons_key_cannot_be_renamed_or_removed(client_logged_in, password, other_user):
    """Another person's passkey can be neither renamed nor removed: a 404, and it stays."""

    theirs = passkey(other_user, "Their laptop")
    client_logged_in.post(reverse("account_reauthenticate"), {"password": password})

    for name in ["mfa_edit_webauthn", "mfa_remove_webauthn"]:
        url = reverse(name, kwargs={"pk": theirs.pk})
        assert client_logged_in.get(url).status_code == 404, name
        assert client_logged_in.post(url, {"name": "Mine now"}).status_code == 404, name
    theirs.refresh_from_db()
    assert theirs.wrap().name == "Their laptop"
    assert Authenticator.objects.filter(pk=theirs.pk).exists()


@pytest.mark.django_db
def test_rename_and_remove_pages_render_for_ones_own_key(client_logged_in, user, password):
    """The rename and remove pages open for your own passkey, in the site's layout."""
    mine = passkey(user, "My phone")
    client_logged_in.post(reverse("account_reauthenticate"), {"password": password})

    for name in ["mfa_edit_webauthn", "mfa_remove_webauthn"]:
        response = client_logged_in.get(reverse(name, kwargs={"pk": mine.pk}))
        assert response.status_code == 200, name
        assert '<main id="main"' in response.content.decode(), name


@pytest.mark.django_db
def test_every_passkey_button_has_words_for_when_passkeys_cannot_work(client, user, password):
    """Where passkeys cannot work, each passkey button has a note that says so.

    Beside each passkey button, a hidden note that static/js/passkeys-available.js shows
    where WebAuthn is missing or refused (an IP address such as 127.0.0.1): a file, not an
    inline script, which the CSP would block."""
    note = "data-passkeys-unavailable hidden>Passkeys cannot be used here"
    script = '<script src="/static/js/passkeys-available.js" defer></script>'
    page = client.get(reverse("account_login")).content.decode()
    assert note in page and script in page

    client.post(reverse("account_login"), {"login": user.email, "password": password})
    passkey(user, "my phone")
    client.post(reverse("account_reauthenticate"), {"password": password})
    for name in ["mfa_list_webauthn", "mfa_add_webauthn", "mfa_reauthenticate_webauthn"]:
        page = client.get(reverse(name)).content.decode()
        assert note in page and script in page, name
        assert not inline_scripts(page), name


# Sign-up takes the same work for any address ----------------------------------------------------
User = get_user_model()


def hashes_of(password, sign_up_as):
    """How many times the password hasher ran over `password` while signing up."""
    hasher = type(get_hasher())
    with mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode) as spy:
        response = sign_up_as()
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    return sum(1 for call in spy.call_args_list if call.args[1] == password)


@pytest.mark.django_db
def test_sign_up_hashes_the_password_for_a_new_and_for_a_registered_address(client, user):
    """Signing up with a taken address takes as long as a new one, and only emails its owner."""
    new = hashes_of(NEW_PASSWORD, lambda: sign_up(Client(), email="new@example.com"))
    registered = hashes_of(NEW_PASSWORD, lambda: sign_up(Client(), email=user.email))
    assert new == registered == 1
    # Still nothing created for the registered address: its owner is emailed instead.
    assert User.objects.filter(email=user.email).count() == 1
    assert mail.outbox[-1].to == [user.email]


# The country on the account page ----------------------------------------------------------------
# The country the Safety page's helplines follow, chosen on the account page.


@pytest.mark.django_db
def test_a_person_saves_their_country_on_the_account_page(client, user):
    """A country saved on the account page is the one the Safety page then shows."""
    client.force_login(user)
    response = client.post(reverse("account"), {"time_zone": "", "country": "NZ"}, follow=True)
    assert "Your settings are saved." in response.content.decode()
    user.refresh_from_db()
    assert user.country == "NZ"
    html = client.get(reverse("safety:index")).content.decode()
    assert '<option value="NZ" selected>New Zealand</option>' in html


@pytest.mark.django_db
def test_a_country_without_helplines_is_refused_next_to_the_field(client, user):
    """An unlisted country on the account page is refused at the field, and nothing is saved."""
    client.force_login(user)
    response = client.post(
        reverse("account"), {"time_zone": "Europe/Paris", "country": "XX", "discreet": "on"}
    )
    assert "Choose a country from the list" in response.content.decode()
    user.refresh_from_db()
    assert (user.country, user.time_zone, user.discreet) == ("", "", False)

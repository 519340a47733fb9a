"""Passkeys (allauth's WebAuthn): turned on, linked from the Account page, and their pages render
in the site's layout with no inline script. The ceremonies themselves need a browser and an
authenticator: tests/browser/test_passkeys.py."""

import json
import re

import pytest
from allauth.mfa import app_settings as mfa_settings
from django.conf import settings
from django.urls import reverse

from tests.helpers.accounts import passkey, reauthenticate_url

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
    from allauth.mfa.models import Authenticator

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

"""Accounts in tests: signing up and in, codes, passkeys, and a person's signed-in sessions."""

import re
from urllib.parse import urlencode

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.urls import reverse

from tests.factories import PASSWORD

NEW_PASSWORD = "another-quite-long-passphrase"


def code_in(message):
    """The six-digit code of a confirmation email (ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED)."""
    return re.search(r"^\s+(\d{6})$", message.body, re.MULTILINE).group(1)


def sign_up(client, email="new@example.com", password1=NEW_PASSWORD, password2=None):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": password1, "password2": password2 or password1},
    )


def reauthenticate_url(next_url):
    return reverse("account_reauthenticate") + "?" + urlencode({"next": next_url})


def current_code(secret):
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def with_totp(user):
    """Turn on an authenticator app for `user`; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def log_in(client, user, password=PASSWORD, **extra):
    return client.post(
        reverse("account_login"), {"login": user.email, "password": password}, **extra
    )


def log_in_as(client, user):
    """Log in through the log-in page (it must work); returns the client, signed in."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return client


def with_app_and_codes(user):
    """Turn on an authenticator app for `user`, with its recovery codes."""
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)


def signed_in(client):
    return client.get(reverse("dashboard")).status_code == 200


def passkey(user, name, *, passwordless=True):
    """A stored key as allauth keeps it: a registration that parses (a fresh P-256 public key,
    no attestation), so that the log-in and confirm pages can ask for it; not a credential
    anyone holds the private key of (the ceremonies are the browser tests')."""
    import hashlib
    import os

    from allauth.mfa.models import Authenticator
    from cryptography.hazmat.primitives.asymmetric import ec
    from fido2.cose import ES256
    from fido2.webauthn import (
        Aaguid,
        AttestationObject,
        AttestedCredentialData,
        AuthenticatorAttestationResponse,
        AuthenticatorData,
        CollectedClientData,
        RegistrationResponse,
    )

    credential_id = os.urandom(16)
    public_key = ES256.from_cryptography_key(ec.generate_private_key(ec.SECP256R1()).public_key())
    data = AuthenticatorData.create(
        hashlib.sha256(b"testserver").digest(),
        AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.AT,
        0,
        AttestedCredentialData.create(Aaguid.NONE, credential_id, public_key),
    )
    client_data = CollectedClientData.create(
        type="webauthn.create", challenge=os.urandom(16), origin="http://testserver"
    )
    registration = RegistrationResponse(
        raw_id=credential_id,
        response=AuthenticatorAttestationResponse(
            client_data=client_data,
            attestation_object=AttestationObject.create("none", data, {}),
        ),
        client_extension_results={"credProps": {"rk": passwordless}},
    )
    return Authenticator.objects.create(
        user=user,
        type=Authenticator.Type.WEBAUTHN,
        data={"name": name, "credential": dict(registration)},
    )


def sessions_of(user) -> tuple[int, int]:
    """The person's rows in django_session and in allauth's usersessions."""
    mine = [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    return len(mine), UserSession.objects.filter(user=user).count()

"""Private pages need a verified sign-in, and every response carries the security headers."""

import datetime as dt

import pytest
from allauth.usersessions.models import UserSession
from django.urls import reverse

from tests.clock import NOON, frozen
from tests.factories import UserFactory
from tests.helpers.accounts import log_in

pytestmark = pytest.mark.django_db


# Deny by default, and a verified address --------------------------------------------------------


@pytest.mark.parametrize("name", ["dashboard", "account", "progress:index", "journal:index"])
def test_unverified_session_is_kept_out_of_private_pages(client, name):
    """Even a session made some other way never shows an unverified account a private page."""
    client.force_login(UserFactory(verified=False))
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")


@pytest.mark.parametrize("name", ["dashboard", "account", "progress:index", "journal:index"])
def test_visitor_is_sent_to_log_in(client, name):
    """A visitor who opens a private page is sent to the log-in page, which leads back there."""
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


# Each session's last activity -------------------------------------------------------------------


@frozen
def test_activity_is_noted_at_most_every_five_minutes(client, user, time_machine):
    """A session's 'last seen' time moves on at most every five minutes."""
    log_in(client, user)
    session = UserSession.objects.get(user=user)
    assert session.last_seen_at == NOON
    time_machine.shift(60)
    client.get(reverse("dashboard"))
    session.refresh_from_db()
    assert session.last_seen_at == NOON
    time_machine.shift(5 * 60)
    client.get(reverse("dashboard"))
    session.refresh_from_db()
    assert session.last_seen_at == NOON + dt.timedelta(minutes=6)


# Security headers -------------------------------------------------------------------------------


def test_security_headers(client):
    """Pages let the browser run only the site's own scripts and styles, and never in a frame."""
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


POWERFUL_FEATURES_OFF = ["camera", "microphone", "geolocation", "payment", "usb", "serial"]


def permissions(response) -> dict[str, str]:
    """The Permissions-Policy header as {feature: allowlist}."""
    items = [item.strip().split("=", 1) for item in response["Permissions-Policy"].split(",")]
    return dict(items)


@pytest.mark.parametrize(
    "url",
    [
        "/",  # a public page
        "/dashboard/",  # a signed-in page
        "/static/css/site.css",  # a static file, served by WhiteNoise
        "/healthz",  # plain text
        "/no-such-page/",  # the 404 page
        "/journal/?q=a%00b",  # the 400 page
    ],
)
def test_every_response_turns_powerful_features_off_and_keeps_to_its_origin(client_logged_in, url):
    """No page can use your camera, microphone or location; only this site may ask for a passkey.

    Permissions-Policy turns off the camera, microphone, location, payment, USB and the rest,
    keeping WebAuthn (passkeys) for our own origin; Cross-Origin-Resource-Policy keeps every
    response to this origin."""
    response = client_logged_in.get(url)
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    policy = permissions(response)
    for feature in POWERFUL_FEATURES_OFF:
        assert policy[feature] == "()"
    assert policy["publickey-credentials-get"] == "(self)"
    assert policy["publickey-credentials-create"] == "(self)"
    assert [allowed for allowed in policy.values() if allowed != "()"] == ["(self)", "(self)"]


def test_the_server_error_page_has_the_policy_headers_too(client, monkeypatch):
    """Something fails inside a view: the 500 page carries the same headers."""
    from vault import health

    def broken(**kwargs):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(health, "status", broken)
    client.raise_request_exception = False
    response = client.get(reverse("healthz"))
    assert response.status_code == 500
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert permissions(response)["camera"] == "()"

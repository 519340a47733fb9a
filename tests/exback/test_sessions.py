"""The Sessions page names each signed-in browser, and a security change ends the others."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from tests.clock import frozen
from tests.factories import PASSWORD
from tests.helpers.accounts import NEW_PASSWORD, current_code, log_in, reauthenticate_url, signed_in

pytestmark = pytest.mark.django_db


# Signed-in sessions; other sessions end after a password or two-factor change.


CHROME_ON_LINUX = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
SAFARI_ON_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def test_the_sessions_page_names_each_session_as_a_person_would(user):
    """ "Chrome on Linux, this device" and "Safari on iPhone", not the raw User-Agent."""
    client = Client(headers={"user-agent": CHROME_ON_LINUX})
    log_in(client, user)
    log_in(Client(headers={"user-agent": SAFARI_ON_IPHONE}), user)
    response = client.get(reverse("usersessions_list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert '<main id="main"' in page
    assert "<strong>Chrome on Linux, this device</strong>" in page
    assert "<strong>Safari on iPhone</strong>" in page
    assert "Mozilla/5.0" not in page
    assert "last seen" in page


@pytest.mark.parametrize(
    ("user_agent", "name"),
    [
        (CHROME_ON_LINUX, "Chrome on Linux"),
        (SAFARI_ON_IPHONE, "Safari on iPhone"),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Firefox on Windows",
        ),
        (
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like "
            "Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
            "Edge on macOS",
        ),
        (
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            "Chrome/131.0.0.0 Mobile Safari/537.36",
            "Chrome on Android",
        ),
        (
            "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) "
            "SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
            "Samsung Internet on Android",
        ),
        (
            "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
            "Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
            "Chrome on iPad",
        ),
        ("Firefox on the kitchen laptop", "An unknown browser"),
        ("", "An unknown browser"),
    ],
)
def test_a_browser_is_named_from_its_user_agent(user_agent, name):
    """Each session's browser is named as a person would say it, such as Firefox on Windows.

    Real User-Agent strings, parsed by ua-parser; what it cannot read is "An unknown
    browser"."""
    from exback.sessions import browser_name

    assert browser_name(user_agent) == name


def test_a_session_without_a_browser_it_knows_reads_an_unknown_browser(user):
    """The page names it so, and never prints what the browser sent in its place."""
    client = Client(headers={"user-agent": "Firefox on the kitchen laptop"})
    log_in(client, user)
    page = client.get(reverse("usersessions_list")).content.decode()
    assert "<strong>An unknown browser, this device</strong>" in page
    assert "kitchen laptop" not in page


def test_the_account_page_links_to_the_sessions_page(client_logged_in):
    """The account page links to the list of signed-in sessions."""
    page = client_logged_in.get(reverse("account")).content.decode()
    assert f'href="{reverse("usersessions_list")}"' in page


def test_signing_out_all_other_sessions(client, user):
    """Signing out all other sessions keeps you signed in here and ends every other one."""
    others = [Client(), Client()]
    for browser in [client, *others]:
        log_in(browser, user)
    response = client.post(reverse("usersessions_list"))
    assert response.status_code == 302
    assert signed_in(client)
    assert not any(signed_in(browser) for browser in others)
    assert UserSession.objects.filter(user=user).count() == 1


def test_signing_out_one_other_session(client, user):
    """Ending one other session signs out that device only, leaving the rest signed in."""
    phone, laptop = Client(headers={"user-agent": "phone"}), Client()
    log_in(client, user)
    log_in(phone, user)
    log_in(laptop, user)
    session = UserSession.objects.get(user=user, user_agent="phone")
    response = client.post(reverse("account_session_end", args=[session.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("usersessions_list")
    assert not signed_in(phone)
    assert signed_in(laptop)
    assert signed_in(client)


def test_someone_elses_session_or_ones_own_cannot_be_ended_that_way(client, user, other_user):
    """Ending someone else's session, or your current one, that way gets a 404 and ends nothing."""
    log_in(client, user)
    stranger = Client()
    log_in(stranger, other_user)
    theirs = UserSession.objects.get(user=other_user)
    mine = UserSession.objects.get(user=user)
    assert client.post(reverse("account_session_end", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("account_session_end", args=[mine.pk])).status_code == 404
    assert signed_in(stranger)
    assert signed_in(client)


def test_a_password_change_signs_out_every_other_session(client, user):
    """Changing your password signs out every other device, but not the one you changed it on."""
    other = Client()
    log_in(client, user)
    log_in(other, user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert signed_in(client)
    assert not signed_in(other)
    assert UserSession.objects.filter(user=user).count() == 1


# Committed for real: allauth sends its "authenticator added" signal once the transaction
# commits, which a test inside a rolled-back transaction never does.
@frozen
def test_turning_on_an_authenticator_signs_out_every_other_session(transactional_db, client, user):
    """Turning on an authenticator app signs out every other device, but not this one."""
    other = Client()
    log_in(client, user)
    log_in(other, user)
    client.post(reauthenticate_url(reverse("mfa_activate_totp")), {"password": PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    assert signed_in(client)
    assert not signed_in(other)

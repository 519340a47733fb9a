"""Account security: the admin behind the site's log-in and two-factor, a lockout per account
whatever the Host, sign-up that takes the same work for any address, passwords that are long
and hard to guess, signed-in sessions, change notifications, and email changes with
two-factor on."""

import datetime as dt
from unittest import mock
from urllib.parse import urlencode

import pytest
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import get_hasher
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core import mail
from django.test import Client
from django.urls import reverse

from exback.passwords import HELP_TEXT
from tests.clock import NOON, frozen
from tests.factories import PASSWORD, UserFactory
from tests.helpers.accounts import (
    NEW_PASSWORD,
    code_in,
    current_code,
    log_in,
    reauthenticate_url,
    sign_up,
    signed_in,
    with_totp,
)

User = get_user_model()
pytestmark = pytest.mark.django_db

WRONG = "not-the-right-passphrase"
REFUSED = "Too many failed login attempts"


def log_in_with_code(client, user, secret):
    """Log in through the site as a person with an authenticator: password, then code."""
    response = log_in(client, user)
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    return response


# 1. The admin signs in through the site, and opens only with two-factor.


def test_posting_a_password_to_the_admin_login_signs_no_one_in(client):
    """A password posted to the admin's log-in signs no one in; it leads to the site's log-in."""
    staff = UserFactory(is_staff=True, is_superuser=True)
    with_totp(staff)
    response = client.post(reverse("admin:login"), {"username": staff.email, "password": PASSWORD})
    # Sent to the site's log-in instead, where rate limits and two-factor apply.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


@frozen
def test_staff_with_an_authenticator_log_in_through_the_site_with_a_code_and_open_the_admin(
    client,
):
    """Staff reach the admin only after the site's log-in and a code from their authenticator."""
    staff = UserFactory(is_staff=True, is_superuser=True)
    secret = with_totp(staff)
    response = client.get(reverse("admin:index"), follow=True)
    login_url = reverse("account_login") + "?" + urlencode({"next": reverse("admin:index")})
    assert response.redirect_chain[-1][0] == login_url

    response = client.post(login_url, {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("admin:index")).status_code == 302  # not without the code
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response["Location"] == reverse("admin:index")
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Site administration" in response.content.decode()


def test_signed_in_staff_with_an_authenticator_pass_the_admin_login_straight_to_the_admin(
    client,
):
    """Signed-in staff with an authenticator who open the admin log-in go straight to the admin."""
    staff = UserFactory(is_staff=True)
    with_totp(staff)
    client.force_login(staff)
    response = client.get(reverse("admin:login"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


def test_staff_without_an_authenticator_are_told_how_to_set_one_up(client):
    """Staff without an authenticator are refused the admin and shown how to set one up."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:index"), follow=True)
    assert response.status_code == 403
    page = response.content.decode()
    assert "The admin needs two-factor authentication" in page
    assert reverse("mfa_activate_totp") in page
    assert '<main id="main"' in page  # the site's layout, not the admin's log-in form
    assert 'name="password"' not in page


def test_someone_without_staff_rights_is_refused_the_admin(client_logged_in, user):
    """A signed-in person without staff rights cannot open the admin."""
    with_totp(user)
    assert client_logged_in.get(reverse("admin:index")).status_code == 302
    assert client_logged_in.get(reverse("admin:login")).status_code == 403


# 2. The lockout counts per account, whatever the Host, port or letter case.


def test_the_sixth_try_is_refused_whatever_host_or_case_each_try_carried(client, user):
    """After five wrong passwords the account is locked, however the host or email was written."""
    hosts = ["127.0.0.1:1", "localhost:8000", "LOCALHOST", "testserver", "Localhost:9"]
    for attempt, host in enumerate(hosts, 1):
        login = user.email.upper() if attempt % 2 else user.email
        response = client.post(
            reverse("account_login"), {"login": login, "password": WRONG}, HTTP_HOST=host
        )
        assert response.status_code == 200
        assert "are not correct" in response.content.decode(), f"try {attempt} via {host}"

    # Locked: the right password is refused too, through yet another Host.
    response = log_in(client, user, HTTP_HOST="127.0.0.1:2")
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not signed_in(client)


def test_a_host_not_allowed_never_reaches_the_login(client, user):
    """Tries through a host the site does not serve are refused and use none of a person's tries."""
    for _ in range(10):
        response = log_in(client, user, password=WRONG, HTTP_HOST="evil.example")
        assert response.status_code == 400
    # None of those counted: the account still has its five tries, and the right password works.
    for _ in range(4):
        assert "are not correct" in log_in(client, user, password=WRONG).content.decode()
    assert log_in(client, user)["Location"] == reverse("dashboard")


# 3. Sign-up does the same work for a new address and a registered one.


def hashes_of(password, sign_up_as):
    """How many times the password hasher ran over `password` while signing up."""
    hasher = type(get_hasher())
    with mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode) as spy:
        response = sign_up_as()
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    return sum(1 for call in spy.call_args_list if call.args[1] == password)


def test_sign_up_hashes_the_password_for_a_new_and_for_a_registered_address(client, user):
    """Signing up with a taken address takes as long as a new one, and only emails its owner."""
    new = hashes_of(NEW_PASSWORD, lambda: sign_up(Client(), email="new@example.com"))
    registered = hashes_of(NEW_PASSWORD, lambda: sign_up(Client(), email=user.email))
    assert new == registered == 1
    # Still nothing created for the registered address: its owner is emailed instead.
    assert User.objects.filter(email=user.email).count() == 1
    assert mail.outbox[-1].to == [user.email]


# 4. Passwords: at least 12 characters, and not common, blank or guessable.


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        (" " * 8, "can't be only spaces"),
        (" " * 16, "can't be only spaces"),
        ("exback123", "at least 12 characters"),
        ("exback-exback-exback", "too guessable"),
        ("passwordpassword", "too guessable"),
        ("Jordan2024", "too guessable"),
        ("missyou!", "too guessable"),
    ],
)
def test_weak_passwords_are_refused_at_sign_up(client, password, reason):
    """Sign-up refuses a short, blank or guessable password and says why."""
    response = sign_up(client, password1=password)
    assert response.status_code == 200
    assert reason in " ".join(response.context["form"].errors["password1"])
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "password",
    [
        "sunlight over the quiet harbour",
        # Longer than zxcvbn scores (72 characters): welcome, judged by its beginning.
        "the kettle sings while rain taps the window and the cat dreams of the sea, twice",
    ],
)
def test_a_long_passphrase_is_accepted(client, password):
    """A long passphrase of ordinary words is accepted at sign-up, even past 72 characters."""
    response = sign_up(client, email="phrase@example.com", password1=password)
    assert response.status_code == 302
    assert User.objects.get(email="phrase@example.com").check_password(password)


def test_the_test_passwords_pass_the_validators():
    """The passwords the tests sign up with pass the same rules a person's password must."""
    validate_password(PASSWORD)
    validate_password(NEW_PASSWORD)


def test_each_rule_has_help_text_for_djangos_own_forms():
    """The admin's add-user form lists every validator's help; our pages show HELP_TEXT."""
    help_texts = " ".join(password_validators_help_texts())
    assert "at least 12 characters" in help_texts
    assert "can't be only spaces" in help_texts
    assert "too easy to guess" in help_texts


def test_sign_up_and_password_change_say_what_a_password_needs(client, user):
    """A plain hint under the field, in the HTML: no JavaScript needed."""
    hint = f'<div id="id_password1_helptext" class="form-text">{HELP_TEXT}</div>'
    for url in [reverse("account_signup"), reverse("account_change_password")]:
        page = client.get(url).content.decode()
        assert hint in page, url
        assert 'aria-describedby="id_password1_helptext"' in page, url
        client.force_login(user)


def test_a_weak_new_password_is_refused_on_password_change(client_logged_in, user):
    """A guessable new password is refused on password change, and the old one still works."""
    response = client_logged_in.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": "passwordpassword", "password2": "passwordpassword"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


# 5. Signed-in sessions; other sessions end after a password or two-factor change.


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


def test_a_password_change_tells_the_address(client, user):
    """Changing your password sends an email saying it was changed."""
    log_in(client, user)
    client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert mail.outbox[0].subject == "Your exback password was changed"


def change_email(client, new_email, reauthenticate):
    """Ask for `new_email`, confirm who you are with `reauthenticate(url)`, type the code."""
    response = client.post(reverse("account_email"), {"action_add": "", "email": new_email})
    assert response["Location"] == reauthenticate_url(reverse("account_email"))
    response = reauthenticate(response["Location"])
    assert response.status_code == 302
    to_new = [m for m in mail.outbox if m.to == [new_email]]
    assert len(to_new) == 1
    response = client.post(reverse("account_email_verification_sent"), {"code": code_in(to_new[0])})
    assert response.status_code == 302


def test_an_email_change_tells_the_old_address(client, user):
    """Changing your email address tells the old address, naming the new one."""
    old = user.email
    log_in(client, user)
    change_email(client, "moved@example.com", lambda url: client.post(url, {"password": PASSWORD}))
    user.refresh_from_db()
    assert user.email == "moved@example.com"
    told = [m for m in mail.outbox if m.to == [old]]
    assert len(told) == 1
    assert told[0].subject == "Your exback email address was changed"
    assert "moved@example.com" in told[0].body


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


# 7. Changing email with two-factor on.


@frozen
def test_with_two_factor_on_an_address_changes_after_a_code(client, user, time_machine):
    """With two-factor on, a person changes their email address after an authenticator code."""
    secret = with_totp(user)
    log_in_with_code(client, user, secret)
    time_machine.shift(30)  # a code serves once: the next one

    def with_a_code(url):
        # The password page offers the authenticator too; its form takes the next URL along.
        assert client.get(url).status_code == 200
        next_url = url.split("?", 1)[1]
        return client.post(
            reverse("mfa_reauthenticate") + "?" + next_url, {"code": current_code(secret)}
        )

    change_email(client, "moved@example.com", with_a_code)
    user.refresh_from_db()
    assert user.email == "moved@example.com"


@frozen
def test_with_two_factor_on_the_email_page_says_how_a_change_works(client, user):
    """With two-factor on, the email page says a change asks for the password or an app's code."""
    secret = with_totp(user)
    log_in_with_code(client, user, secret)
    page = client.get(reverse("account_email")).content.decode()
    assert "asks for your password again" in page
    assert "a code from your authenticator app" in page

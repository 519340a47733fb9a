"""Signing up, logging in and the account emails go as a person expects, in the site's words."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.clock import frozen
from tests.factories import PASSWORD, UserFactory
from tests.helpers.accounts import (
    NEW_PASSWORD,
    code_in,
    current_code,
    log_in,
    log_in_as,
    reauthenticate_url,
    sign_up,
    signed_in,
    with_app_and_codes,
    with_totp,
)
from tests.helpers.emails import EMAILS, LINK, html_of, send

pytestmark = pytest.mark.django_db


# Accounts through django-allauth ----------------------------------------------------------------
# Sign up, verify, log in and out, reset a password.

User = get_user_model()


def link_in(message):
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


def test_sign_up_sends_a_code_and_typing_it_logs_in(client):
    """Sign up, type the six digits from the email, and land on the dashboard: "Welcome"."""
    response = sign_up(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new@example.com"]
    assert "http" not in mail.outbox[0].body  # a code to type, no link

    # Not verified yet: the private pages stay shut.
    assert client.get(reverse("dashboard")).status_code == 302

    page = client.get(reverse("account_email_verification_sent"))
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.content.decode()
    code = code_in(mail.outbox[0])
    wrong = "000000" if code != "000000" else "111111"
    response = client.post(reverse("account_email_verification_sent"), {"code": wrong})
    assert response.status_code == 200
    assert not EmailAddress.objects.get(email="new@example.com").verified

    response = client.post(reverse("account_email_verification_sent"), {"code": code})
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new@example.com").verified

    response = client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert '<h1 class="h2">Welcome</h1>' in response.content.decode()


def test_unverified_account_cannot_log_in(client):
    """Logging in before confirming the email asks for the code and opens no private page."""
    UserFactory(email="waiting@example.com", verified=False)
    response = client.post(
        reverse("account_login"), {"login": "waiting@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(reverse("dashboard")).status_code == 302


def test_log_in_and_out(client, user, password):
    """A person logs in to the dashboard and, after logging out, is kept out of it."""
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert client.get(reverse("dashboard")).status_code == 200

    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("dashboard")).status_code == 302


def test_wrong_password_and_unknown_email_get_the_same_message(client, user):
    """A wrong password and an unknown email get one message, so no one learns who signed up."""
    wrong = client.post(reverse("account_login"), {"login": user.email, "password": "nope-nope"})
    unknown = client.post(
        reverse("account_login"), {"login": "nobody@example.com", "password": "nope-nope"}
    )
    assert wrong.status_code == unknown.status_code == 200
    message = "The email address and/or password you specified are not correct."
    assert message in wrong.content.decode()
    assert message in unknown.content.decode()


def test_password_reset_end_to_end(client, user):
    """The password-reset email's link lets a person set a new password and log in with it."""
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    reset_url = link_in(mail.outbox[0])

    # allauth moves the key into the session and redirects to a key-less form.
    response = client.get(reset_url, follow=True)
    assert response.status_code == 200
    assert len(response.redirect_chain) == 1
    form_url, status = response.redirect_chain[0]
    assert status == 302
    assert form_url.endswith("-set-password/")
    assert "password1" in response.context["form"].fields
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302

    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": NEW_PASSWORD}
    )
    assert response["Location"] == reverse("dashboard")


def test_password_reset_for_unknown_email_does_not_reveal_it(client):
    """Asking to reset an unknown address shows the same 'email sent' page as a real one."""
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "Enter a valid email address."),
        ({"password1": "short", "password2": "short"}, "password1", "too short"),
        ({"password1": "password123", "password2": "password123"}, "password1", "too common"),
        ({"password2": "something-else-entirely"}, "password2", "same password"),
    ],
)
def test_bad_sign_up_shows_a_message_and_creates_nothing(client, data, field, message):
    """A bad sign-up says what is wrong at the field, keeps the email typed and creates nothing."""
    form = {"email": "new@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    form.update(data)
    response = client.post(reverse("account_signup"), form)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode()
    # What the person typed is kept.
    assert form["email"] in response.content.decode()
    assert not User.objects.exists()
    assert not mail.outbox


def test_sign_up_with_an_address_already_used_creates_nothing(client, user):
    """Signing up with a used address looks the same but only emails its owner; nothing is made."""
    response = sign_up(client, email=user.email)
    # With enumeration prevention allauth acts as if it worked and emails the owner instead.
    assert User.objects.count() == 1
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert mail.outbox[0].subject == "You already have an account with exback"


def test_password_change(client_logged_in, user, password):
    """After changing your password, the new one is the one that works."""
    response = client_logged_in.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_email_change_waits_for_verification(client_logged_in, user, password):
    """A new email address asks for the password, and takes over only once its code is typed."""
    response = client_logged_in.post(
        reverse("account_email"), {"action_add": "", "email": "changed@example.com"}
    )
    # The password first (ACCOUNT_REAUTHENTICATION_REQUIRED); then the change goes ahead.
    assert response.status_code == 302
    assert response["Location"] == reauthenticate_url(reverse("account_email"))
    assert not mail.outbox
    response = client_logged_in.post(response["Location"], {"password": password})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["changed@example.com"]
    user.refresh_from_db()
    assert user.email != "changed@example.com"
    client_logged_in.post(
        reverse("account_email_verification_sent"), {"code": code_in(mail.outbox[0])}
    )
    user.refresh_from_db()
    assert user.email == "changed@example.com"


def test_two_factor_pages_are_available(client_logged_in):
    """The two-factor page opens, and turning on an app first asks for the password again."""
    response = client_logged_in.get(reverse("mfa_index"))
    assert response.status_code == 200
    assert b"Authenticator" in response.content
    # Turning on an authenticator always asks for the password again first, in our layout.
    response = client_logged_in.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"] == reauthenticate_url(reverse("mfa_activate_totp"))
    response = client_logged_in.get(response["Location"])
    assert response.status_code == 200
    assert '<main id="main"' in response.content.decode()


@frozen  # the codes depend on the clock: no 30-second step may pass between two of them
def test_two_factor_activation_and_login_with_a_code(client, user, password):
    """Turn on an authenticator app, then logging in asks for its code as well."""

    client.post(reverse("account_login"), {"login": user.email, "password": password})
    response = client.get(reverse("mfa_activate_totp"))
    # A log-in a moment ago is not enough: allauth asks for the password again first.
    assert response.status_code == 302
    assert response["Location"] == reauthenticate_url(reverse("mfa_activate_totp"))
    client.post(response["Location"], {"password": password})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()

    client.post(reverse("account_logout"))
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("dashboard")).status_code == 302  # not in without the code
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get(reverse("dashboard")).status_code == 200


# Lockout, change notifications and email changes ------------------------------------------------
# A lockout per account whatever the Host, the notifications of a change, and
# email changes with two-factor on.

WRONG = "not-the-right-passphrase"
REFUSED = "Too many failed login attempts"


def log_in_with_code(client, user, secret):
    """Log in through the site as a person with an authenticator: password, then code."""
    response = log_in(client, user)
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response.status_code == 302
    return response


# The lockout counts per account, whatever the Host, port or letter case.


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


# Changing email with two-factor on.


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


# One success box where allauth stacked two ------------------------------------------------------
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


# The account emails, in our own voice -----------------------------------------------------------
# Every template allauth sends is ours (plain text and HTML), names the site as its
# recipient knows it (discreet mode: "Notes"), never greets with a host name, and keeps
# subjects neutral.

# Words a subject must never carry: an inbox preview is seen by others.
NOT_IN_SUBJECTS = re.compile(r"\bex\b|relationship|partner|break ?up|love|getting back", re.I)


@pytest.mark.parametrize("template_prefix", EMAILS)
def test_every_account_email_is_in_our_voice(template_prefix):
    """Every account email greets you plainly, signs off from exback, and has a discreet subject."""
    message = send(template_prefix, UserFactory())
    assert "exback" in message.subject
    assert not message.subject.startswith("[")
    assert not NOT_IN_SUBJECTS.search(message.subject)
    assert message.body.startswith("Hello,\n")
    assert message.body.rstrip().endswith("Take care,\nexback")
    for text in (message.body, html_of(message)):
        assert "Hello from" not in text
        assert "testserver" not in text.replace(LINK, "")  # a host only inside a link
        assert "{{" not in text and "{%" not in text
    assert "<p>Hello,</p>" in html_of(message)
    assert "exback" in html_of(message)


@pytest.mark.parametrize("template_prefix", EMAILS)
def test_a_discreet_person_gets_every_email_under_the_neutral_name(template_prefix):
    """In discreet mode every account email comes from Notes and never says exback."""
    message = send(template_prefix, UserFactory(discreet=True))
    assert "Notes" in message.subject
    assert message.from_email == "Notes <noreply@localhost>"
    for text in (message.subject, message.body, html_of(message), message.from_email):
        assert "exback" not in text.lower()
    assert "Notes" in message.body and "Notes" in html_of(message)


@pytest.mark.parametrize(
    "template_prefix", ["account/email/email_confirmation", "mfa/email/totp_activated"]
)
def test_html_versions_escape_what_they_are_given(template_prefix):
    """In an email's HTML, odd details show as text, not markup, and links still open whole."""
    message = send(template_prefix, UserFactory(), ip="<b>1</b>", activate_url=LINK + "?a=1&b=2")
    html = html_of(message)
    assert "<b>1</b>" not in html
    if "activate_url" in EMAILS[template_prefix]:
        assert 'href="' + LINK + '?a=1&amp;b=2"' in html
        assert LINK + "?a=1&b=2" in message.body  # plain text stays plain


def test_the_confirmation_email_carries_a_code_or_a_link():
    """The sign-up confirmation email gives either a code to type or a link to open."""
    person = UserFactory()
    by_code = send("account/email/email_confirmation_signup", person)
    assert "\n    482913\n" in by_code.body
    assert "http" not in by_code.body
    by_link = send("account/email/email_confirmation_signup", person, code="", activate_url=LINK)
    assert LINK in by_link.body
    assert f'href="{LINK}"' in html_of(by_link)


def test_a_discreet_person_asking_for_a_password_reset_gets_notes(client):
    """A discreet person's password reset email comes from Notes, with no exback anywhere."""
    person = UserFactory(discreet=True)
    client.post(reverse("account_reset_password"), {"email": person.email})
    (message,) = mail.outbox
    assert message.subject == "Choose a new password for Notes"
    assert "exback" not in (message.subject + message.body + html_of(message) + message.from_email)


def test_the_owner_of_a_registered_address_is_named_by_their_own_setting(client):
    """When someone signs up with a discreet person's address, the owner's email still says Notes.

    Someone else signs up with a discreet person's address: allauth emails the owner
    (with no user in the email's context); the owner's setting still applies."""
    owner = UserFactory(email="owner@example.com", discreet=True)
    sign_up(client, email=owner.email)
    (message,) = mail.outbox
    assert message.to == [owner.email]
    assert message.subject == "You already have an account with Notes"
    assert "exback" not in message.body


@frozen
def test_a_notification_gives_the_time_in_the_recipients_zone(client):
    """A password-change email gives the time in your own time zone."""
    person = UserFactory(time_zone="Pacific/Kiritimati", discreet=True)
    log_in(client, person)
    client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    (message,) = mail.outbox
    assert message.subject == "Your Notes password was changed"
    assert "time: 19 March 2026, 02:00" in message.body  # noon UTC is 02:00 the next day there

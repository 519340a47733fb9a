"""Accounts through django-allauth: sign up, verify, log in and out, reset a password."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.clock import frozen
from tests.factories import PASSWORD, UserFactory
from tests.helpers.accounts import NEW_PASSWORD, code_in, current_code, reauthenticate_url, sign_up

User = get_user_model()


def link_in(message):
    return re.search(r"https?://testserver(/\S+)", message.body).group(1)


@pytest.mark.django_db
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


@pytest.mark.django_db
def test_unverified_account_cannot_log_in(client):
    """Logging in before confirming the email asks for the code and opens no private page."""
    UserFactory(email="waiting@example.com", verified=False)
    response = client.post(
        reverse("account_login"), {"login": "waiting@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert client.get(reverse("dashboard")).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["dashboard", "account", "progress:index", "journal:index"])
def test_unverified_session_is_kept_out_of_private_pages(client, name):
    """Even a session made some other way never shows an unverified account a private page."""
    client.force_login(UserFactory(verified=False))
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["dashboard", "account", "progress:index", "journal:index"])
def test_visitor_is_sent_to_log_in(client, name):
    """A visitor who opens a private page is sent to the log-in page, which leads back there."""
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
def test_password_reset_for_unknown_email_does_not_reveal_it(client):
    """Asking to reset an unknown address shows the same 'email sent' page as a real one."""
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
def test_password_change(client_logged_in, user, password):
    """After changing your password, the new one is the one that works."""
    response = client_logged_in.post(
        reverse("account_change_password"),
        {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


@pytest.mark.django_db
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


@pytest.mark.django_db
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


@pytest.mark.django_db
@frozen  # the codes depend on the clock: no 30-second step may pass between two of them
def test_two_factor_activation_and_login_with_a_code(client, user, password):
    """Turn on an authenticator app, then logging in asks for its code as well."""
    from allauth.mfa.models import Authenticator

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

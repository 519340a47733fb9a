"""The account emails, in our own voice: every template allauth sends is ours (plain text and
HTML), names the site as its recipient knows it (discreet mode: "Notes"), never greets with a
host name, and keeps subjects neutral. Locally, the console prints links whole."""

import io
import re
import subprocess
import sys

import pytest
from django.core import mail
from django.core.mail.backends import console as django_console
from django.urls import reverse

from exback.mail import EmailBackend
from tests.clock import frozen
from tests.factories import PASSWORD, UserFactory
from tests.helpers.accounts import NEW_PASSWORD, log_in, sign_up
from tests.helpers.emails import EMAILS, LINK, html_of, send
from tests.tools import ROOT

pytestmark = pytest.mark.django_db


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


# The console, in local development -------------------------------------------------------------


def test_the_console_prints_a_long_link_whole_where_djangos_would_cut_it():
    """Running locally, a long email link prints whole on one line, ready to copy."""
    message = send(
        "account/email/email_confirmation_signup", UserFactory(), code="", activate_url=LINK
    )
    ours, django = io.StringIO(), io.StringIO()
    EmailBackend(stream=ours).send_messages([message])
    django_console.EmailBackend(stream=django).send_messages([message])
    # Django's own backend: quoted-printable, the link cut by a soft line break.
    assert "quoted-printable" in django.getvalue()
    assert LINK not in django.getvalue()
    # Ours: the body as written, the link on one line, copyable.
    printed = ours.getvalue()
    assert "quoted-printable" not in printed
    assert f"\n{LINK}\n" in printed
    assert f'href="{LINK}"' in printed
    assert "Subject: Confirm your email address for exback" in printed


def test_make_run_settings_print_emails_whole():
    """With DEBUG on and no EMAIL_HOST (`make run`), mail goes to our console backend."""
    script = (
        "from django.core.mail import send_mail; "
        f"send_mail('Confirm your email address for exback', 'Open this link:\\n\\n{LINK}\\n', "
        "None, ['new@example.com'])"
    )
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "true"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert f"\n{LINK}\n" in result.stdout
    assert "quoted-printable" not in result.stdout

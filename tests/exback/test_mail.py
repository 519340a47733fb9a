"""Running locally, account emails print whole in the terminal, their links ready to copy."""

import io
import subprocess
import sys

import pytest
from django.core.mail.backends import console as django_console

from exback.mail import EmailBackend
from tests.factories import UserFactory
from tests.helpers.emails import LINK, send
from tests.tools import ROOT

pytestmark = pytest.mark.django_db


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

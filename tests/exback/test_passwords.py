"""A password must be long and hard to guess, and every form says so in plain words."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.urls import reverse

from exback.passwords import HELP_TEXT
from tests.factories import PASSWORD
from tests.helpers.accounts import NEW_PASSWORD, sign_up

pytestmark = pytest.mark.django_db


User = get_user_model()


# Passwords: at least 12 characters, and not common, blank or guessable.


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

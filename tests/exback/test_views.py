"""A person's first sign-in is greeted with Welcome, and every later one with Welcome back."""

import re

from django.urls import reverse

from tests.clock import frozen

pytestmark = frozen


def heading(page):
    return re.search(r'<h1 class="h2">([^<]*)</h1>', page).group(1)


def test_first_sign_in_says_welcome_and_later_ones_welcome_back(client, user, password):
    """A new account's first sign-in is a welcome; from the next sign-in on, "Welcome back"."""
    assert user.last_login is None
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert heading(client.get(reverse("dashboard")).content.decode()) == "Welcome"
    # The whole of that first visit, not just its first page.
    assert heading(client.get(reverse("dashboard")).content.decode()) == "Welcome"
    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert heading(client.get(reverse("dashboard")).content.decode()) == "Welcome back"


def test_someone_who_signed_in_before_is_welcomed_back(client_logged_in, user):
    """Someone who has signed in before is greeted with Welcome back."""
    assert user.last_login is not None
    assert heading(client_logged_in.get(reverse("dashboard")).content.decode()) == "Welcome back"

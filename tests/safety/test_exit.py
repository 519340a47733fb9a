"""Quick exit leaves at once, signs out, and has the browser forget the site."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.helpers.accounts import sessions_of

pytestmark = pytest.mark.django_db


EXIT_CLEARS = '"cache", "cookies", "storage"'


def test_quick_exit_without_javascript_clears_site_data_and_leaves(client, settings):
    """Without JavaScript, quick exit lands on the neutral site and the browser forgets this one."""
    settings.QUICK_EXIT_URL = "https://weather.example/"
    response = client.get(reverse("safety:quick_exit"))
    assert response.status_code == 302
    assert response["Location"] == "https://weather.example/"
    assert response["Clear-Site-Data"] == EXIT_CLEARS
    assert "no-store" in response["Cache-Control"]


def test_the_quick_exit_link_signs_out(client_logged_in, user, settings):
    """Quick exit by its link signs you out, so pressing Back finds nobody signed in.

    Without JavaScript the button is a link: its GET ends the session on the server, the
    allauth session row too, and Back (a fresh request) finds nobody signed in."""
    settings.QUICK_EXIT_URL = "https://weather.example/"
    client_logged_in.get(reverse("dashboard"))  # notes the session for the Sessions page
    assert sessions_of(user) == (1, 1)

    response = client_logged_in.get(reverse("safety:quick_exit"))

    assert response.status_code == 302
    assert response["Location"] == "https://weather.example/"
    assert response["Clear-Site-Data"] == EXIT_CLEARS
    assert sessions_of(user) == (0, 0)
    again = client_logged_in.get(reverse("dashboard"))
    assert again.status_code == 302
    assert again["Location"].startswith(reverse("account_login"))


def test_the_quick_exit_post_signs_out_with_the_pages_token(user):
    """With JavaScript on, quick exit signs you out and has the browser clear this site's data.

    What quick-exit.js sends: a POST with the token the page carries, answered with no
    content (a redirect would be followed off the site), and Clear-Site-Data."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    html = client.get(reverse("journal:new")).content.decode()
    token = re.search(r'data-exit-token="([^"]+)"', html).group(1)

    response = client.post(reverse("safety:quick_exit"), headers={"X-CSRFToken": token})

    assert response.status_code == 204
    assert response["Clear-Site-Data"] == EXIT_CLEARS
    assert sessions_of(user) == (0, 0)


def test_the_quick_exit_post_keeps_csrf(user):
    """A forged quick-exit request from another site cannot sign you out.

    A POST without the token is refused (and signs no one out); the link's GET is the way
    without JavaScript."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(reverse("safety:quick_exit")).status_code == 403
    assert sessions_of(user)[0] == 1  # still signed in


def test_only_a_signed_in_persons_pages_carry_the_exit_token(client, user):
    """A visitor's pages carry no sign-out token for quick exit, so they stay small and fast.

    A visitor has no session to end: their pages carry no token (and stay compressible,
    exback.compression)."""
    assert "data-exit-token" not in client.get(reverse("about")).content.decode()
    client.force_login(user)
    assert "data-exit-token=" in client.get(reverse("about")).content.decode()


@pytest.mark.parametrize("name", ["home", "about", "safety:index"])
def test_every_page_has_the_quick_exit_button(client, name):
    """Every public page has a Quick exit button that leads to a neutral site."""
    html = client.get(reverse(name)).content.decode()
    assert re.search(r'<a [^>]*href="/exit/"[^>]*data-quick-exit="https?://[^"]+"', html)
    assert ">Quick exit</a>" in html


def test_the_quick_exit_is_on_private_pages_too(client_logged_in):
    """The Quick exit button is on private pages, such as a new journal entry, too."""
    assert ">Quick exit</a>" in client_logged_in.get(reverse("journal:new")).content.decode()


def test_the_quick_exit_button_names_the_shift_shortcut_not_escape(client):
    """The Quick exit button tells you to press Shift three times, not Escape."""
    html = client.get(reverse("home")).content.decode()
    assert "press Shift three times" in html
    assert "Escape" not in html

"""What the browser keeps: no private page in its cache, nothing after logout or a quick
exit, and no one's words in a page title."""

import re

import pytest
from django.urls import reverse

from .factories_journal import EntryFactory

pytestmark = pytest.mark.django_db


def test_quick_exit_without_javascript_clears_site_data_and_leaves(client, settings):
    settings.QUICK_EXIT_URL = "https://weather.example/"
    response = client.get(reverse("safety:quick_exit"))
    assert response.status_code == 302
    assert response["Location"] == "https://weather.example/"
    assert response["Clear-Site-Data"] == '"cache", "storage"'


@pytest.mark.parametrize("name", ["home", "about", "safety:index"])
def test_every_page_has_the_quick_exit_button(client, name):
    html = client.get(reverse(name)).content.decode()
    assert re.search(r'<a [^>]*href="/exit/"[^>]*data-quick-exit="https?://[^"]+"', html)
    assert ">Quick exit</a>" in html


def test_the_quick_exit_is_on_private_pages_too(client_logged_in):
    assert ">Quick exit</a>" in client_logged_in.get(reverse("journal:new")).content.decode()


def test_logout_clears_site_data(client_logged_in):
    response = client_logged_in.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_private_pages_are_never_stored(client_logged_in):
    for name in ("dashboard", "account", "stages:index", "journal:index"):
        response = client_logged_in.get(reverse(name), follow=True)
        assert "no-store" in response["Cache-Control"], name


def test_a_journal_entrys_title_is_not_in_the_page_title(client_logged_in, user):
    entry = EntryFactory(user=user, title="Why I still love Sam")
    html = client_logged_in.get(reverse("journal:detail", args=[entry.pk])).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "Sam" not in title
    assert "Why I still love Sam" in html  # the entry itself still shows it

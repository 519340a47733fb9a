"""The Safety page lists the helplines of the person's own country, marking what is unconfirmed."""

# Chosen by the person's country: the one they pick, else the one on their account, else
# their browser's language region.

from html import unescape

import pytest
from django.urls import reverse

from safety.models import Helpline
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_chosen_country_shows_its_helplines_emergency_first(client):
    """Choosing a country shows its helplines, emergency number first, with their sources."""
    html = unescape(client.get(reverse("safety:index"), {"country": "gb"}).content.decode())
    gb = list(Helpline.objects.for_country("GB"))
    assert gb[0].is_emergency
    positions = [html.index(line.name) for line in gb]
    assert positions == sorted(positions)
    assert '<option value="GB" selected>United Kingdom</option>' in html
    assert "against <a href=" in html  # the source, with its checked date
    assert "Hot Peach Pages" in html  # the international directories, for everyone


def test_the_browsers_language_region_is_the_default(client):
    """A visitor whose browser asks for New Zealand English sees New Zealand's helplines."""
    html = client.get(
        reverse("safety:index"), HTTP_ACCEPT_LANGUAGE="en-NZ,en;q=0.8"
    ).content.decode()
    assert '<option value="NZ" selected>New Zealand</option>' in html


def test_the_account_country_beats_the_browser(client):
    """A person's saved country decides the helplines shown, whatever the browser's language."""
    client.force_login(UserFactory(country="IE"))
    html = client.get(reverse("safety:index"), HTTP_ACCEPT_LANGUAGE="de-DE").content.decode()
    assert '<option value="IE" selected>Ireland</option>' in html


@pytest.mark.parametrize("country", ["XX", "<script>", "G", "gb\x00", "ZZZZZZZZ"])
def test_an_unlisted_country_gets_the_emergency_advice_and_the_directories(client, country):
    """An unlisted or garbled country gets emergency advice and the worldwide directories."""
    response = client.get(reverse("safety:index"), {"country": country})
    html = response.content.decode()
    assert response.status_code in (200, 400)  # a NUL is refused before the view
    if response.status_code == 200:
        assert "We don't list helplines for your country yet" in html.replace("&#x27;", "'")
        assert '<option value="" selected>Another country</option>' in html
        assert "Find A Helpline" in html


def test_an_unverified_entry_says_so_and_a_note_is_shown(client):
    """Only the unverified helpline says Not yet verified; a dead SMS line is noted, not offered."""
    html = unescape(client.get(reverse("safety:index"), {"country": "NZ"}).content.decode())
    shine = html[html.index("Shine Helpline") :]
    shine = shine[: shine.index("</li>")]
    assert "Not yet verified" in shine and "Shine's own site said 24/7" in shine
    assert html.count("Not yet verified") == 1  # only the entry that is not
    html = unescape(client.get(reverse("safety:index"), {"country": "ZA"}).content.decode())
    assert "Not yet verified" not in html
    assert "its SMS line (31531) stopped working" in html
    assert "SMS 'help' to 31531" not in html

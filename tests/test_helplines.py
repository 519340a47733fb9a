"""Helplines are data: loaded by migration with a source and a checked date for every row,
chosen by the person's country, editable by staff in the admin."""

from html import unescape

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import reverse

from safety.helplines import COUNTRY_NAMES
from safety.models import Helpline

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_migration_loads_many_countries_each_with_an_emergency_number():
    countries = set(Helpline.objects.countries())
    assert len(countries) >= 30
    assert countries <= set(COUNTRY_NAMES)
    with_emergency = set(
        Helpline.objects.filter(is_emergency=True).values_list("country", flat=True)
    )
    assert with_emergency == countries
    # Every country has somewhere to turn besides the emergency number.
    for country in countries:
        assert Helpline.objects.for_country(country).filter(is_emergency=False).exists()


def test_every_row_names_its_source_and_when_it_was_checked():
    assert not Helpline.objects.filter(source_url="").exists()
    assert not Helpline.objects.filter(checked_on__isnull=True).exists()
    assert Helpline.objects.international().count() == 3


def test_a_chosen_country_shows_its_helplines_emergency_first(client):
    html = unescape(client.get(reverse("safety:index"), {"country": "gb"}).content.decode())
    gb = list(Helpline.objects.for_country("GB"))
    assert gb[0].is_emergency
    positions = [html.index(line.name) for line in gb]
    assert positions == sorted(positions)
    assert '<option value="GB" selected>United Kingdom</option>' in html
    assert "against <a href=" in html  # the source, with its checked date
    assert "Hot Peach Pages" in html  # the international directories, for everyone


def test_the_browsers_language_region_is_the_default(client):
    html = client.get(
        reverse("safety:index"), HTTP_ACCEPT_LANGUAGE="en-NZ,en;q=0.8"
    ).content.decode()
    assert '<option value="NZ" selected>New Zealand</option>' in html


def test_the_account_country_beats_the_browser(client):
    client.force_login(UserFactory(country="IE"))
    html = client.get(reverse("safety:index"), HTTP_ACCEPT_LANGUAGE="de-DE").content.decode()
    assert '<option value="IE" selected>Ireland</option>' in html


@pytest.mark.parametrize("country", ["XX", "<script>", "G", "gb\x00", "ZZZZZZZZ"])
def test_an_unlisted_country_gets_the_emergency_advice_and_the_directories(client, country):
    response = client.get(reverse("safety:index"), {"country": country})
    html = response.content.decode()
    assert response.status_code in (200, 400)  # a NUL is refused before the view
    if response.status_code == 200:
        assert "We don't list helplines for your country yet" in html.replace("&#x27;", "'")
        assert '<option value="" selected>Another country</option>' in html
        assert "Find A Helpline" in html


def test_staff_can_correct_a_helpline_in_the_admin(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    TOTP.activate(staff, generate_totp_secret())
    client.force_login(staff)
    line = Helpline.objects.for_country("GB").filter(is_emergency=False).first()
    response = client.get(reverse("admin:safety_helpline_change", args=[line.pk]))
    assert response.status_code == 200
    assert line.source_url in response.content.decode()
    listing = client.get(reverse("admin:safety_helpline_changelist"), {"country": "GB"})
    assert line.name in listing.content.decode()


def test_a_person_saves_their_country_on_the_account_page(client, user):
    client.force_login(user)
    response = client.post(reverse("account"), {"time_zone": "", "country": "NZ"}, follow=True)
    assert "Your settings are saved." in response.content.decode()
    user.refresh_from_db()
    assert user.country == "NZ"
    html = client.get(reverse("safety:index")).content.decode()
    assert '<option value="NZ" selected>New Zealand</option>' in html


def test_a_country_without_helplines_is_refused_next_to_the_field(client, user):
    client.force_login(user)
    response = client.post(
        reverse("account"), {"time_zone": "Europe/Paris", "country": "XX", "discreet": "on"}
    )
    assert "Choose a country from the list" in response.content.decode()
    user.refresh_from_db()
    assert (user.country, user.time_zone, user.discreet) == ("", "", False)

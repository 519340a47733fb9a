"""Public pages, error pages and the health check answer in the site's own layout."""

# The site shell (config.urls and the pages it routes): public pages, error pages and the
# health check.

import re

import pytest
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from tests.helpers.html import title_of

PUBLIC_PAGES = ["home", "about", "privacy", "safety:index", "account_login", "account_signup"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_renders_in_the_site_layout(client, name):
    """Each public page has a skip link and a footer linking About, Privacy and Safety."""
    response = client.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#main"' in html  # skip link
    assert '<main id="main"' in html
    assert "<footer" in html
    for link in ("about", "privacy", "safety:index"):
        assert f'href="{reverse(link)}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_pages_have_no_inline_script_or_style_and_no_third_party_urls(client, name):
    """Public pages load nothing from other sites, and links out tell them nothing about you."""
    html = client.get(reverse(name)).content.decode()
    assert "style=" not in html
    assert "<style" not in html
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag
    # Nothing is loaded from elsewhere: no script, image, frame or stylesheet of another site.
    assert not re.search(r'src="(https?:)?//', html)
    assert not re.search(r'<link[^>]*href="(https?:)?//', html)
    # Links out (the Safety page's helplines and sources) are links a person chooses to follow,
    # and tell the other site nothing about where they came from.
    for tag in re.findall(r'<a [^>]*href="(?:https?:)?//[^>]*>', html):
        assert 'rel="noopener noreferrer"' in tag, tag


@pytest.mark.django_db
def test_about_credits_the_source_article(client):
    """The About page credits the article the program comes from and its authors."""
    html = client.get(reverse("about")).content.decode()
    assert "7 Crucial Stages Of Getting Back Together With An Ex" in html
    assert "Paul R. Brian" in html
    assert "Renée Shen" in html


@pytest.mark.django_db
def test_signed_in_person_is_taken_from_home_to_the_dashboard(client_logged_in):
    """A signed-in person opening the home page lands on their dashboard."""
    response = client_logged_in.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")


@pytest.mark.django_db
def test_signed_in_navigation(client_logged_in):
    """Signed in, the menu links the program, the journal and the account, marking where you are."""
    html = client_logged_in.get(reverse("dashboard")).content.decode()
    for name in ("progress:index", "journal:index", "account"):
        assert f'href="{reverse(name)}"' in html
    assert 'aria-current="page"' in html


@pytest.mark.django_db
def test_page_titles_name_the_site(client, client_logged_in):
    """A tab's title says what the page's heading says, then exback."""
    # The title says what the heading says.
    assert title_of(client_logged_in.get(reverse("dashboard"))) == "Welcome back · exback"
    assert title_of(client_logged_in.get(reverse("account_email"))).endswith(" · exback")


@pytest.mark.django_db
def test_unknown_path_gets_the_site_404(client):
    """A mistyped address gets the site's own page saying it couldn't find that page."""
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert "We couldn't find that page" in response.content.decode()


@pytest.mark.django_db
def test_missing_csrf_token_gets_the_site_403(user, password):
    """A log-in sent without the form's token gets the site's own page asking to try again."""
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert response.status_code == 403
    assert "Please try that again" in response.content.decode()


@pytest.mark.django_db
def test_wrong_method_is_405(client):
    """A form sent to the About page is refused rather than acted on."""
    assert client.post(reverse("about")).status_code == 405


def test_server_error_page_renders_without_a_request():
    """Even when something breaks badly, the error page still shows, saying something went wrong."""
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "something went wrong" in html


@pytest.mark.django_db
def test_healthz_ok(client):
    """Whoever runs the site gets ok from the health check while all is well."""
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_healthz_reports_503_when_the_database_is_down(client, monkeypatch):
    """Whoever runs the site sees the health check fail with a 503 when the database is down."""
    from django.db.backends.utils import CursorWrapper

    def broken(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503


@pytest.mark.django_db
def test_every_public_page_has_its_own_meta_description(client):
    """Search engines (and Lighthouse's SEO audit) read a description per page."""
    descriptions = []
    for name in PUBLIC_PAGES:
        html = client.get(reverse(name)).content.decode()
        found = re.findall(r'<meta name="description" content="([^"]+)">', html)
        assert len(found) == 1, name
        assert 50 <= len(found[0]) <= 160, (name, found[0])
        descriptions.append(found[0])
    assert len(set(descriptions)) == len(descriptions)

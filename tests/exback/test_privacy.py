"""In discreet mode nothing names the site, and the browser keeps nothing private."""

import re

import pytest
from django.urls import reverse

from safety.models import SafetyCheck
from tests.clock import frozen
from tests.helpers.html import title_of
from tests.helpers.pages import PAGES, VARIANTS, page_url, person_data, sign_in

pytestmark = pytest.mark.django_db


# Discreet mode all the way ----------------------------------------------------------------------
# For a person who turned it on, no page, download or printout names the site. Every page
# of exback, safety, the program, the journal, reminders and allauth is opened as in the
# hostile-input walk (tests/helpers/pages.py), by a person with something everywhere.

SITE = re.compile(r"exback", re.IGNORECASE)
# Pages that end the session or are not HTML: the quick exit signs out (tests/safety/test_exit.py),
# the downloads are checked below, /healthz answers "ok".
NOT_PAGES = {"safety:quick_exit", "account_export_json", "account_export_md", "healthz"}


def mentions(html: str) -> list[str]:
    return [html[max(0, m.start() - 80) : m.end() + 40] for m in SITE.finditer(html)]


@pytest.fixture(params=["all no", "a yes"])
def discreet_person(request, program_client, user):
    """A person in discreet mode with something in every part of the program; once with the
    safety answers all no, once with a yes (the program then reads differently)."""
    user.discreet = True
    user.save(update_fields=["discreet"])
    if request.param == "a yes":
        check = SafetyCheck.objects.get(user=user)
        check.answers = {**check.answers, "afraid": "yes"}
        check.save()
    return program_client, user, person_data(program_client, user)


def every_url(data) -> list[str]:
    urls = [page_url(name, params, data) for name, params, _ in PAGES if name not in NOT_PAGES]
    urls += [
        page_url(name, list(sources), data, sources)
        for name, variants in VARIANTS.items()
        for sources in variants
    ]
    return urls


@frozen
def test_no_page_names_the_site(discreet_person):
    """In discreet mode, no page a person can open says exback anywhere.

    Every page a signed-in discreet person can open, and the page each redirects to: not
    one says "exback", in any case, anywhere in the HTML (asset URLs included)."""
    client, user, data = discreet_person
    found = {}
    for url in every_url(data):
        response = client.get(url, follow=True)
        if "_auth_user_id" not in client.session:
            sign_in(client, user)  # no page here should sign out, but the walk goes on
        html = response.content.decode() if "html" in response.get("Content-Type", "") else ""
        if hits := mentions(html):
            found[url] = hits
    assert not found, found


@frozen
def test_the_header_brand_is_the_neutral_name_and_leads_to_the_dashboard(discreet_person):
    """In discreet mode the header says Notes, with a plain icon, and leads to the dashboard."""
    client, user, _ = discreet_person
    html = client.get(reverse("journal:index")).content.decode()
    assert f'<a class="brand" href="{reverse("dashboard")}">Notes</a>' in html
    assert "<title>Your journal · Notes</title>" in html
    assert "Notes is a self-help program" in html
    assert f'href="{reverse("about")}"' not in html  # the About page says what the site is for
    assert "favicon-neutral.svg" in html


@frozen
@pytest.mark.parametrize(
    ("name", "extension"), [("account_export_json", "json"), ("account_export_md", "md")]
)
def test_downloads_are_named_after_the_neutral_name(discreet_person, name, extension):
    """In discreet mode, downloaded exports are named notes-<date> and never mention the site."""
    client, user, _ = discreet_person
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert re.fullmatch(
        rf'attachment; filename="notes-\d{{4}}-\d\d-\d\d\.{extension}"',
        response["Content-Disposition"],
    )
    assert not mentions(response.content.decode())


@frozen
def test_without_discreet_mode_the_site_keeps_its_name(client_logged_in):
    """Without discreet mode, the header, the download's name and the export all say exback."""
    html = client_logged_in.get(reverse("dashboard")).content.decode()
    assert f'<a class="brand" href="{reverse("dashboard")}">exback</a>' in html
    response = client_logged_in.get(reverse("account_export_md"))
    assert response["Content-Disposition"].startswith('attachment; filename="exback-')
    assert response.content.decode().startswith("# My exback journal")


@frozen
def test_a_visitors_brand_leads_home(client):
    """A visitor's header says exback and leads to the home page."""
    html = client.get(reverse("about")).content.decode()
    assert f'<a class="brand" href="{reverse("home")}">exback</a>' in html


# The tab's title in discreet mode ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["dashboard", "account", "account_email", "journal:index"])
def test_discreet_mode_gives_the_tab_a_neutral_name(client, name):
    """In discreet mode every tab is titled Notes and never exback."""
    from tests.factories import UserFactory
    from tests.factories.safety import SafetyCheckFactory

    person = UserFactory(discreet=True)
    SafetyCheckFactory(user=person)
    client.force_login(person)
    title = title_of(client.get(reverse(name)))
    assert title.endswith(" · Notes")
    assert "exback" not in title.lower()


def test_turning_discreet_mode_on_changes_the_next_page_title(client_logged_in, user):
    """Turning discreet mode on renames the next tab Notes; turning it off brings exback back."""
    response = client_logged_in.post(reverse("account"), {"discreet": "on"}, follow=True)
    assert title_of(response) == "Your account · Notes"
    client_logged_in.post(reverse("account"), {})
    assert title_of(client_logged_in.get(reverse("account"))) == "Your account · exback"


# What the browser keeps -------------------------------------------------------------------------
# No private page in the browser's cache, and nothing at all after a logout.


def test_logout_clears_site_data(client_logged_in):
    """Logging out tells the browser to forget this site's cache and stored drafts."""
    response = client_logged_in.post(reverse("account_logout"))
    assert response.status_code == 302
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_private_pages_are_never_stored(client_logged_in):
    """Private pages are never kept in the browser's cache for someone else to find."""
    for name in ("dashboard", "account", "progress:index", "journal:index"):
        response = client_logged_in.get(reverse(name), follow=True)
        assert "no-store" in response["Cache-Control"], name

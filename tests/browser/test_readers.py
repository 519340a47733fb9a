"""The whole program in a browser, as a person who said their ex was violent and as a parent
who shares children: every section page shows the text written for them, and the
screenshots of each are kept to look at (test-artifacts/readers-*)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from safety.models import SafetyCheck
from stages.content import coparent, everyone, unsafe
from tests.browser.helpers import log_in
from tests.factories import UserFactory
from tests.factories.progress import ContactFactory

SLUGS = [section["slug"] for section in everyone.SECTIONS]


def reader(live_server, page, *, violence: bool, children: bool):
    user = UserFactory()
    SafetyCheck.objects.create(
        user=user,
        answers={
            "violence": "yes" if violence else "no",
            "threats": "no",
            "controlled": "no",
            "afraid": "no",
            "children": "yes" if children else "no",
        },
    )
    log_in(page, live_server, user.email)
    return user


def test_a_person_whose_ex_was_violent_walks_a_path_of_their_own(live_server, page, artifacts):
    """Someone whose ex was violent reads their own text in every section, with no apology form."""
    user = reader(live_server, page, violence=True, children=False)
    page.screenshot(path=artifacts / "readers-unsafe-dashboard.png", full_page=True)
    for slug in SLUGS:
        page.goto(live_server.url + reverse("progress:detail", args=[slug]))
        expect(page.get_by_role("heading", level=1)).to_have_text(unsafe.SECTIONS[slug]["title"])
        page.screenshot(path=artifacts / f"readers-unsafe-{slug}.png", full_page=True)
    ContactFactory(user=user)
    page.goto(live_server.url + reverse("progress:contacts"))
    expect(page.get_by_role("heading", level=1)).to_have_text("A record of contact")
    page.screenshot(path=artifacts / "readers-unsafe-contacts.png", full_page=True)
    page.goto(live_server.url + reverse("progress:apology"))
    expect(page.locator("main form")).to_have_count(0)
    page.screenshot(path=artifacts / "readers-unsafe-apology.png", full_page=True)


@pytest.mark.parametrize("violence", [False, True], ids=["parent", "unsafe-parent"])
def test_a_parent_reads_about_the_children_where_contact_comes_up(
    live_server, page, artifacts, violence
):
    """A parent reads about the children on the time-and-space page and the contacts page."""
    reader(live_server, page, violence=violence, children=True)
    page.goto(live_server.url + reverse("progress:detail", args=["time-and-space"]))
    main = page.locator("main")
    expect(main).to_contain_text("children")
    if violence:
        expect(main).to_contain_text("contact centre")
    else:
        expect(page.get_by_role("heading", level=1)).to_have_text(
            coparent.SECTIONS["time-and-space"]["title"]
        )
        expect(main).to_contain_text("parenting plan")
    name = "unsafe-parent" if violence else "parent"
    page.screenshot(path=artifacts / f"readers-{name}-time-and-space.png", full_page=True)
    page.goto(live_server.url + reverse("progress:contacts"))
    expect(page.locator("main")).to_contain_text("children")
    page.screenshot(path=artifacts / f"readers-{name}-contacts.png", full_page=True)

"""The danger check in a browser: a person whose safety answers suggest abuse
opens "are you sure?", finds the danger check, answers, and after a yes sees the emergency
number and the abuse line of their country before anything else on the page; after all no, a
calm line. Screenshots in test-artifacts/danger-check-*.png, at desktop and phone widths; the
urgent page passes axe-core's WCAG 2.2 A/AA checks in both colour schemes."""

import json
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from safety import content
from safety.models import Helpline
from tests.browser.helpers import axe_violations, log_in
from tests.factories import UserFactory
from tests.factories.safety import SafetyCheckFactory

DATA = Path(__file__).resolve().parents[2] / "safety" / "data" / "helplines.json"
ABUSE_LINES = {"National Domestic Abuse Helpline (Refuge)", "Men's Advice Line"}


@pytest.fixture
def uk_lines(transactional_db):
    """The United Kingdom's lines and the international directories as the migration loads
    them (a live-server test may start from an emptied table)."""
    for row in json.loads(DATA.read_text(encoding="utf-8")):
        if row["country"] in {"GB", ""}:
            Helpline.objects.update_or_create(
                country=row["country"],
                name=row["name"],
                defaults={
                    **{
                        field: row[field]
                        for field in ("purpose", "is_emergency", "phone", "text", "chat_url")
                    },
                    "hours": row["hours"],
                    "source_url": row["source_url"],
                    "checked_on": row["checked_on"],
                    "order": row["order"],
                    "is_abuse_support": row["name"] in ABUSE_LINES,
                },
            )


@pytest.fixture
def afraid_in_the_uk(live_server, page, uk_lines):
    user = UserFactory(country="GB")
    SafetyCheckFactory(user=user, afraid=True)
    log_in(page, live_server, user.email)
    return user


def answer(page, question: str, choice: str):
    group = page.locator("fieldset, div.mb-3").filter(has_text=question).last
    group.get_by_label(choice, exact=True).check()


def test_a_yes_brings_the_emergency_number_and_abuse_line_first(
    live_server, page, afraid_in_the_uk, artifacts
):
    """One yes in the danger check puts the emergency number and abuse line atop the page."""
    page.goto(live_server.url + reverse("progress:readiness"))
    expect(page.get_by_role("heading", level=1)).to_have_text("A danger check")
    expect(page.get_by_text("not a diagnosis and not a score")).to_be_visible()
    page.screenshot(path=artifacts / "danger-check-questions.png", full_page=True)

    for key, question, _ in content.DANGER_QUESTIONS:
        answer(page, question, "Yes" if key == "strangled" else "No")
    page.get_by_role("button", name="Save my answers").click()

    urgent = page.locator("section.danger-urgent")
    expect(urgent).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(content.DANGER_URGENT_TITLE)
    expect(urgent).to_contain_text("United Kingdom emergency number: 999")
    expect(urgent).to_contain_text("National Domestic Abuse Helpline (Refuge): 0808 2000 247")
    expect(urgent.get_by_role("link", name="Your safety plan")).to_be_visible()
    # Nothing of the page comes before it: it is the first thing in the main region.
    first = page.evaluate("document.querySelector('main').firstElementChild.className")
    assert "danger-urgent" in first
    page.screenshot(path=artifacts / "danger-check-urgent.png", full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "danger-check-urgent-phone.png")
    found = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.reload()
        found.update(
            {f"{scheme} {rule}": targets for rule, targets in axe_violations(page).items()}
        )
    page.screenshot(path=artifacts / "danger-check-urgent-phone-dark.png")
    assert found == {}


def test_all_no_gives_a_calm_line(live_server, page, afraid_in_the_uk, artifacts):
    """All no in the danger check gives a calm line and no urgent numbers."""
    page.goto(live_server.url + reverse("progress:readiness"))
    for _, question, _ in content.DANGER_QUESTIONS:
        answer(page, question, "No")
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Your answers are saved")).to_be_visible()
    expect(page.locator("section.danger-urgent")).to_have_count(0)
    expect(page.get_by_role("region", name="What your answers say")).to_contain_text(
        "still worth watching"
    )
    page.screenshot(path=artifacts / "danger-check-calm.png", full_page=True)

"""Safety first, in a browser: a person who said yes to a safety question finds every step
towards their ex set aside (or rewritten, and the decision aid a danger check) and is led to
their safety plan; the decision aid names what their answers raise; a journal entry's title
never reaches the tab title."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from stages.exercises import EXERCISES
from tests.factories import UserFactory
from tests.factories_journal import EntryFactory
from tests.factories_safety import SafetyCheckFactory

from .helpers import log_in

RECONNECTING = [e for e in EXERCISES if e.reconnects]


@pytest.fixture
def afraid(live_server, page):
    user = UserFactory()
    SafetyCheckFactory(user=user, afraid=True)
    log_in(page, live_server, user.email)
    return user


def test_a_yes_person_is_led_to_safety_everywhere(live_server, page, afraid, artifacts):
    main_action = page.locator(".main-actions a").first
    expect(main_action).to_have_text("Your safety plan")
    page.screenshot(path=artifacts / "safety-dashboard.png", full_page=True)
    main_action.click()
    expect(page.get_by_role("heading", name="Your safety plan", exact=True)).to_be_visible()
    page.get_by_label("People and places to reach").fill("My sister; code word umbrella")
    page.get_by_role("button", name="Save my safety plan").click()
    expect(page.get_by_text("Your safety plan is saved")).to_be_visible()
    page.screenshot(path=artifacts / "safety-plan.png", full_page=True)
    page.get_by_role("link", name="Print your plan").click()
    expect(page.get_by_text("My sister; code word umbrella")).to_be_visible()

    for exercise in RECONNECTING:
        page.goto(live_server.url + reverse(exercise.url_name))
        expect(page.get_by_role("heading", level=1, name=exercise.title)).to_have_count(0)
        expect(page.get_by_role("link", name="Your safety plan").last).to_be_visible()
    page.goto(live_server.url + reverse("stages:readiness"))
    expect(page.get_by_role("heading", level=1)).to_have_text("A danger check")
    page.screenshot(path=artifacts / "safety-danger-check-readiness.png", full_page=True)


def test_the_decision_aid_names_a_concern_the_answers_raise(live_server, page, artifacts):
    user = UserFactory()
    SafetyCheckFactory(user=user)
    log_in(page, live_server, user.email)
    page.goto(live_server.url + "/stages/exercises/are-you-sure/")
    reasons_for = page.get_by_role("group", name="Reasons for getting back together")
    reasons_for.get_by_label("Your first reason", exact=True).fill("We make each other laugh")
    reasons_for.get_by_label("How much does your first reason matter?").select_option("3")
    against = page.get_by_role("group", name="Reasons against")
    against.get_by_label("Your first reason", exact=True).fill("I stopped seeing my friends")
    against.get_by_label("How much does your first reason matter?").select_option("5")
    answers = {
        "Am I still in love with them": "Yes",
        "Am I deciding this on impulse?": "Yes",
        "like a sticking plaster?": "No",
        "Am I ready to compromise?": "Yes",
        "including my own part?": "Yes",
        "do things differently together": "Yes",
    }
    for question, answer in answers.items():
        group = page.locator("fieldset, div.mb-3").filter(has_text=question).last
        group.get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Save and see what my answers say").click()
    result = page.get_by_role("region", name="What your answers say")
    expect(result).to_contain_text("2 things worth a second look")
    expect(result).to_contain_text("Am I deciding this on impulse?")
    expect(result).to_contain_text("Your reasons against weigh 5; your reasons for weigh 3.")
    page.screenshot(path=artifacts / "decision-aid.png", full_page=True)


def test_a_journal_entrys_title_is_not_in_the_tab_title(live_server, page):
    user = UserFactory()
    entry = EntryFactory(user=user, title="The night he took my keys")
    log_in(page, live_server, user.email)
    page.goto(live_server.url + f"/journal/{entry.pk}/")
    expect(page.get_by_role("heading", name="The night he took my keys")).to_be_visible()
    assert "keys" not in page.title()

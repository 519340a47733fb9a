"""Safety first, in a browser: a person who said yes to a safety question finds every step
towards their ex set aside (or rewritten, and the decision aid a danger check) and is led to
their safety plan; the decision aid names what their answers raise; a journal entry's title
never reaches the tab title."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from progress.exercises import EXERCISES
from tests.browser.helpers import log_in
from tests.factories import UserFactory
from tests.factories.journal import EntryFactory
from tests.factories.safety import SafetyCheckFactory

RECONNECTING = [e for e in EXERCISES if e.reconnects]


@pytest.fixture
def afraid(live_server, page):
    user = UserFactory()
    SafetyCheckFactory(user=user, afraid=True)
    log_in(page, live_server, user.email)
    return user


def test_a_yes_person_is_led_to_safety_everywhere(live_server, page, afraid, artifacts):
    """Someone afraid of their ex is led to their safety plan, never to a step back towards them."""
    main_action = page.locator(".main-actions a").first
    expect(main_action).to_have_text("Your safety plan")
    page.screenshot(path=artifacts / "safety-dashboard.png", full_page=True)
    main_action.click()
    expect(page.get_by_role("heading", name="Your safety plan", exact=True)).to_be_visible()
    page.get_by_label("People I can ask for help").fill("My sister; code word umbrella")
    page.get_by_role("button", name="Save my safety plan").click()
    expect(page.get_by_text("Your safety plan is saved")).to_be_visible()
    page.screenshot(path=artifacts / "safety-plan.png", full_page=True)
    page.get_by_role("link", name="Print your plan").click()
    expect(page.get_by_text("My sister; code word umbrella")).to_be_visible()

    for exercise in RECONNECTING:
        page.goto(live_server.url + reverse(exercise.url_name))
        expect(page.get_by_role("heading", level=1, name=exercise.title)).to_have_count(0)
        expect(page.get_by_role("link", name="Your safety plan").last).to_be_visible()
    page.goto(live_server.url + reverse("progress:readiness"))
    expect(page.get_by_role("heading", level=1)).to_have_text("A danger check")
    page.screenshot(path=artifacts / "safety-danger-check-readiness.png", full_page=True)


def test_the_decision_aid_names_a_concern_the_answers_raise(live_server, page, artifacts):
    """The decision aid names answers worth a second look and weighs the reasons for and against."""
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
    """A journal entry's title never shows in the browser tab, where others might glance."""
    user = UserFactory()
    entry = EntryFactory(user=user, title="The night he took my keys")
    log_in(page, live_server, user.email)
    page.goto(live_server.url + f"/journal/{entry.pk}/")
    expect(page.get_by_role("heading", name="The night he took my keys")).to_be_visible()
    assert "keys" not in page.title()


def test_the_safety_plan_has_its_steps_then_optional_parts_and_prints(live_server, page, artifacts):
    """The safety plan shows its seven steps, opens an optional part once used, and prints.

    The seven steps are open fields in their order; each abuse-planning part is closed
    until opened; a draft typed into one comes back, opened, after a reload; what is saved
    prints, and a blank plan prints every part with room to write by hand."""
    user = UserFactory()
    log_in(page, live_server, user.email)
    page.goto(live_server.url + reverse("safety:plan"))
    page.screenshot(path=artifacts / "safety-plan-new.png", full_page=True)
    blank = page.context.new_page()
    blank.goto(live_server.url + reverse("safety:plan_print"))
    expect(blank.get_by_text("Fill it in by hand")).to_be_visible()
    expect(blank.get_by_role("heading", level=3)).to_have_count(7)
    blank.screenshot(path=artifacts / "safety-plan-print-blank.png", full_page=True)
    blank.close()

    expect(page.get_by_label("1. Warning signs")).to_be_visible()
    expect(page.get_by_label("7. My reasons for living")).to_be_visible()
    phone = page.get_by_label("Phone, accounts and location")
    expect(phone).to_be_hidden()  # closed: its <details> is not open
    page.locator("summary", has_text="Phone, accounts and location").click()
    phone.fill("Turn off location sharing once I have left")
    page.get_by_label("7. My reasons for living").fill("My daughter")
    page.wait_for_timeout(600)  # drafts.js keeps the text after 400 ms
    page.reload()
    expect(page.locator("[data-draft-notice]")).to_be_visible()
    expect(phone).to_be_visible()  # reopened around the restored draft
    expect(phone).to_have_value("Turn off location sharing once I have left")
    page.get_by_role("button", name="Save my safety plan").click()
    expect(page.get_by_text("Your safety plan is saved")).to_be_visible()
    expect(phone).to_be_visible()  # open now that it holds text
    expect(page.get_by_label("Children")).to_be_hidden()
    page.screenshot(path=artifacts / "safety-plan-saved.png", full_page=True)

    page.get_by_role("link", name="Print your plan").click()
    expect(page.get_by_role("heading", name="7. My reasons for living")).to_be_visible()
    expect(page.get_by_text("My daughter")).to_be_visible()
    expect(page.get_by_role("heading", name="Phone, accounts and location")).to_be_visible()
    expect(page.get_by_role("heading", name="Children")).to_have_count(0)
    page.screenshot(path=artifacts / "safety-plan-print.png", full_page=True)

    page.set_viewport_size({"width": 320, "height": 800})  # nothing scrolls sideways
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.screenshot(path=artifacts / "safety-plan-print-320.png", full_page=True)
    page.get_by_role("link", name="Back to your plan").click()
    page.locator("summary", has_text="Each part beside what it comes from").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.screenshot(path=artifacts / "safety-plan-320.png", full_page=True)
    page.locator(".plan-sources").screenshot(path=artifacts / "safety-plan-sources-320.png")


def test_an_unverified_helpline_says_so_on_the_safety_page(live_server, page, artifacts):
    """A helpline not yet verified says so on the Safety page, and no other helpline does."""
    page.goto(live_server.url + reverse("safety:index") + "?country=NZ#help")
    shine = page.locator(".helpline", has_text="Shine Helpline")
    expect(shine.get_by_text("Not yet verified")).to_be_visible()
    expect(shine).to_contain_text("Shine's own site said 24/7")
    expect(page.get_by_text("Not yet verified")).to_have_count(1)
    page.locator("#help").scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "safety-helplines-nz.png", full_page=True)

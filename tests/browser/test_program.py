"""A new person walks into the program in a real browser: safety check, stage 1, dashboard."""

import datetime
import json
import re

from django.utils import timezone
from playwright.sync_api import expect

from progress.models import SelfCareCheckIn
from tests.browser.helpers import axe_violations, code_in_last_email
from tests.factories import PASSWORD
from tests.factories.progress import (
    ApologyFactory,
    CheckInFactory,
    ContactFactory,
    HeldMessageFactory,
    MemoryFactory,
    PatternAnswersFactory,
    ReadinessFactory,
    ResponsibilityFactory,
)


def sign_up(page, live_server, email):
    page.goto(live_server.url + "/accounts/signup/")
    page.locator("#id_email").fill(email)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.get_by_role("button", name="Sign up", exact=True).click()
    expect(page.get_by_role("heading", name="Confirm your email address")).to_be_visible()
    page.get_by_placeholder("Code").fill(code_in_last_email())
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Welcome", exact=True)).to_be_visible()


def test_new_person_completes_stage_one(live_server, page, artifacts):
    """A new person signs up, answers the safety check, completes stage 1 and is sent to stage 2."""
    sign_up(page, live_server, "program@example.com")
    expect(page.get_by_text("0 of 7 stages completed")).to_be_visible()

    page.get_by_role("link", name="Go to the program").click()
    expect(page.get_by_role("heading", name="Before you start")).to_be_visible()
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_text("Please answer each question with yes or no.")).to_be_visible()
    for key in ("violence", "threats", "controlled", "afraid", "children"):
        page.locator(f"input[name={key}][value=no]").check()
    page.screenshot(path=artifacts / "program-safety-check.png", full_page=True)
    page.get_by_role("button", name="Save my answers").click()

    expect(page.get_by_role("heading", name="The program", exact=True)).to_be_visible()
    page.screenshot(path=artifacts / "program-overview.png", full_page=True)

    page.get_by_role("link", name=re.compile(r"^Stage 1:")).click()
    expect(page.get_by_text("Stage 1 of 7")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Write about this")).first).to_be_visible()
    page.screenshot(path=artifacts / "program-stage-1.png", full_page=True)

    page.get_by_role("link", name="Sincerity check and apology draft").click()
    page.locator("input[name=has_reason][value=yes]").check()
    page.locator("input[name=seeking_approval][value=not_sure]").check()
    page.locator("input[name=telling_them_what_they_want][value=no]").check()
    page.locator("#id_draft").fill("I'm sorry I stopped listening to you last spring.")
    page.get_by_role("button", name="Save my draft").click()
    expect(page.get_by_text("Your apology draft is saved")).to_be_visible()
    page.screenshot(path=artifacts / "program-apology.png", full_page=True)

    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Say sorry").click()
    page.get_by_role("button", name="Mark this stage complete").click()
    expect(page.get_by_role("button", name="Reopen this stage")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Home").click()
    expect(page.get_by_text("1 of 7 stages completed")).to_be_visible()
    # Not the stage just completed: the next one still to do.
    expect(
        page.get_by_role("link", name=re.compile("Continue where you left off"))
    ).to_have_attribute("href", "/stages/take-care-of-yourself/")
    page.screenshot(path=artifacts / "program-dashboard.png", full_page=True)


def test_self_care_chart_and_summary(live_server, page, artifacts, noon_today):
    """A check-in after weeks of them shows the streak and mood chart, and the summary prints."""
    sign_up(page, live_server, "selfcare@example.com")
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.get(email="selfcare@example.com")
    today = timezone.localdate()
    for days_ago in range(1, 26):
        if days_ago % 6 == 0:
            continue
        CheckInFactory(
            user=person, date=today - datetime.timedelta(days=days_ago), mood=1 + days_ago % 5
        )
    ContactFactory(user=person)
    MemoryFactory(user=person, what="Dancing in the kitchen", when="2021", where="Home")
    ApologyFactory(user=person)
    PatternAnswersFactory(user=person)
    ReadinessFactory(
        user=person, answers={**ReadinessFactory.answers.function(), "impulsive": "not_sure"}
    )
    ResponsibilityFactory(user=person)
    HeldMessageFactory(user=person)

    page.goto(live_server.url + "/stages/exercises/self-care/")
    for key in ("violence", "threats", "controlled", "afraid", "children"):
        page.locator(f"input[name={key}][value=no]").check()
    page.get_by_role("button", name="Save my answers").click()

    page.get_by_role("link", name="Today's check-in").first.click()
    page.locator("#id_hours_slept").fill("7.5")
    page.locator("input[name=ate_well][value=yes]").check()
    page.locator("input[name=moved][value=no]").check()
    page.locator("input[name=basic_care][value=yes]").check()
    page.locator("input[name=mood][value='4']").check()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Current streak: 6 days")).to_be_visible()
    expect(page.get_by_role("img", name="Mood per day for the last 30 days")).to_be_visible()
    assert SelfCareCheckIn.objects.filter(user=person).count() == 22
    page.screenshot(path=artifacts / "program-selfcare.png", full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=artifacts / "program-selfcare-phone.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})

    page.goto(live_server.url + "/stages/summary/")
    expect(page.get_by_role("heading", name="Your personal summary")).to_be_visible()
    expect(page.get_by_text("Give first")).to_be_visible()
    page.screenshot(path=artifacts / "program-summary.png", full_page=True)
    page.emulate_media(media="print")
    page.screenshot(path=artifacts / "program-summary-print.png", full_page=True)


def test_exercise_pages_render_without_csp_errors(live_server, page, artifacts, noon_today):
    """Every exercise page, with some data, and not one Content-Security-Policy complaint."""
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    sign_up(page, live_server, "pages@example.com")
    from django.contrib.auth import get_user_model

    person = get_user_model().objects.get(email="pages@example.com")
    ContactFactory(user=person)
    HeldMessageFactory(user=person)
    HeldMessageFactory(
        user=person, text="Ready now.", ready_at=timezone.now() - datetime.timedelta(days=1)
    )
    ResponsibilityFactory(user=person)

    # Every answer no, so that every exercise shows its form (for a person who said yes, the
    # steps towards the ex are set aside: tests/browser/test_readers.py walks those).
    page.goto(live_server.url + "/stages/")
    for key in ("violence", "threats", "controlled", "afraid", "children"):
        page.locator(f"input[name={key}][value=no]").check()
    page.get_by_role("button", name="Save my answers").click()
    expect(page.get_by_role("heading", level=1, name="The program")).to_be_visible()

    found = {}
    for name, path in [
        ("overview", "/stages/"),
        ("stage-4", "/stages/never-lower-your-value/"),
        ("faq", "/stages/faq/"),
        ("apology", "/stages/exercises/apology/"),
        ("selfcare-page", "/stages/exercises/self-care/"),
        ("checkin", "/stages/exercises/self-care/today/"),
        ("summary-page", "/stages/summary/"),
        ("safety-retake", "/stages/safety-check/"),
        ("contacts", "/stages/exercises/contacts/"),
        ("feelings", "/stages/exercises/feelings/"),
        ("reach-out", "/stages/exercises/reach-out/"),
        ("messages", "/stages/exercises/messages/"),
        ("responsibility", "/stages/exercises/responsibility/"),
        ("memories", "/stages/exercises/memories/"),
        ("readiness", "/stages/exercises/are-you-sure/"),
    ]:
        for scheme in ("dark", "light"):
            # Set the scheme before loading, so no colour transition is caught half-way.
            page.emulate_media(color_scheme=scheme)
            page.goto(live_server.url + path)
            for rule, targets in axe_violations(page).items():
                found[f"{name} [{scheme}] {rule}"] = targets
        page.screenshot(path=artifacts / f"program-{name}.png", full_page=True)

    page.goto(live_server.url + "/stages/exercises/patterns/")
    page.locator("input[name=taking_value][value=yes]").check()
    page.locator("#id_taking_value_habit_1").fill("Give first.")
    page.locator("input[name=less_invested][value=no]").check()
    page.locator("#id_less_invested_habit_1").fill("Text back slower.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("(1 of 3 so far)")).to_be_visible()
    # Beside a no, habits are optional: what was typed stays, with no error of its own.
    expect(page.locator("#id_less_invested_habit_1")).to_have_value("Text back slower.")
    expect(page.locator(".invalid-feedback", has_text="leave the habits empty")).to_have_count(0)
    page.screenshot(path=artifacts / "program-patterns-errors.png", full_page=True)

    for rule, targets in axe_violations(page).items():
        found[f"patterns-errors {rule}"] = targets
    held = HeldMessageFactory._meta.model.objects.filter(user=person)
    for m in held:
        page.goto(live_server.url + f"/stages/exercises/messages/{m.pk}/")
        for rule, targets in axe_violations(page).items():
            found[f"message {m.pk} {rule}"] = targets
    page.screenshot(path=artifacts / "program-message-ready.png", full_page=True)

    page.get_by_role("link", name="Home").first.click()
    page.screenshot(path=artifacts / "program-dashboard-safety.png", full_page=True)
    for rule, targets in axe_violations(page).items():
        found[f"dashboard {rule}"] = targets
    (artifacts / "program-axe.json").write_text(json.dumps(found, indent=2))
    assert not found, "axe findings: see test-artifacts/program-axe.json"
    assert not [p for p in problems if "Content Security Policy" in p], problems

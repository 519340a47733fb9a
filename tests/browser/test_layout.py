"""The layout at a phone's width and at a desktop's, measured in Chromium: no sideways page
scroll at 320 px, a one-row header whose menu opens without JavaScript, the mood chart opening
on the latest days with 12 px labels, check-ins as cards, and the stage text with the program
beside it on a wide screen. Each page is also screenshotted to test-artifacts/layout/."""

import random
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser.helpers import log_in
from tests.browser.layout import CONTROLS, HEADER, REFLOW

PHONE = {"width": 320, "height": 640}
PHONE_WIDE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

PERSON_PAGES = [
    "/dashboard/",
    "/stages/",
    "/stages/say-sorry/",
    "/stages/exercises/apology/",
    "/stages/exercises/self-care/",
    "/stages/exercises/self-care/today/",
    "/stages/exercises/contacts/",
    "/stages/exercises/messages/",
    "/stages/exercises/patterns/",
    "/stages/exercises/memories/",
    "/stages/summary/",
    "/journal/",
    "/journal/new/",
    "/account/",
]
VISITOR_PAGES = ["/", "/about/", "/accounts/login/", "/accounts/signup/"]


@pytest.fixture
def person(transactional_db, user, noon_today):
    """Someone well into the program, with a month of check-ins and a journal."""
    from demo import seed as demo

    rng = random.Random(7)  # noqa: S311
    demo.fill_program([user], rng=rng, today=timezone.localdate())
    demo.fill_journal([(user, 12)], rng=rng, days=30)
    return user


@pytest.fixture
def shots(artifacts):
    out = artifacts / "layout"
    out.mkdir(exist_ok=True)
    return out


def shot_name(path, size, scheme="light"):
    return f"{re.sub(r'[^a-z0-9]+', '-', path.strip('/')) or 'home'}-{size['width']}-{scheme}.png"


def check_pages(page, base, paths, shots):
    problems = {}
    for path in paths:
        for size in (PHONE, PHONE_WIDE, DESKTOP):
            page.set_viewport_size(size)
            response = page.goto(base + path)
            assert response is not None and response.status == 200, path
            page.screenshot(path=shots / shot_name(path, size), full_page=True)
            found = page.evaluate(REFLOW) + page.evaluate(HEADER)
            if size is PHONE:
                found += page.evaluate(CONTROLS)
                page.emulate_media(color_scheme="dark")
                page.goto(base + path)
                page.screenshot(path=shots / shot_name(path, size, "dark"), full_page=True)
                found += [f"dark: {problem}" for problem in page.evaluate(CONTROLS)]
                page.emulate_media(color_scheme="light")
            if found:
                problems[f"{path} at {size['width']}px"] = found
    return problems


def test_visitor_pages_reflow_with_a_one_row_header(live_server, page, shots):
    """A visitor's pages never scroll sideways on a small phone and keep a one-row header."""
    problems = check_pages(page, live_server.url, VISITOR_PAGES, shots)
    assert not problems, problems


def test_person_pages_reflow_with_a_one_row_header(live_server, page, person, password, shots):
    """Signed-in pages never scroll sideways on a small phone and keep a one-row header."""
    log_in(page, live_server, person.email, password)
    problems = check_pages(page, live_server.url, PERSON_PAGES, shots)
    assert not problems, problems


def test_phone_menu_opens_without_javascript(live_server, browser, person, password, shots):
    """On a phone with JavaScript off, Menu still opens to the journal, Log out and quick exit."""
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/accounts/login/")
        page.locator("#id_login").fill(person.email)
        page.locator("#id_password").fill(password)
        page.get_by_role("button", name="Log in", exact=True).click()
        page.wait_for_url(re.compile(r"/dashboard/$"))
        journal = page.get_by_role("link", name="Journal", exact=True)
        assert not journal.is_visible()
        page.get_by_text("Menu", exact=True).click()
        page.screenshot(path=shots / "menu-open-320.png")
        assert journal.is_visible()
        assert page.get_by_role("button", name="Log out").is_visible()
        assert page.locator(".site-header [data-quick-exit]").is_visible()
        journal.click()
        page.wait_for_url(re.compile(r"/journal/$"))
    finally:
        context.close()


def test_mood_chart_opens_on_the_latest_days_with_readable_labels(
    live_server, page, person, password
):
    """On a phone the mood chart opens on the latest days, with labels at least 12 px tall."""
    log_in(page, live_server, person.email, password)
    page.set_viewport_size(PHONE_WIDE)
    page.goto(live_server.url + reverse("progress:selfcare"))
    figures = page.evaluate(
        """() => {
          const box = document.querySelector('.chart-scroll');
          const svg = box.querySelector('svg');
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const labels = [...svg.querySelectorAll('text.axis')];
          const last = labels[labels.length - 1].getBoundingClientRect();
          const seen = box.getBoundingClientRect();
          return {
            scrolls: box.scrollWidth > box.clientWidth,
            lastInView: last.left >= seen.left && last.right <= seen.right + 1,
            smallest: Math.min(...labels.map(
              t => parseFloat(getComputedStyle(t).fontSize) * scale)),
          };
        }"""
    )
    assert figures["scrolls"], "at 390px the chart should scroll inside its box"
    assert figures["lastInView"], "the chart opened away from today's end"
    assert figures["smallest"] >= 12, figures


def test_check_ins_are_cards_on_a_phone_and_a_table_on_a_desktop(
    live_server, page, person, password
):
    """Check-ins show as labelled cards on a phone and as a table on a desktop."""
    log_in(page, live_server, person.email, password)
    url = live_server.url + reverse("progress:selfcare")
    page.set_viewport_size(PHONE)
    page.goto(url)
    row = page.locator(".table-cards tbody tr").first
    assert row.evaluate("tr => getComputedStyle(tr).display") == "grid"
    mood = row.locator("td[data-label=Mood]")
    assert mood.evaluate("td => getComputedStyle(td, '::before').content") == '"Mood:"'
    assert page.evaluate("() => document.querySelector('.table-responsive').scrollWidth") <= 320
    page.set_viewport_size(DESKTOP)
    page.goto(url)
    assert row.evaluate("tr => getComputedStyle(tr).display") == "table-row"


def test_stage_page_has_the_program_beside_the_text_on_a_desktop(
    live_server, page, person, password, shots
):
    """On a desktop a stage's exercise and progress sit at the top, beside its text."""
    log_in(page, live_server, person.email, password)
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + reverse("progress:detail", args=["say-sorry"]))
    main = page.locator(".stage-main").bounding_box()
    aside = page.locator(".stage-aside").bounding_box()
    assert aside["x"] >= main["x"] + main["width"], (main, aside)
    assert aside["y"] < 400, "the exercise and the progress start at the top, beside the text"
    assert page.get_by_role("link", name="Sincerity check and apology draft").is_visible()
    assert not page.get_by_role("link", name="Go to this stage's exercise").is_visible()


@pytest.mark.parametrize("height", [720, 800])
def test_the_stage_pages_program_column_grows_and_ends_cleanly_at_1280(
    live_server, page, person, password, shots, height
):
    """On a 1280 px screen the program beside a stage scrolls with the page, its last link whole.

    At 1280 px the column beside the stage text held every section in a scroll box taller
    than the window, its last link cut in half. It is no scroll box now: scrolling the page
    brings its last link fully into view."""
    log_in(page, live_server, person.email, password)
    page.set_viewport_size({"width": 1280, "height": height})
    page.goto(live_server.url + reverse("progress:detail", args=["say-sorry"]))
    aside = page.locator(".stage-aside")
    scroll_height, client_height, overflow = aside.evaluate(
        "a => [a.scrollHeight, a.clientHeight, getComputedStyle(a).overflowY]"
    )
    assert overflow == "visible" and scroll_height <= client_height + 1
    page.screenshot(path=shots / f"stage-page-1280x{height}.png")
    last = aside.locator(".outline-list li").last.get_by_role("link")
    last.scroll_into_view_if_needed()
    box = last.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, box
    page.screenshot(path=shots / f"stage-page-1280x{height}-end-of-column.png")

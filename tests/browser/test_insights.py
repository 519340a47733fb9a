"""A person with a month of check-ins and a few contacts opens their insights from the
dashboard, and reads at 320 and 1280 px, in both colour schemes, how their mood differed on
days with and without contact, next to a chart and a table (issue 25)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from progress.models import Urge
from tests.browser.helpers import axe_violations
from tests.factories import UserFactory
from tests.factories.progress import CheckInFactory, ContactFactory, UrgeFactory
from tests.factories.safety import SafetyCheckFactory

from .helpers import log_in
from .layout import REFLOW

DAY = datetime.timedelta(days=1)
SIZES = {"320": {"width": 320, "height": 720}, "1280": {"width": 1280, "height": 900}}


def a_month(user):
    """Thirty days of check-ins, contact on six of them, and urges most weeks."""
    today = timezone.localdate()
    contacts = (27, 23, 18, 13, 8, 3)
    for days_ago in range(30):
        if days_ago in contacts:
            mood, hours = 2, "6.0"
        elif days_ago + 1 in contacts:
            mood, hours = 3, "7.0"
        else:
            mood, hours = 3 + days_ago % 2, "7.5"
        CheckInFactory(
            user=user, date=today - days_ago * DAY, mood=mood, hours_slept=Decimal(hours)
        )
    for days_ago in contacts:
        ContactFactory(user=user, date=today - days_ago * DAY)
    for days_ago in (1, 2, 5, 9, 12, 16, 20, 26):
        outcome = Urge.Outcome.REACHED_OUT if days_ago in (9, 20) else Urge.Outcome.WAITED
        UrgeFactory(user=user, created_at=timezone.now() - days_ago * DAY, outcome=outcome)


@pytest.mark.parametrize("afraid", [False, True], ids=["everyone", "unsafe"])
def test_insights_from_the_dashboard_at_320_and_1280_in_both_schemes(
    live_server, page, artifacts, noon_today, afraid
):
    """From the dashboard, the insights read well at 320 and 1280 px, light and dark, for anyone."""
    user = UserFactory()
    SafetyCheckFactory(user=user, afraid=afraid)
    a_month(user)
    reader = "unsafe" if afraid else "everyone"
    link = (
        "How you have felt after contact" if afraid else "Insights: your mood beside your contact"
    )
    log_in(page, live_server, user.email)

    page.get_by_role("link", name=link).click()

    heading = "How you have felt after contact" if afraid else "Your mood beside your contact"
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    contact_words = "On days there was contact" if afraid else "On days with contact"
    expect(
        page.get_by_text(f"{contact_words}, your mood averaged 2.0 out of 5, over 6 days.")
    ).to_be_visible()
    expect(page.get_by_role("img", name="Mood per day from")).to_be_visible()
    expect(page.get_by_role("table").first).to_be_visible()
    if afraid:
        expect(
            page.get_by_role("link", name="Helplines and support on the Safety page")
        ).to_be_visible()
    found = {}
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        for size, viewport in SIZES.items():
            page.set_viewport_size(viewport)
            page.reload()
            if size == "320" and (problems := page.evaluate(REFLOW)):
                found[f"{scheme} {size} reflow"] = problems
            found.update(
                {
                    f"{scheme} {size} {rule}": targets
                    for rule, targets in axe_violations(page).items()
                }
            )
            page.screenshot(
                path=artifacts / f"insights-{reader}-{size}-{scheme}.png", full_page=True
            )
    # On paper the charts are drawn in black and grey, whichever scheme the screen was in.
    page.emulate_media(media="print", color_scheme="dark")
    page.screenshot(path=artifacts / f"insights-{reader}-print.png", full_page=True)
    assert found == {}

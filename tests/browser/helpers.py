"""What several browser tests do the same way."""

import re

from django.core import mail
from playwright.sync_api import expect

from tests.factories import PASSWORD
from tests.tools import AXE

# The dashboard's heading: "Welcome" on a person's first sign-in, "Welcome back" after.
WELCOME = re.compile(r"^Welcome( back)?$")


def code_in_last_email():
    """The six digits of the latest confirmation email (codes, not links: settings.py)."""
    return re.search(r"^\s+(\d{6})$", mail.outbox[-1].body, re.MULTILINE).group(1)


def submit_log_in(page, email, password=PASSWORD):
    """Fill in and send the log-in form on the current page."""
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    # exact: "Log in with a passkey" would match too.
    page.get_by_role("button", name="Log in", exact=True).click()


def log_in(page, live_server, email, password=PASSWORD):
    """Log in through the log-in page and wait for the dashboard."""
    page.goto(live_server.url + "/accounts/login/")
    submit_log_in(page, email, password)
    expect(page.get_by_role("heading", name=WELCOME)).to_be_visible()


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def axe_violations(page):
    """axe-core's WCAG 2.2 A/AA findings for the current page, as {rule: [targets]}."""
    assert AXE.exists(), f"{AXE} is missing: axe-core is vendored there, the check cannot run"
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return {v["id"]: [n["target"] for n in v["nodes"]][:5] for v in result["violations"]}

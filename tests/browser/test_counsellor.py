"""A person with a month of check-ins, a few contacts, journal entries and a safety plan takes
their work to a counsellor: from the dashboard they choose what goes in, read the document at
320 and 1280 px, and print it. Chromium's PDF of it (prefer the page's own size, as a person's
Print does) is read back with poppler: US Letter or A4 as chosen, the title and date on every
page, page numbers, exactly what was chosen, and, in discreet mode, no name of the site.
Screenshots and the PDFs' pages are in test-artifacts/counsellor/."""

import datetime
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.utils import timezone
from django.utils.formats import date_format
from playwright.sync_api import expect

from tests import tools
from tests.browser.helpers import axe_violations
from tests.factories import UserFactory
from tests.factories.journal import EntryFactory
from tests.factories.progress import ApologyFactory, CheckInFactory, ContactFactory
from tests.factories.safety import SafetyCheckFactory, SafetyPlanFactory

from .helpers import log_in
from .layout import REFLOW

DAY = datetime.timedelta(days=1)
SIZES = {"320": {"width": 320, "height": 720}, "1280": {"width": 1280, "height": 900}}
# The paper pdfinfo names after the page size ("612 x 792 pts (letter)").
LETTER = "(letter)"
A4 = "(A4)"


@pytest.fixture
def poppler():
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        tools.skip_or_fail("pdfinfo/pdftotext not found (apt-get install -y poppler-utils)")


@pytest.fixture
def out(artifacts, request):
    """test-artifacts/counsellor/<test>/, emptied first."""
    folder = artifacts / "counsellor" / request.node.originalname
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def a_month(user):
    """Thirty days of check-ins with contact on six, two journal entries, an apology and a
    safety plan."""
    today = timezone.localdate()
    contacts = (27, 23, 18, 13, 8, 3)
    for days_ago in range(30):
        mood = 2 if days_ago in contacts else 3 + days_ago % 2
        CheckInFactory(
            user=user,
            date=today - days_ago * DAY,
            mood=mood,
            hours_slept=Decimal("7.0"),
            note=f"Check-in note {days_ago}",
        )
    for days_ago in contacts:
        ContactFactory(user=user, date=today - days_ago * DAY)
    ApologyFactory(user=user, draft="I am sorry I stopped listening to you.")
    SafetyPlanFactory(user=user, warning_signs="Not sleeping, and checking their profile.")
    EntryFactory(user=user, title="The walk by the river", body="I felt lighter by the river.")
    EntryFactory(user=user, title="A hard evening", body="Nobody else should read this one.")


def pdf(page, path) -> tuple[str, str]:
    """Print the page as a person's browser would (the page's own paper size) and read the PDF
    back: (pdfinfo's page size line, the text)."""
    page.emulate_media(media="print")
    page.pdf(path=path, prefer_css_page_size=True)
    page.emulate_media(media="screen")
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size:"))
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    text = subprocess.run(
        ["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=True
    ).stdout
    subprocess.run(["pdftoppm", "-png", "-r", "50", path, path.with_suffix("")], check=True)
    assert f"Page {pages} of {pages}" in text
    return size.split(":", 1)[1].strip(), text, pages


def test_a_month_of_work_becomes_a_printed_document_for_a_counsellor(
    live_server, page, out, noon_today, poppler
):
    """From the dashboard to a printed document holding exactly what was chosen, on Letter
    and then A4, read well at 320 and 1280 px."""
    user = UserFactory()
    SafetyCheckFactory(user=user)
    a_month(user)
    log_in(page, live_server, user.email)
    today = date_format(timezone.localdate(), "j F Y")

    page.get_by_role("link", name="Take to a counsellor").click()
    expect(page.get_by_role("heading", name="Take it to a counsellor", level=1)).to_be_visible()
    found = {}
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        if size == "320" and (problems := page.evaluate(REFLOW)):
            found[f"choose {size} reflow"] = problems
        found.update({f"choose {size} {r}": t for r, t in axe_violations(page).items()})
        page.screenshot(path=out / f"choose-{size}.png", full_page=True)

    # Exercises, check-ins and the safety plan; one of the two entries; Letter paper.
    page.get_by_label("Your safety plan").check()
    page.get_by_label("The walk by the river").check()
    page.get_by_label("US Letter").check()
    page.get_by_role("button", name="Make the document").click()

    expect(page.get_by_role("heading", name="Notes for my counsellor", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Mood per day from")).to_be_visible()
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        page.reload()
        if size == "320" and (problems := page.evaluate(REFLOW)):
            found[f"document {size} reflow"] = problems
        found.update({f"document {size} {r}": t for r, t in axe_violations(page).items()})
        page.screenshot(path=out / f"document-{size}.png", full_page=True)
    assert found == {}

    size, text, pages = pdf(page, out / "letter.pdf")
    assert size.endswith(LETTER), size
    assert pages >= 3  # the exercises, the check-ins and the plan each start a page
    assert text.count("Notes for my counsellor") >= pages  # the title in every page's margin
    assert text.count(today) >= pages  # and the date
    assert "Page 1 of" in text
    assert "I am sorry I stopped listening to you." in text
    assert "Check-in note 0" in text and "Check-in note 29" in text
    assert "Not sleeping, and checking their profile." in text
    assert "I felt lighter by the river." in text
    assert "Nobody else should read this one." not in text
    assert "Print or save as PDF" not in text  # the page's own buttons stay off the paper
    assert "Quick exit" not in text

    page.goto(page.url.replace("paper=letter", "paper=a4"))
    size, text, _ = pdf(page, out / "a4.pdf")
    assert size.endswith(A4), size
    assert "I felt lighter by the river." in text


def test_in_discreet_mode_the_printed_document_never_names_the_site(
    live_server, page, out, noon_today, poppler
):
    """A person in discreet mode prints a document with no name of the site on any page."""
    user = UserFactory(discreet=True)
    SafetyCheckFactory(user=user)
    a_month(user)
    log_in(page, live_server, user.email)

    page.get_by_role("link", name="Take to a counsellor").click()
    page.get_by_role("button", name="Make the document").click()
    expect(page.get_by_role("heading", name="Notes for my counsellor", level=1)).to_be_visible()

    _, text, _ = pdf(page, out / "discreet.pdf")
    assert "exback" not in text.lower()
    assert "Check-in note 0" in text
    assert "exback" not in page.title().lower()


def test_for_an_unsafe_reader_the_choice_and_document_speak_to_their_safety(
    live_server, page, out, noon_today
):
    """Someone who said they were afraid reads, at 320 px, where a copy might be found and a
    link to the Safety page, and their document offers their danger check, not the decision
    aid."""
    user = UserFactory()
    SafetyCheckFactory(user=user, afraid=True)
    a_month(user)
    log_in(page, live_server, user.email)
    page.set_viewport_size(SIZES["320"])

    page.get_by_role("link", name="Take to a counsellor or support worker").click()
    expect(page.get_by_text("Think first about where it will be kept.")).to_be_visible()
    expect(page.get_by_role("link", name="The Safety page")).to_be_visible()
    expect(page.get_by_label("Your danger check answers")).to_be_visible()
    page.screenshot(path=out / "choose-unsafe-320.png", full_page=True)
    page.get_by_label("Your danger check answers").check()
    page.get_by_role("button", name="Make the document").click()

    expect(
        page.get_by_role("heading", name="Notes for my counsellor or support worker", level=1)
    ).to_be_visible()
    expect(page.get_by_role("heading", name="My danger check answers", level=2)).to_be_visible()
    expect(page.get_by_text("I am sorry I stopped listening to you.")).to_have_count(0)
    assert page.evaluate(REFLOW) == []
    page.screenshot(path=out / "document-unsafe-320.png", full_page=True)

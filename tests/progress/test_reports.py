"""The signed-in landing page: progress, where to continue, and the program's figures."""

import datetime
import re

from django.urls import reverse
from django.utils import timezone

from progress.models import StageProgress
from stages.models import Stage
from tests.clock import frozen
from tests.factories.progress import (
    ApologyFactory,
    CheckInFactory,
    ContactFactory,
    HeldMessageFactory,
    MemoryFactory,
    StageProgressFactory,
)
from tests.factories.safety import SafetyCheckFactory

pytestmark = frozen

DAY = datetime.timedelta(days=1)


def complete(user, *slugs):
    for slug in slugs:
        StageProgressFactory(
            user=user, stage=Stage.objects.get(slug=slug), status=StageProgress.Status.COMPLETED
        )


def test_new_person_sees_start_here_and_zero_progress(client_logged_in):
    """A new person's dashboard shows 0 of 7 stages, a Start here link and nothing saved yet."""
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert "0 of 7 stages completed" in page
    assert f'href="{reverse("progress:detail", args=["introduction"])}">Start here' in page
    assert "Nothing saved yet" in page
    assert "No contact noted yet" in page


def test_progress_bar_has_text_and_aria_values(client_logged_in, user):
    """The progress bar says 3 of 7 in words and to screen readers; each stage shows its status."""
    complete(user, "say-sorry", "time-and-space", "take-responsibility")
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert "3 of 7 stages completed" in page
    assert 'aria-valuenow="3"' in page and 'aria-valuemax="7"' in page
    assert "pbar-3" in page
    assert page.count("Completed") == 3  # one status per stage: three done, four to go
    assert page.count("Not started") == 4


def heading(page):
    return re.search(r'<h1 class="h2">([^<]*)</h1>', page).group(1)


def test_first_sign_in_says_welcome_and_later_ones_welcome_back(client, user, password):
    """A new account's first sign-in is a welcome; from the next sign-in on, "Welcome back"."""
    assert user.last_login is None
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert heading(client.get(reverse("dashboard")).content.decode()) == "Welcome"
    # The whole of that first visit, not just its first page.
    assert heading(client.get(reverse("dashboard")).content.decode()) == "Welcome"
    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert heading(client.get(reverse("dashboard")).content.decode()) == "Welcome back"


def test_someone_who_signed_in_before_is_welcomed_back(client_logged_in, user):
    """Someone who has signed in before is greeted with Welcome back."""
    assert user.last_login is not None
    assert heading(client_logged_in.get(reverse("dashboard")).content.decode()) == "Welcome back"


def continue_link(page):
    found = re.search(r'href="([^"]+)">Continue where you left off: ([^<]+)</a>', page)
    return found and (found.group(1), found.group(2))


def visit(user, slug, when, status=StageProgress.Status.IN_PROGRESS):
    StageProgressFactory(
        user=user, stage=Stage.objects.get(slug=slug), last_visited_at=when, status=status
    )


def test_continue_goes_to_the_next_stage_after_one_just_completed(
    program_client, user, time_machine
):
    """After completing a stage, Continue leads to the next one, or back to one being worked on."""
    visit(user, "say-sorry", timezone.now() - DAY, StageProgress.Status.COMPLETED)
    # Marking a stage complete is also its latest visit.
    program_client.post(reverse("progress:complete", args=["take-care-of-yourself"]))
    page = program_client.get(reverse("dashboard")).content.decode()
    assert continue_link(page) == (
        reverse("progress:detail", args=["time-and-space"]),
        "Give your ex time and space",
    )
    program = program_client.get(reverse("progress:index")).content.decode()
    assert f'href="{reverse("progress:detail", args=["time-and-space"])}">Continue:' in program
    # Back at work in a stage not yet done, "Continue" returns to it.
    time_machine.shift(60)
    program_client.post(reverse("progress:start", args=["never-lower-your-value"]))
    page = program_client.get(reverse("dashboard")).content.decode()
    assert continue_link(page)[0] == reverse("progress:detail", args=["never-lower-your-value"])


def test_continue_skips_stages_already_completed_and_wraps_to_the_start(client_logged_in, user):
    """Continue skips completed stages and wraps round to the first one still open."""
    complete(user, "change-bad-patterns", "keep-in-mind", "are-you-sure")
    visit(user, "celebrate-the-good-times", timezone.now(), StageProgress.Status.COMPLETED)
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    # After the last stage come the closing note and the reflection, both done; the FAQ is
    # never "unfinished": back to the start, where the introduction is still open.
    assert continue_link(page)[0] == reverse("progress:detail", args=["introduction"])


def test_when_everything_is_complete_the_dashboard_offers_the_summary(client_logged_in, user):
    """Once every stage is complete, the dashboard offers the summary instead of Continue."""
    slugs = Stage.objects.exclude(kind=Stage.Kind.FAQ).values_list("slug", flat=True)
    for slug in slugs:
        visit(user, slug, timezone.now(), StageProgress.Status.COMPLETED)
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert continue_link(page) is None
    assert f'href="{reverse("progress:summary")}">You have finished every part' in page
    assert "Start here" not in page


def test_continue_links_to_the_last_stage_visited(client_logged_in, user):
    """Continue where you left off leads to the stage visited most recently."""
    StageProgressFactory(
        user=user,
        stage=Stage.objects.get(slug="say-sorry"),
        last_visited_at=timezone.now() - DAY,
    )
    StageProgressFactory(
        user=user, stage=Stage.objects.get(slug="time-and-space"), last_visited_at=timezone.now()
    )
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert (
        f'href="{reverse("progress:detail", args=["time-and-space"])}">Continue where you left off'
        in page
    )


def test_figures_streak_contact_and_waiting_messages(client_logged_in, user):
    """The dashboard shows the check-in streak, days since contact and messages still waiting."""
    today = timezone.localdate()
    for days_ago in range(0, 4):
        CheckInFactory(user=user, date=today - days_ago * DAY)
    ContactFactory(user=user, date=today - 9 * DAY)
    ContactFactory(user=user, date=today - 6 * DAY)
    soon = timezone.now() + datetime.timedelta(hours=5)
    HeldMessageFactory(user=user, ready_at=soon)
    HeldMessageFactory(user=user, ready_at=timezone.now() + 3 * DAY)
    HeldMessageFactory(user=user, ready_at=timezone.now() - DAY)  # ready, no longer waiting
    response = client_logged_in.get(reverse("dashboard"))
    assert response.context["streak"] == 4
    assert response.context["contact"]["days_since"] == 6
    assert response.context["waiting"]["count"] == 2
    assert response.context["waiting"]["next_ready"] == soon
    page = response.content.decode()
    assert "4 days" in page and "6 days" in page


def test_recent_activity_lists_latest_saves_without_private_text(client_logged_in, user):
    """Recent activity names what was saved lately but never shows the words written."""
    ApologyFactory(user=user, draft="PRIVATE-DRAFT")
    MemoryFactory(user=user, what="PRIVATE-MEMORY")
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert "Apology draft" in page and "Good memories" in page
    assert "PRIVATE" not in page


def test_dashboard_shows_the_safety_message_after_a_yes(client_logged_in, user):
    """After a yes to a safety question, the dashboard says safety comes first and links to help."""
    SafetyCheckFactory(user=user, afraid=True)
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert "Your safety comes first" in page
    assert reverse("safety:index") in page


def test_dashboard_counts_only_the_people_own_data(client_logged_in, other_user):
    """The dashboard's figures never count another person's progress or contacts."""
    complete(other_user, "say-sorry")
    ContactFactory(user=other_user)
    response = client_logged_in.get(reverse("dashboard"))
    assert response.context["progress"]["completed"] == 0
    assert response.context["contact"]["days_since"] is None

"""The dashboard and the summary show where a person is, what they wrote and what comes first."""

import datetime
import datetime as dt
import json
import re

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from progress.export import user_data
from progress.models import StageProgress
from safety import content as safety_content
from stages import content
from stages.models import Stage
from tests.clock import NOON, frozen
from tests.factories.progress import (
    ApologyFactory,
    CheckInFactory,
    ContactFactory,
    HeldMessageFactory,
    MemoryFactory,
    ReachOutCheckFactory,
    ReadinessFactory,
    ResponsibilityFactory,
    StageProgressFactory,
    UrgeFactory,
    apology_form_data,
    readiness_form_data,
)
from tests.factories.safety import DangerCheckFactory, SafetyCheckFactory, danger_check_form_data
from tests.helpers.html import page_text, urges_resisted

# The dashboard ----------------------------------------------------------------------------------
DAY = datetime.timedelta(days=1)


def complete(user, *slugs):
    for slug in slugs:
        StageProgressFactory(
            user=user, stage=Stage.objects.get(slug=slug), status=StageProgress.Status.COMPLETED
        )


@frozen
def test_new_person_sees_start_here_and_zero_progress(client_logged_in):
    """A new person's dashboard shows 0 of 7 stages, a Start here link and nothing saved yet."""
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert "0 of 7 stages completed" in page
    assert f'href="{reverse("progress:detail", args=["introduction"])}">Start here' in page
    assert "Nothing saved yet" in page
    assert "No contact noted yet" in page


@frozen
def test_progress_bar_has_text_and_aria_values(client_logged_in, user):
    """The progress bar says 3 of 7 in words and to screen readers; each stage shows its status."""
    complete(user, "say-sorry", "time-and-space", "take-responsibility")
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert "3 of 7 stages completed" in page
    assert 'aria-valuenow="3"' in page and 'aria-valuemax="7"' in page
    assert "pbar-3" in page
    assert page.count("Completed") == 3  # one status per stage: three done, four to go
    assert page.count("Not started") == 4


def continue_link(page):
    found = re.search(r'href="([^"]+)">Continue where you left off: ([^<]+)</a>', page)
    return found and (found.group(1), found.group(2))


def visit(user, slug, when, status=StageProgress.Status.IN_PROGRESS):
    StageProgressFactory(
        user=user, stage=Stage.objects.get(slug=slug), last_visited_at=when, status=status
    )


@frozen
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


@frozen
def test_continue_skips_stages_already_completed_and_wraps_to_the_start(client_logged_in, user):
    """Continue skips completed stages and wraps round to the first one still open."""
    complete(user, "change-bad-patterns", "keep-in-mind", "are-you-sure")
    visit(user, "celebrate-the-good-times", timezone.now(), StageProgress.Status.COMPLETED)
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    # After the last stage come the closing note and the reflection, both done; the FAQ is
    # never "unfinished": back to the start, where the introduction is still open.
    assert continue_link(page)[0] == reverse("progress:detail", args=["introduction"])


@frozen
def test_when_everything_is_complete_the_dashboard_offers_the_summary(client_logged_in, user):
    """Once every stage is complete, the dashboard offers the summary instead of Continue."""
    slugs = Stage.objects.exclude(kind=Stage.Kind.FAQ).values_list("slug", flat=True)
    for slug in slugs:
        visit(user, slug, timezone.now(), StageProgress.Status.COMPLETED)
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert continue_link(page) is None
    assert f'href="{reverse("progress:summary")}">You have finished every part' in page
    assert "Start here" not in page


@frozen
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


@frozen
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


@frozen
def test_recent_activity_lists_latest_saves_without_private_text(client_logged_in, user):
    """Recent activity names what was saved lately but never shows the words written."""
    ApologyFactory(user=user, draft="PRIVATE-DRAFT")
    MemoryFactory(user=user, what="PRIVATE-MEMORY")
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert "Apology draft" in page and "Good memories" in page
    assert "PRIVATE" not in page


@frozen
def test_dashboard_shows_the_safety_message_after_a_yes(client_logged_in, user):
    """After a yes to a safety question, the dashboard says safety comes first and links to help."""
    SafetyCheckFactory(user=user, afraid=True)
    page = client_logged_in.get(reverse("dashboard")).content.decode()
    assert "Your safety comes first" in page
    assert reverse("safety:index") in page


@frozen
def test_dashboard_counts_only_the_people_own_data(client_logged_in, other_user):
    """The dashboard's figures never count another person's progress or contacts."""
    complete(other_user, "say-sorry")
    ContactFactory(user=other_user)
    response = client_logged_in.get(reverse("dashboard"))
    assert response.context["progress"]["completed"] == 0
    assert response.context["contact"]["days_since"] is None


# The dashboard after a yes to a safety question -------------------------------------------------


@pytest.mark.django_db
@frozen
def test_the_dashboard_leads_a_yes_person_to_help(afraid_client):
    """After a yes on the safety check, the dashboard's first button is Your safety plan."""
    html = afraid_client.get(reverse("dashboard")).content.decode()
    first_button = re.search(r'<a class="btn btn-primary" href="([^"]+)">([^<]+)</a>', html)
    assert first_button.groups() == ("/stages/safety-plan/", "Your safety plan")
    assert 'href="/safety/">Find help and support</a>' in html


@pytest.mark.django_db
@frozen
def test_the_dashboard_shows_a_yes_person_one_row_of_actions_without_repeats(afraid_client):
    """After a yes on the safety check, the dashboard has one row of buttons, none repeated."""
    html = afraid_client.get(reverse("dashboard")).content.decode()
    rows = re.findall(r'<div class="main-actions[^"]*">(.*?)</div>', html, re.S)
    assert len(rows) == 1
    links = re.findall(r'<a class="btn[^"]*" href="([^"]+)"', html)
    assert len(links) == len(set(links)), links  # no button twice on the page
    assert len(re.findall(r'<a class="btn', rows[0])) <= 5


@pytest.mark.django_db
@frozen
def test_thirty_days_on_the_dashboard_asks_whether_anything_changed(program_client, user):
    """After a month the dashboard asks whether anything has changed since the safety check."""
    assert "Has anything changed?" not in program_client.get(reverse("dashboard")).content.decode()
    with time_machine.travel(NOON + dt.timedelta(days=31), tick=False):
        program_client.force_login(user)  # the first session has long expired
        html = program_client.get(reverse("dashboard")).content.decode()
    assert "Has anything changed?" in html


# The safety plan as the dashboard's main action -------------------------------------------------


@pytest.mark.django_db
@frozen
def test_a_yes_person_gets_the_plan_as_the_dashboards_main_action(client_logged_in, user):
    """After a yes on the safety check, Your safety plan is the dashboard's first button."""
    SafetyCheckFactory(user=user, afraid=True)
    html = client_logged_in.get(reverse("dashboard")).content.decode()
    first_button = re.search(r'<a class="btn btn-primary" href="([^"]+)">([^<]+)</a>', html)
    assert first_button.groups() == (
        reverse("safety:plan"),
        "Your safety plan",
    )


# Urges on the dashboard and in the summary ------------------------------------------------------
START = reverse("progress:reach_out_now")


@pytest.mark.django_db
@frozen
def test_no_one_sees_another_persons_urges(program_client, user, other_user):
    """No one sees another person's urges, on the dashboard, the summary or the export."""
    UrgeFactory.create_batch(3, user=other_user, note="NOT-MINE")
    page = program_client.get(reverse("dashboard")).content.decode()
    assert re.search(r'id="fig-urges">Urges resisted</h2>\s*<p class="big mb-1">0</p>', page)
    assert "NOT-MINE" not in program_client.get(reverse("progress:summary")).content.decode()
    assert "NOT-MINE" not in json.dumps(user_data(user))


@pytest.mark.django_db
@frozen
def test_the_dashboard_button_starts_the_flow(program_client):
    """The dashboard's I want to reach out button opens the urge flow."""
    page = program_client.get(reverse("dashboard")).content.decode()
    assert f'href="{START}">I want to reach out</a>' in page


@pytest.mark.django_db
@frozen
def test_the_dashboard_counts_urges_resisted_and_a_relapse_is_no_failure(program_client, user):
    """The dashboard counts urges resisted and never calls reaching out a failure."""
    page = program_client.get(reverse("dashboard")).content.decode()
    assert urges_resisted(page) == "0"
    for outcome in ("waited", "held", "journal", "reached_out"):
        UrgeFactory(user=user, outcome=outcome)

    page = program_client.get(reverse("dashboard")).content.decode()

    assert urges_resisted(page) == "3"  # reaching out is counted as neither
    assert "Every hard moment you notice counts, whatever you did next." in page
    for word in ("relapse", "failed", "broke", "reset"):
        assert word not in page.lower()


@pytest.mark.django_db
@frozen
def test_the_dashboard_counts_days_without_contact(program_client, user):
    """The dashboard counts days without contact, or says none is noted yet."""
    page = program_client.get(reverse("dashboard")).content.decode()
    assert "Days without contact" in page
    assert "No contact noted yet." in page
    ContactFactory(user=user)  # five days ago
    page = program_client.get(reverse("dashboard")).content.decode()
    assert re.search(
        r'id="fig-contact">Days without contact</h2>\s*<p class="big mb-1">5 days', page
    )


@pytest.mark.django_db
@frozen
def test_the_summary_lists_urges_with_their_notes(program_client, user):
    """The summary counts the hard moments by how they ended and shows their notes."""
    UrgeFactory(user=user, note="Deleted the draft text.")
    UrgeFactory(user=user, outcome="reached_out", note="")
    page = program_client.get(reverse("progress:summary")).content.decode()
    assert "Hard moments you noted: 2." in page
    assert "You waited: 1. You reached out: 1.</p>" in page  # counts of none are left out
    assert "Deleted the draft text." in page


@pytest.mark.django_db
@frozen
def test_the_summary_says_so_kindly_when_there_are_none(program_client):
    """With no urges logged, the summary says no hard moments are noted yet."""
    assert (
        "No hard moments noted yet."
        in program_client.get(reverse("progress:summary")).content.decode()
    )


# The summary ------------------------------------------------------------------------------------
URL = reverse("progress:readiness")


@pytest.mark.django_db
@frozen
def test_the_summary_holds_the_reasons_and_the_concerns(program_client):
    """Your summary shows your reasons with their weights and the next step for each concern."""
    program_client.post(
        URL,
        {**readiness_form_data(band_aid="yes"), "against_1": "Old habits", "against_1_weight": "3"},
    )
    html = program_client.get(reverse("progress:summary")).content.decode()
    assert "Old habits (3)" in html
    assert "Reasons against (weight 3)" in html
    assert content.READINESS_CONCERNS["band_aid"][1] in html


# The apology's sincerity check --------------------------------------------------------------
APOLOGY = apology_form_data(seeking_approval="no", draft="I'm sorry I missed your exhibition.")


@pytest.mark.django_db
@frozen
def test_the_summary_holds_the_apology_and_its_sincerity_answers(program_client):
    """Your summary shows your apology draft and the reply to each doubtful sincerity answer."""
    program_client.post(
        reverse("progress:apology"), {**APOLOGY, "telling_them_what_they_want": "not_sure"}
    )
    html = program_client.get(reverse("progress:summary")).content.decode().replace("&#x27;", "'")
    assert "I'm sorry I missed your exhibition." in html
    assert content.SINCERITY_REPLIES["telling_them_what_they_want", "not_sure"] in html


@pytest.mark.django_db
@frozen
def test_the_summary_holds_everything_written_in_the_early_stages(program_client, user):
    """Your summary holds everything you wrote in the early stages, notes and memories included.

    The check-ins with their notes (the mood history), the contacts with what was
    noted, the held messages' words, the reach-out answers, and the memories' where and why."""
    from tests.factories.progress import (
        CheckInFactory,
        ContactFactory,
        HeldMessageFactory,
        MemoryFactory,
    )

    CheckInFactory(user=user, note="Slept badly, walked it off", mood=2)
    ContactFactory(user=user, how_it_went="Short and kind")
    HeldMessageFactory(user=user, text="I still think of the lake")
    ReachOutCheckFactory(user=user)
    MemoryFactory(user=user, what="Lake day", where="By the old pier", why_good="We laughed")
    html = program_client.get(reverse("progress:summary")).content.decode()
    for words in (
        "Slept badly, walked it off",
        "2 / 5",
        "Short and kind",
        "I still think of the lake",
        content.REACH_OUT_QUESTIONS[0][1],
        "By the old pier",
        "We laughed",
    ):
        assert words in html, words


# The summary: responsibilities ------------------------------------------------------------------


@frozen
def test_responsibility_factory_rows_show_on_the_summary(program_client, user):
    """Your part in what happened shows on the personal summary."""
    ResponsibilityFactory(user=user, my_part="MY-PART")
    assert "MY-PART" in program_client.get(reverse("progress:summary")).content.decode()


# The summary: held messages and the printed heading ---------------------------------------------


@frozen  # the message is cooling off for 24 hours from now
def test_summary_shows_held_message_counts_not_site_messages(program_client, user):
    """The summary says how many held messages are cooling off, not as a site alert."""
    from tests.factories.progress import HeldMessageFactory

    HeldMessageFactory(user=user)
    page = program_client.get(reverse("progress:summary")).content.decode()
    assert "Held messages: 1 cooling off" in page
    assert 'class="alert alert-info">waiting' not in page


def test_printed_summary_names_the_product_neutrally_in_discreet_mode(program_client, user):
    """The printed summary is headed exback, or Notes in discreet mode.

    The summary's print header names the product and the date; in discreet mode the
    product goes by its neutral name there."""
    head = 'class="print-only summary-head"><span class="summary-brand">'
    page = program_client.get(reverse("progress:summary")).content.decode()
    assert f"{head}exback</span>" in page
    user.discreet = True
    user.save()
    page = program_client.get(reverse("progress:summary")).content.decode()
    assert f"{head}{settings.DISCREET_NAME}</span>" in page


# The summary: the danger check ------------------------------------------------------------------
@pytest.mark.django_db
def test_the_summary_holds_the_danger_check_for_an_unsafe_person(afraid_client, user):
    """Your summary shows your danger check answers and what they mean, not the decision aid.

    The personal summary lists each question with its answer and what they mean, and
    nothing of the decision aid, even when it was answered before."""
    ReadinessFactory(user=user, reasons=[{"side": "for", "text": "Old times", "weight": 2}])
    DangerCheckFactory(user=user, answers=danger_check_form_data(weapon="not_sure"))
    text = page_text(afraid_client, reverse("progress:summary"))
    assert safety_content.DANGER_QUESTIONS[2][1] in text
    assert "<dd>Not sure</dd>" in text
    assert safety_content.DANGER_SUMMARY["urgent"] in text
    assert "Old times" not in text


@pytest.mark.django_db
def test_the_summary_shows_no_danger_check_to_a_person_with_no_yes(program_client, user):
    """Someone who said no to every safety question sees no danger check in their summary.

    The decision aid's summary as before for a person who said no to every safety
    question."""
    DangerCheckFactory(user=user)
    text = page_text(program_client, reverse("progress:summary"))
    assert "Danger check" not in text

""" "I want to reach out": the check, a moment to ground, and where it ends (issue 15, item 5).

Each ending logs one urge (a double submit logs one), its note sealed at rest; the dashboard
counts the urges resisted and the days without contact; anyone who said yes to a safety
question is offered support rather than a step towards their ex."""

import html
import json
import re
import uuid

import pytest
from django.db import connection
from django.urls import reverse

from progress.export import user_data
from progress.models import HeldMessage, ReachOutCheck, Urge
from tests.clock import frozen
from tests.factories.progress import (
    ContactFactory,
    ReachOutCheckFactory,
    UrgeFactory,
    reach_out_form_data,
    urge_form_data,
)
from vault import crypto

pytestmark = [pytest.mark.django_db, frozen]

START = reverse("progress:reach_out_now")
GROUND = reverse("progress:reach_out_now_ground")
END = reverse("progress:reach_out_now_end")
FLOW = [START, GROUND, END]

STEADY = reach_out_form_data()
PULLED = reach_out_form_data(desperate="yes", fine_without_reply="no", know_open="no")

# Words that only appear where the flow coaches someone towards contact.
REACH_OUT_COACHING = [
    "I want to reach out",
    "Am I acting out of desperation right now?",
    "Write it as a held message",
    "I reached out anyway",
]


def token():
    return str(uuid.uuid4())


def end(client, outcome, note="", submission_token=None):
    return client.post(
        END,
        urge_form_data(outcome=outcome, note=note, submission_token=submission_token or token()),
    )


def raw_notes():
    """The note column as stored, read with SQL rather than the ORM."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT note FROM {connection.ops.quote_name('progress_urge')}")  # noqa: S608
        return [row[0] for row in cursor.fetchall()]


# The flow ------------------------------------------------------------------------------------
def test_the_check_saves_the_reach_out_answers_and_leads_to_grounding(program_client, user):
    """The urge check asks afresh, saves the answers and leads to grounding that reflects them."""
    ReachOutCheckFactory(user=user)  # steady answers from weeks ago
    page = program_client.get(START).content.decode()
    assert "Am I acting out of desperation right now?" in page
    assert "checked" not in page  # asked afresh for this moment, not pre-filled

    response = program_client.post(START, {**PULLED, "version": "1"})

    assert response.status_code == 302
    assert response.url == GROUND
    assert ReachOutCheck.objects.get(user=user).answers == PULLED
    page = program_client.get(GROUND).content.decode()
    assert "Your latest answers suggest waiting a little" in page
    assert "Am I acting out of desperation right now?" in page
    assert "Breathe in slowly through your nose" in page
    assert "things you can see" in page
    assert f'href="{END}"' in page


def test_the_first_check_is_saved_too(program_client, user):
    """A first urge check is saved and leads to grounding, with no advice to wait if steady."""
    response = program_client.post(START, STEADY)
    assert response.url == GROUND
    assert ReachOutCheck.objects.get(user=user).answers == STEADY
    assert "suggest waiting" not in program_client.get(GROUND).content.decode()


def test_the_questions_can_be_skipped(program_client, user):
    """A person can skip the urge questions and go straight to grounding, saving nothing."""
    page = program_client.get(START).content.decode()
    assert f'href="{GROUND}">Skip the questions' in page
    assert program_client.get(GROUND).status_code == 200
    assert not ReachOutCheck.objects.filter(user=user).exists()


def test_an_unanswered_question_is_refused_next_to_it_and_nothing_changes(program_client, user):
    """An unanswered urge question is flagged beside it, and the earlier answers stay."""
    ReachOutCheckFactory(user=user)
    response = program_client.post(START, {**PULLED, "desperate": "", "version": "1"})
    assert response.status_code == 200
    assert "Please choose an answer." in response.content.decode()
    assert "Nothing was saved yet" in response.content.decode()
    assert ReachOutCheck.objects.get(user=user).answers["desperate"] == "no"


def test_the_check_sent_twice_goes_on_to_grounding_both_times(program_client, user):
    """Sending the urge check twice leads to grounding both times, with no conflict warning."""
    ReachOutCheckFactory(user=user)
    first = program_client.post(START, {**PULLED, "version": "1"})
    second = program_client.post(START, {**PULLED, "version": "1"})
    assert first.url == second.url == GROUND
    check = ReachOutCheck.objects.get(user=user)
    assert check.answers == PULLED and check.version == 2


def test_answers_changed_in_another_tab_meanwhile_are_shown_not_overwritten(program_client, user):
    """Answers changed in another tab meanwhile are shown, not overwritten."""
    ReachOutCheckFactory(user=user)
    program_client.post(reverse("progress:reach_out"), {**STEADY, "version": "1"})  # other tab
    response = program_client.post(START, {**PULLED, "version": "1"})
    assert response.status_code == 200
    assert "changed in another tab" in response.content.decode()
    assert ReachOutCheck.objects.get(user=user).answers == STEADY


def test_an_optional_wait_says_until_when(program_client):
    """Choosing to wait 10 minutes says until what time, with a countdown."""
    page = program_client.get(GROUND).content.decode()
    assert 'href="?wait=10">Wait 10 minutes' in page
    page = program_client.get(GROUND + "?wait=10").content.decode()
    assert "Stay with it until" in page
    assert '<time datetime="2026-03-18T12:10:00+00:00">12:10</time>' in page  # frozen at noon
    assert 'data-seconds="600"' in page


@pytest.mark.parametrize(
    "wait", ["7", "-10", "99999999999999999999", "9" * 5000, "1e3", "ten", "\u00b2", "010"]
)
def test_a_wait_that_is_not_offered_is_ignored(program_client, wait):
    """A made-up wait in the address shows the plain grounding page, with no countdown."""
    response = program_client.get(GROUND, {"wait": wait})
    assert response.status_code == 200
    assert "Stay with it until" not in response.content.decode()


@pytest.mark.parametrize(
    ("outcome", "goes_to", "says"),
    [
        ("waited", "dashboard", "You waited. That took strength"),
        ("held", "progress:held_messages", "nothing here is ever sent"),
        ("journal", "journal:new", "Only you can read it."),
        ("reached_out", "progress:contacts", "Noted, without judgement."),
    ],
)
def test_each_ending_logs_one_urge_and_leads_on(program_client, user, outcome, goes_to, says):
    """Each way a moment ends logs one urge with its note and leads to the right page."""
    page = program_client.get(END).content.decode()
    assert f'name="outcome" value="{outcome}"' in page

    response = end(program_client, outcome, note="The song came on in the shop.")

    assert response.status_code == 302
    assert response.url == reverse(goes_to)
    urge = Urge.objects.get(user=user)
    assert urge.outcome == outcome
    assert urge.note == "The song came on in the shop."
    assert says in program_client.get(response.url).content.decode()


def test_the_held_message_ending_opens_the_held_message_form(program_client, user):
    """Ending by holding a message opens the held message form, with nothing written yet."""
    response = end(program_client, "held")
    page = program_client.get(response.url).content.decode()
    assert 'name="text"' in page and "Hold this message" in page
    assert not HeldMessage.objects.filter(user=user).exists()  # written there, not here


def test_the_note_is_optional(program_client, user):
    """An urge can be logged without a note."""
    end(program_client, "waited")
    assert Urge.objects.get(user=user).note == ""


def test_the_note_is_sealed_at_rest(program_client, user):
    """An urge's note is unreadable in the database but reads back for its owner."""
    end(program_client, "waited", note="Zanzibar lighthouse, 3am")
    (stored,) = raw_notes()
    assert stored.startswith(crypto.TOKEN_PREFIX)
    assert "Zanzibar" not in stored and "lighthouse" not in stored
    assert Urge.objects.get(user=user).note == "Zanzibar lighthouse, 3am"


def test_a_double_submit_logs_one_urge(program_client, user):
    """A double submit, or a second button pressed, logs one urge with the first choice."""
    same = token()
    first = end(program_client, "waited", note="once", submission_token=same)
    second = end(program_client, "waited", note="once", submission_token=same)
    # A second button pressed before the first answer came: still the first choice.
    third = end(program_client, "reached_out", submission_token=same)
    assert first.url == second.url == third.url == reverse("dashboard")
    assert Urge.objects.filter(user=user).count() == 1
    assert Urge.objects.get(user=user).outcome == "waited"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"outcome": "waited", "note": "x" * 1001}, "at most 1000 characters"),
        ({"outcome": "sent_it"}, "That isn't one of the choices here."),
        ({"outcome": ""}, "Choose how this moment ended"),
        ({"note": "no button"}, "Choose how this moment ended"),
    ],
)
def test_bad_input_gets_a_message_and_saves_nothing(program_client, user, data, message):
    """A bad ending or an overlong note gets a message, keeps the note typed, and saves nothing."""
    response = program_client.post(END, {"submission_token": token(), **data})
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert message in page
    assert "Nothing was saved yet" in page
    if data.get("note"):
        assert data["note"] in page  # what was typed is kept
    assert not Urge.objects.exists()


# Whose it is -----------------------------------------------------------------------------------
@pytest.mark.parametrize("url", FLOW)
def test_a_visitor_is_sent_to_log_in(client, url):
    """A visitor opening any step of the urge flow is sent to log in, and nothing is logged."""
    for response in (client.get(url), client.post(url, {"outcome": "waited"})):
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    assert not Urge.objects.exists()


@pytest.mark.parametrize("url", FLOW)
def test_the_safety_check_comes_first(client_logged_in, url):
    """Someone who has not taken the safety check is sent there before the urge flow."""
    response = client_logged_in.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("safety:check"))


def test_another_persons_token_neither_finds_nor_touches_their_urge(
    program_client, user, other_user
):
    """Reusing another person's form token logs your own urge and leaves theirs untouched.

    The one-time token is looked up among the person's own urges only: reusing someone
    else's logs the person's own urge and leaves theirs as it was."""
    theirs = UrgeFactory(user=other_user, submission_token=uuid.uuid4(), note="Theirs.")
    response = end(program_client, "journal", submission_token=str(theirs.submission_token))
    assert response.url == reverse("journal:new")
    mine = Urge.objects.get(user=user)
    assert mine.outcome == "journal"
    theirs.refresh_from_db()
    assert (theirs.outcome, theirs.note) == ("waited", "Theirs.")


def test_no_one_sees_another_persons_urges(program_client, user, other_user):
    """No one sees another person's urges, on the dashboard, the summary or the export."""
    UrgeFactory.create_batch(3, user=other_user, note="NOT-MINE")
    page = program_client.get(reverse("dashboard")).content.decode()
    assert re.search(r'id="fig-urges">Urges resisted</h2>\s*<p class="big mb-1">0</p>', page)
    assert "NOT-MINE" not in program_client.get(reverse("progress:summary")).content.decode()
    assert "NOT-MINE" not in json.dumps(user_data(user))


# The dashboard -----------------------------------------------------------------------------------
def urges_resisted(page):
    return re.search(r'id="fig-urges">[^<]+</h2>\s*<p class="big mb-1">(\d+)</p>', page).group(1)


def test_the_dashboard_button_starts_the_flow(program_client):
    """The dashboard's I want to reach out button opens the urge flow."""
    page = program_client.get(reverse("dashboard")).content.decode()
    assert f'href="{START}">I want to reach out</a>' in page


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


def test_a_wait_is_counted_on_the_dashboard_straight_away(program_client):
    """After I waited, the dashboard says it took strength and counts it straight away."""
    response = end(program_client, "waited")
    page = program_client.get(response.url).content.decode()
    assert "You waited. That took strength" in page
    assert urges_resisted(page) == "1"
    assert "A hard moment, noted" in page  # recent activity


# The stage pages --------------------------------------------------------------------------------
@pytest.mark.parametrize("slug", ["time-and-space", "never-lower-your-value"])
def test_stages_three_and_four_carry_the_button_once(program_client, slug):
    """Stages three and four each show the I want to reach out button once."""
    page = program_client.get(reverse("progress:detail", args=[slug])).content.decode()
    assert page.count(f'href="{START}"') == 1
    assert "When the urge to get in touch hits" in page


@pytest.mark.parametrize("slug", ["say-sorry", "take-care-of-yourself"])
def test_other_stages_do_not(program_client, slug):
    """Other stages show no I want to reach out button."""
    page = program_client.get(reverse("progress:detail", args=[slug])).content.decode()
    assert f'href="{START}"' not in page


# Safety first ------------------------------------------------------------------------------------
def test_a_yes_person_is_offered_support_not_a_step_towards_their_ex(afraid_client, user):
    """Someone afraid of their ex finds support in the urge flow, never coaching towards contact."""
    pages = {url: afraid_client.get(url).content.decode() for url in FLOW}
    for url, page in pages.items():
        assert 'href="/safety/"' in page, url
        for words in REACH_OUT_COACHING:
            assert words not in page, (url, words)
    assert "Helplines and support on the Safety page" in pages[START]
    assert 'name="desperate"' not in pages[START]  # no questions about getting in touch
    assert 'value="waited"' in pages[END] and 'value="journal"' in pages[END]


def test_a_yes_person_is_not_asked_the_questions_even_by_post(afraid_client, user):
    """Someone afraid of their ex is never asked the reach-out questions, even by a crafted post."""
    response = afraid_client.post(START, STEADY)
    assert response.status_code == 200
    assert not ReachOutCheck.objects.filter(user=user).exists()


@pytest.mark.parametrize("outcome", ["held", "reached_out"])
def test_a_yes_person_cannot_choose_an_ending_towards_their_ex(afraid_client, outcome):
    """Someone afraid of their ex cannot end the moment by holding a message or reaching out."""
    response = end(afraid_client, outcome)
    assert response.status_code == 200
    assert "That isn't one of the choices here." in html.unescape(response.content.decode())
    assert not Urge.objects.exists()


def test_a_yes_person_gets_through_a_moment_and_sees_it_counted(afraid_client, user):
    """Someone afraid of their ex sees each moment got through counted, in gentler words."""
    response = end(afraid_client, "waited", note="Called my sister.")
    assert response.url == reverse("dashboard")
    page = afraid_client.get(response.url).content.decode()
    assert "You got through this moment." in page
    assert re.search(r'id="fig-urges">Hard moments you got through</h2>', page)
    assert urges_resisted(page) == "1"
    assert f'href="{START}">Having a hard moment?</a>' in page
    assert "I want to reach out" not in page


@pytest.mark.parametrize("slug", ["time-and-space", "never-lower-your-value"])
def test_a_yes_persons_stage_pages_offer_support_not_reaching_out(afraid_client, slug):
    """Someone afraid of their ex sees Having a hard moment? on stages three and four instead."""
    page = afraid_client.get(reverse("progress:detail", args=[slug])).content.decode()
    assert f'href="{START}">Having a hard moment?</a>' in page
    assert "I want to reach out" not in page


# The summary and the export -----------------------------------------------------------------------
def test_the_summary_lists_urges_with_their_notes(program_client, user):
    """The summary counts the hard moments by how they ended and shows their notes."""
    UrgeFactory(user=user, note="Deleted the draft text.")
    UrgeFactory(user=user, outcome="reached_out", note="")
    page = program_client.get(reverse("progress:summary")).content.decode()
    assert "Hard moments you noted: 2." in page
    assert "You waited: 1. You reached out: 1.</p>" in page  # counts of none are left out
    assert "Deleted the draft text." in page


def test_the_summary_says_so_kindly_when_there_are_none(program_client):
    """With no urges logged, the summary says no hard moments are noted yet."""
    assert (
        "No hard moments noted yet."
        in program_client.get(reverse("progress:summary")).content.decode()
    )


def test_the_export_holds_the_persons_urges_with_notes_readable(user, other_user):
    """The export holds your urges with readable notes, and none of anyone else's."""
    UrgeFactory(user=user, note="Went for a run.")
    UrgeFactory(user=user, outcome="journal", note="")
    UrgeFactory(user=other_user, note="NOT-MINE")
    data = json.loads(json.dumps(user_data(user)))
    assert [u["outcome"] for u in data["urges"]] == ["waited", "journal"]
    assert data["urges"][0]["note"] == "Went for a run."
    assert data["urges"][0]["created_at"].startswith("2026-03-18T12:00")
    assert "NOT-MINE" not in json.dumps(data)


def test_the_account_download_includes_urges(program_client, user):
    """The account's data download includes your urges and their notes."""
    UrgeFactory(user=user, note="Sat with it.")
    data = json.loads(program_client.get(reverse("account_export_json")).content)
    assert data["program"]["urges"][0]["note"] == "Sat with it."

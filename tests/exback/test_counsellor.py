"""Take to a counsellor (exback.counsellor): choosing what goes in, and one printable document
holding exactly that, for its owner only.

The clock stands at NOON (Wednesday 18 March 2026)."""

import datetime
import re
import uuid
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from exback.forms import CounsellorForm
from stages.content import everyone, unsafe
from tests.clock import frozen
from tests.factories import UserFactory
from tests.factories.journal import EntryFactory
from tests.factories.progress import (
    ApologyFactory,
    CheckInFactory,
    ContactFactory,
    MemoryFactory,
    ReadinessFactory,
    UrgeFactory,
)
from tests.factories.safety import DangerCheckFactory, SafetyCheckFactory, SafetyPlanFactory
from tests.helpers.html import main_text

pytestmark = frozen

CHOOSE = reverse("counsellor")
DOCUMENT = reverse("counsellor_document")
DAY = datetime.timedelta(days=1)
TODAY = datetime.date(2026, 3, 18)


def query(**overrides) -> dict:
    """The choosing form's fields as the browser sends them: the last 30 days, A4."""
    data = {
        "parts": ["exercises", "checkins", "safety_plan", "decision_aid"],
        "start": (TODAY - 29 * DAY).isoformat(),
        "end": TODAY.isoformat(),
        "paper": "a4",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def everything(user):
    """One of each thing the document can hold, each with words of its own."""
    ApologyFactory(user=user, draft="APOLOGY-MARKER I am sorry.")
    MemoryFactory(user=user, what="MEMORY-MARKER the lake")
    ReadinessFactory(user=user)
    SafetyPlanFactory(user=user, warning_signs="PLAN-MARKER late messages")
    for days_ago in range(10):
        CheckInFactory(
            user=user, date=TODAY - days_ago * DAY, mood=3, note=f"CHECKIN-MARKER-{days_ago}"
        )
    CheckInFactory(user=user, date=TODAY - 40 * DAY, mood=2, note="OLD-CHECKIN-MARKER")
    ContactFactory(user=user, date=TODAY - 2 * DAY)
    UrgeFactory(user=user)
    chosen = EntryFactory(user=user, title="Chosen entry", body="CHOSEN-ENTRY-MARKER")
    EntryFactory(user=user, title="Left entry", body="LEFT-ENTRY-MARKER")
    return chosen


# Who may open it ----------------------------------------------------------------------------
@pytest.mark.parametrize("url", [CHOOSE, DOCUMENT])
def test_a_visitor_is_sent_to_log_in(client, db, url):
    """Someone signed out is sent to log in, from either page."""
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_another_persons_entry_is_a_404(program_client, other_user):
    """Asking for another person's journal entry finds nothing: a 404, and none of their words."""
    theirs = EntryFactory(user=other_user, body="THEIR-WORDS")
    for url in (CHOOSE, DOCUMENT):
        response = program_client.get(url, query(entries=[str(theirs.pk)]))
        assert response.status_code == 404
        assert b"THEIR-WORDS" not in response.content


@pytest.mark.parametrize("bad", ["not-a-uuid", str(uuid.uuid4())])
def test_an_unknown_entry_is_a_404(program_client, bad):
    """An entry id that is no entry at all is a 404, not an error page."""
    assert program_client.get(DOCUMENT, query(entries=[bad])).status_code == 404


@pytest.mark.parametrize("url", [CHOOSE, DOCUMENT])
def test_posting_is_not_allowed(program_client, url):
    """Both pages only read: a POST is a 405."""
    assert program_client.post(url, query()).status_code == 405


def test_the_document_is_never_cached_and_its_one_style_has_a_nonce(program_client):
    """The document is not kept by the browser or anything between, and its inline style is
    allowed by this response's nonce alone."""
    response = program_client.get(DOCUMENT, query())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    nonce = re.search(r'<style nonce="([^"]+)">', response.content.decode())[1]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
    # Everywhere else the site's policy allows no inline style.
    assert "nonce" not in program_client.get(CHOOSE)["Content-Security-Policy"]


# Choosing -----------------------------------------------------------------------------------
def test_the_dashboard_links_to_it(program_client):
    """The dashboard has the link, in the words for this reader."""
    response = program_client.get(reverse("dashboard"))
    assert f'href="{CHOOSE}"' in response.content.decode()
    assert everyone.COUNSELLOR["link"] in main_text(response)


def test_the_choosing_page_lists_the_entries_of_the_last_30_days(program_client, user):
    """Entries of the last 30 days are listed to tick, newest first; older ones are not."""
    EntryFactory(user=user, title="Recent one")
    old = EntryFactory(user=user, title="An old one")
    old.created_at = timezone.now() - 45 * DAY
    old.save(update_fields=["created_at"])

    text = main_text(program_client.get(CHOOSE))

    assert "Recent one" in text
    assert "An old one" not in text
    assert "17 February 2026 to 18 March 2026" in text


def test_showing_other_dates_lists_their_entries_and_keeps_every_choice(program_client, user):
    """ "Show entries from these dates" lists that time's entries and keeps what was ticked."""
    recent = EntryFactory(user=user, title="Recent one")
    old = EntryFactory(user=user, title="An old one")
    old.created_at = timezone.now() - 45 * DAY
    old.save(update_fields=["created_at"])

    response = program_client.get(
        CHOOSE,
        query(
            parts=["safety_plan"],
            start=(TODAY - 60 * DAY).isoformat(),
            entries=[str(recent.pk)],
            paper="letter",
        ),
    )
    page = response.content.decode()

    assert "An old one" in main_text(response)
    assert re.search(rf'value="{recent.pk}"[^>]*checked', page)
    assert not re.search(rf'value="{old.pk}"[^>]*checked', page)
    assert re.search(r'value="safety_plan"[^>]*checked', page)
    assert not re.search(r'value="exercises"[^>]*checked', page)
    assert re.search(r'value="letter"[^>]*checked', page)
    assert f'value="{(TODAY - 60 * DAY).isoformat()}"' in page


def test_entries_ticked_before_the_dates_changed_stay_chosen(program_client, user):
    """An entry ticked, then the dates moved away from it: it is still there, ticked, and goes
    into the document."""
    old = EntryFactory(user=user, title="An old one", body="OLD-ENTRY-MARKER")
    old.created_at = timezone.now() - 45 * DAY
    old.save(update_fields=["created_at"])

    response = program_client.get(CHOOSE, query(entries=[str(old.pk)]))

    assert "Also chosen, from other dates:" in main_text(response)
    assert re.search(rf'value="{old.pk}"[^>]*checked', response.content.decode())
    document = program_client.get(DOCUMENT, query(parts=None, entries=[str(old.pk)]))
    assert "OLD-ENTRY-MARKER" in main_text(document)


def test_a_long_list_of_entries_says_it_shows_the_newest(program_client, user):
    """With more entries in the dates than the list holds, the page says which are shown."""
    EntryFactory.create_batch(101, user=user, indexed=False)
    text = main_text(program_client.get(CHOOSE))
    assert "Only the newest 100 are listed" in text


def test_a_person_in_the_us_is_offered_letter_paper(client, db):
    """The paper offered first follows the person's country: Letter in the US, A4 elsewhere."""
    american = UserFactory(country="US")
    client.force_login(american)
    assert re.search(r'value="letter"[^>]*checked', client.get(CHOOSE).content.decode())


# Bad input ----------------------------------------------------------------------------------
def test_choosing_nothing_says_so_and_keeps_the_dates(program_client):
    """Making a document of nothing explains why, and the dates typed are still there."""
    response = program_client.get(DOCUMENT, query(parts=None, start="2026-03-01"))
    assert response.status_code == 200
    assert "Choose at least one thing to include." in main_text(response)
    assert 'value="2026-03-01"' in response.content.decode()


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        ("2026-03-10", "2026-03-01", "end", "The last day comes on or after the first."),
        ("2025-01-01", "2026-03-18", "end", "Choose 366 days at most, a year."),
        ("2026-03-01", "2026-03-19", "end", "Choose a day between 1 January 2000 and today."),
        ("0001-01-01", "2026-03-18", "start", "Choose a day between 1 January 2000 and today."),
        ("yesterday", "2026-03-18", "start", "Enter a valid date."),
        ("", "2026-03-18", "start", "This field is required."),
    ],
)
def test_dates_that_do_not_hold_are_marked_next_to_the_field(
    program_client, start, end, field, message
):
    """A date out of order, too far apart, ahead of today or not a date gets its reason next to
    the field; no document is made."""
    response = program_client.get(DOCUMENT, query(start=start, end=end))
    form = response.context["form"]
    assert response.status_code == 200
    assert message in form.errors[field]
    assert message in main_text(response)
    assert "counsellor-document" not in response.content.decode()


def test_a_paper_or_part_that_is_not_offered_is_refused(program_client):
    """Only the offered parts and papers are accepted."""
    response = program_client.get(DOCUMENT, query(parts=["everything"], paper="a3"))
    assert set(response.context["form"].errors) == {"parts", "paper"}


def test_more_than_a_hundred_entries_is_refused(program_client, user):
    """One document holds 100 entries at most; asking for more says so."""
    ids = [str(e.pk) for e in EntryFactory.create_batch(101, user=user, indexed=False)]
    response = program_client.get(DOCUMENT, query(entries=ids))
    assert "Choose at most 100 entries for one document." in main_text(response)


# What the document holds --------------------------------------------------------------------
def test_the_document_holds_exactly_what_was_chosen(program_client, user):
    """Every part chosen is there with the person's words; the entry not ticked and the
    check-in outside the dates are not."""
    chosen = everything(user)

    response = program_client.get(DOCUMENT, query(entries=[str(chosen.pk)]))
    text = main_text(response)

    assert response.status_code == 200
    for marker in ("APOLOGY-MARKER", "MEMORY-MARKER", "PLAN-MARKER", "CHOSEN-ENTRY-MARKER"):
        assert marker in text
    assert all(f"CHECKIN-MARKER-{days_ago}" in text for days_ago in range(10))
    assert "LEFT-ENTRY-MARKER" not in text
    assert "OLD-CHECKIN-MARKER" not in text
    assert everyone.COUNSELLOR["document_title"] in text
    # The decision aid's answers, and the insights in words with their table and chart.
    assert everyone.COUNSELLOR["decision_aid_title"] in text
    assert "too few days to tell yet" in text
    assert '<svg role="img"' in response.content.decode()
    assert "/static/css/document.css" in response.content.decode()  # its page numbers


def test_each_part_is_left_out_unless_chosen(program_client, user):
    """With only the journal entry ticked, nothing else the person wrote is in the document."""
    chosen = everything(user)

    text = main_text(program_client.get(DOCUMENT, query(parts=None, entries=[str(chosen.pk)])))

    assert "CHOSEN-ENTRY-MARKER" in text
    for marker in ("APOLOGY-MARKER", "MEMORY-MARKER", "PLAN-MARKER", "CHECKIN-MARKER"):
        assert marker not in text
    assert everyone.COUNSELLOR["decision_aid_title"] not in text


def test_the_check_ins_cover_the_chosen_dates(program_client, user):
    """Check-ins and the insights' figures count the chosen dates only."""
    everything(user)

    response = program_client.get(
        DOCUMENT, query(parts=["checkins"], start=(TODAY - 45 * DAY).isoformat(), end="2026-03-10")
    )
    text = main_text(response)

    assert "OLD-CHECKIN-MARKER" in text
    assert "CHECKIN-MARKER-8" in text
    assert "CHECKIN-MARKER-7" not in text  # 11 March, after the last day chosen
    assert "Check-ins and insights, 1 February 2026 to 10 March 2026" in text
    assert "3 days with a check-in, 0 days with contact" in text


def test_the_chosen_entries_come_oldest_first_with_their_stage_and_mood(program_client, user):
    """Entries read in the order they were written, each with its date, mood and prompt."""
    first = EntryFactory(user=user, title="First", body="FIRST-BODY", mood=2, prompt="A prompt")
    first.created_at = timezone.now() - 3 * DAY
    first.save(update_fields=["created_at"])
    second = EntryFactory(user=user, title="Second", body="SECOND-BODY")

    text = main_text(
        program_client.get(DOCUMENT, query(parts=None, entries=[str(second.pk), str(first.pk)]))
    )

    assert text.index("FIRST-BODY") < text.index("SECOND-BODY")
    assert "Sunday 15 March 2026, 12:00 · Mood 2/5" in text
    assert "A prompt" in text


def test_the_paper_sets_the_page_size(program_client):
    """A4 or US Letter, as chosen, with the title and the date in the page margins."""
    a4 = program_client.get(DOCUMENT, query()).content.decode()
    letter = program_client.get(DOCUMENT, query(paper="letter")).content.decode()
    assert "size: A4;" in a4
    assert "size: letter;" in letter
    assert '@top-right { content: "18 March 2026"; }' in a4
    assert f'@top-left {{ content: "{everyone.COUNSELLOR["document_title"]}"; }}' in a4


def test_the_margin_texts_are_plain_enough_for_a_css_string():
    """The titles that go into the page margins have nothing that would end a CSS string."""
    for texts in (everyone.COUNSELLOR, unsafe.TEXTS["COUNSELLOR"]):
        assert not re.search(r'["\\<>&\n]', texts["document_title"])


def test_in_discreet_mode_the_document_never_names_the_site(client, db):
    """For a person in discreet mode, neither the document nor its title names exback."""
    person = UserFactory(discreet=True)
    SafetyCheckFactory(user=person)
    client.force_login(person)

    page = client.get(DOCUMENT, query()).content.decode()

    assert "exback" not in page.lower()
    # Without discreet mode the document says where it came from.
    person.discreet = False
    person.save(update_fields=["discreet"])
    assert "from my work in exback" in main_text(client.get(DOCUMENT, query()))


# For a person for whom reconnecting is unsafe -----------------------------------------------
def test_for_an_unsafe_reader_it_speaks_to_a_support_worker_and_holds_no_coaching(
    afraid_client, user
):
    """Someone who said they were afraid gets the words written for them, their danger check in
    place of the decision aid, and none of the exercises set aside for them, even ones written
    before."""
    everything(user)
    DangerCheckFactory(user=user)

    choose = main_text(afraid_client.get(CHOOSE))
    text = main_text(afraid_client.get(DOCUMENT, query()))

    written = unsafe.TEXTS["COUNSELLOR"]
    assert written["keep_safe"] in choose
    assert written["parts"]["decision_aid"] in choose
    assert written["document_title"] in text
    assert "Danger check (last saved" in text
    assert written["decision_aid_title"] in text
    assert "APOLOGY-MARKER" not in text  # the apology is set aside for this reader
    assert everyone.COUNSELLOR["decision_aid_title"] not in text


def test_the_unsafe_texts_have_every_part_everyone_has():
    """The unsafe reader's texts name every part and every line everyone's do."""
    written = unsafe.TEXTS["COUNSELLOR"]
    assert set(written) == set(everyone.COUNSELLOR)
    assert set(written["parts"]) == set(everyone.COUNSELLOR["parts"]) == set(CounsellorForm.PARTS)


# Bounded ------------------------------------------------------------------------------------
def test_a_year_of_history_costs_the_same_queries(
    program_client, user, django_assert_max_num_queries
):
    """The whole document, every part chosen with 100 entries, over a year of daily check-ins,
    takes a fixed number of queries."""
    start = TODAY - 365 * DAY
    for days_ago in range(366):
        CheckInFactory(user=user, date=TODAY - days_ago * DAY, mood=1 + days_ago % 5)
        if days_ago % 9 == 0:
            ContactFactory(user=user, date=TODAY - days_ago * DAY)
    UrgeFactory.create_batch(20, user=user)
    ids = [str(e.pk) for e in EntryFactory.create_batch(100, user=user, indexed=False)]
    ApologyFactory(user=user)
    MemoryFactory.create_batch(30, user=user)
    ReadinessFactory(user=user)
    SafetyPlanFactory(user=user)

    program_client.get(CHOOSE)  # the session's first request records where it is signed in
    with django_assert_max_num_queries(26):
        response = program_client.get(
            DOCUMENT, query(start=start.isoformat(), entries=ids, paper="letter")
        )

    assert response.status_code == 200
    assert "366 days with a check-in" in main_text(response)


def test_sleep_and_mood_figures_use_the_chosen_days(user):
    """The insights for chosen dates average only those days (progress.insights.between)."""
    from progress import insights

    for days_ago in range(10):
        CheckInFactory(user=user, date=TODAY - days_ago * DAY, mood=4, hours_slept=Decimal("8"))
    CheckInFactory(user=user, date=TODAY - 20 * DAY, mood=1, hours_slept=Decimal("3"))

    found = insights.between(user, TODAY - 9 * DAY, TODAY)

    without = found["groups"][2]
    assert (without["days"], without["mood"], without["sleep"]) == (
        10,
        Decimal("4.0"),
        Decimal("8.0"),
    )
    assert found["window_days"] == 10
    assert [w["end"] for w in found["urge_chart"]["weeks"]] == [TODAY - 3 * DAY, TODAY]

"""Each stage's exercise: saving, editing, and refusing bad input without saving anything."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from progress.models import (
    Apology,
    Contact,
    DateIdea,
    FeelingSign,
    HeldMessage,
    Memory,
    PatternAnswers,
    ReachOutCheck,
    Readiness,
    Responsibility,
    SelfCareCheckIn,
)
from stages import content
from tests.clock import frozen
from tests.factories.progress import (
    CheckInFactory,
    ContactFactory,
    HeldMessageFactory,
    MemoryFactory,
    ResponsibilityFactory,
    apology_form_data,
    checkin_form_data,
    contact_form_data,
    date_idea_form_data,
    feelings_form_data,
    held_message_form_data,
    memory_form_data,
    pattern_form_data,
    reach_out_form_data,
    readiness_form_data,
    responsibility_form_data,
)

pytestmark = frozen

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


# Stage 1: say sorry -------------------------------------------------------------------------
def test_apology_is_saved_and_edited_in_place(program_client, user):
    """An apology draft saves and is edited in place, and the page says it is never sent."""
    program_client.post(reverse("progress:apology"), apology_form_data())
    program_client.post(
        reverse("progress:apology"), apology_form_data(status="ready", draft="Better words.")
    )
    apology = Apology.objects.get(user=user)
    assert apology.status == "ready"
    assert apology.draft == "Better words."
    assert apology.sincerity["seeking_approval"] == "not_sure"
    page = program_client.get(reverse("progress:apology")).content.decode()
    assert "Better words." in page
    assert "never sends it anywhere" in page


@pytest.mark.parametrize(
    "bad", [{"draft": "x" * 5001}, {"has_reason": ""}, {"has_reason": "maybe"}, {"status": "sent"}]
)
def test_apology_bad_input_saves_nothing_and_keeps_what_was_typed(program_client, user, bad):
    """A bad apology form says nothing was saved yet, and keeps the draft as typed."""
    response = program_client.post(reverse("progress:apology"), apology_form_data(**bad))
    assert response.status_code == 200
    assert "Nothing was saved yet" in response.content.decode()
    typed = apology_form_data(**bad)["draft"].replace("'", "&#x27;")
    assert typed in response.content.decode()
    assert not Apology.objects.filter(user=user).exists()


# Stage 2: self-care check-ins ---------------------------------------------------------------
def test_todays_check_in_is_created_then_edited(program_client, user):
    """Today's check-in saved twice is one check-in, holding the second answers."""
    program_client.post(reverse("progress:checkin_today"), checkin_form_data())
    program_client.post(reverse("progress:checkin_today"), checkin_form_data(mood="2", moved="yes"))
    checkin = SelfCareCheckIn.objects.get(user=user)
    assert checkin.date == TODAY()
    assert checkin.mood == 2
    assert checkin.moved is True
    assert checkin.hours_slept == Decimal("7.5")


def test_new_check_in_defaults_to_today(program_client):
    """A new check-in's date starts as today."""
    form = program_client.get(reverse("progress:checkin_new")).context["form"]
    assert form["date"].value() == TODAY()


def test_a_missed_day_can_be_added(program_client, user):
    """A person can add a check-in for a day they missed."""
    program_client.post(reverse("progress:checkin_new"), checkin_form_data(date=TODAY() - 2 * DAY))
    assert SelfCareCheckIn.objects.get(user=user).date == TODAY() - 2 * DAY


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"hours_slept": "25"}, "less than or equal to 24"),
        ({"hours_slept": "-1"}, "greater than or equal to 0"),
        ({"hours_slept": "7.3"}, "multiple of step size 0.5"),
        ({"mood": "6"}, "Select a valid choice"),
        ({"mood": "0"}, "Select a valid choice"),
        ({"note": "x" * 1001}, "at most 1000 characters"),
        ({"ate_well": ""}, "This field is required"),
    ],
)
def test_check_in_bad_input_is_refused_next_to_the_field(program_client, user, bad, message):
    """An impossible check-in answer is refused with a message, and nothing is saved."""
    response = program_client.post(reverse("progress:checkin_today"), checkin_form_data(**bad))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SelfCareCheckIn.objects.filter(user=user).exists()


def test_check_in_for_a_future_date_is_refused(program_client, user):
    """A check-in dated in the future is refused, saying so."""
    response = program_client.post(
        reverse("progress:checkin_new"), checkin_form_data(date=TODAY() + DAY)
    )
    assert "That date is in the future" in response.content.decode()
    assert not SelfCareCheckIn.objects.filter(user=user).exists()


def test_second_check_in_for_the_same_day_gets_a_clear_error(program_client, user):
    """A second check-in for a day says there is one already, and the first stays as it was."""
    CheckInFactory(user=user, date=TODAY() - DAY, mood=1)
    response = program_client.post(
        reverse("progress:checkin_new"), checkin_form_data(date=TODAY() - DAY)
    )
    assert "You already have a check-in for" in response.content.decode()
    assert SelfCareCheckIn.objects.get(user=user).mood == 1


def test_past_check_ins_are_read_only(program_client, user):
    """The self-care page offers today's check-in, and saving it never changes an earlier day's."""
    CheckInFactory(user=user, date=TODAY() - DAY, mood=1)
    page = program_client.get(reverse("progress:selfcare")).content.decode()
    assert reverse("progress:checkin_today") in page  # the today button
    assert ">edit</a>" not in page
    # Today's check-in view never reaches an older day.
    program_client.post(reverse("progress:checkin_today"), checkin_form_data(mood="5"))
    assert SelfCareCheckIn.objects.get(user=user, date=TODAY() - DAY).mood == 1


def test_streak_counts_back_from_today_or_yesterday(user):
    """The streak counts unbroken days back from today, or from yesterday until today's check-in."""
    for days_ago in (1, 2, 3, 5):
        CheckInFactory(user=user, date=TODAY() - days_ago * DAY)
    assert SelfCareCheckIn.objects.for_user(user).streak(TODAY()) == 3
    CheckInFactory(user=user, date=TODAY())
    assert SelfCareCheckIn.objects.for_user(user).streak(TODAY()) == 4


@pytest.mark.parametrize(("days", "queries"), [(30, 1), (63, 1), (64, 2), (200, 2), (300, 3)])
def test_long_streaks_are_counted_in_full_from_a_recent_window(
    user, django_assert_num_queries, days, queries
):
    """Usually one query over the last two months; a longer streak widens the window."""
    SelfCareCheckIn.objects.bulk_create(
        CheckInFactory.build(user=user, date=TODAY() - n * DAY) for n in range(days)
    )
    CheckInFactory(user=user, date=TODAY() - (days + 1) * DAY)  # after a gap: not counted
    with django_assert_num_queries(queries):
        assert SelfCareCheckIn.objects.for_user(user).streak(TODAY()) == days


def test_streak_is_zero_after_a_missed_yesterday(user):
    """Missing yesterday, with no check-in yet today, shows a streak of zero."""
    CheckInFactory(user=user, date=TODAY() - 2 * DAY)
    assert SelfCareCheckIn.objects.for_user(user).streak(TODAY()) == 0


def test_self_care_page_has_an_accessible_chart_and_table(program_client, user):
    """The self-care mood chart is described for screen readers and repeated as a table."""
    CheckInFactory(user=user, date=TODAY(), mood=5)
    CheckInFactory(user=user, date=TODAY() - 3 * DAY, mood=2)
    CheckInFactory(user=user, date=TODAY() - 40 * DAY, mood=1)
    response = program_client.get(reverse("progress:selfcare"))
    page = response.content.decode()
    assert 'role="img"' in page and 'aria-labelledby="svg-title svg-desc"' in page
    assert "2 of 30 days have a check-in" in page
    assert page.count('class="bar mood-') == 2
    assert "<table" in page and "5 / 5" in page and "2 / 5" in page
    assert "style=" not in page
    assert "Current streak: 1 day" in page


# Stage 3: contacts and feelings -------------------------------------------------------------
def test_contact_is_added_edited_and_deleted(program_client, user):
    """A contact can be noted, edited and deleted."""
    program_client.post(reverse("progress:contacts"), contact_form_data())
    contact = Contact.objects.get(user=user)
    program_client.post(
        reverse("progress:contact_edit", args=[contact.pk]), contact_form_data(method="text")
    )
    contact.refresh_from_db()
    assert contact.method == "text"
    program_client.post(reverse("progress:contact_delete", args=[contact.pk]))
    assert not Contact.objects.filter(user=user).exists()


def test_contact_in_the_future_is_refused(program_client, user):
    """A contact dated in the future is refused, saying so."""
    response = program_client.post(
        reverse("progress:contacts"), contact_form_data(date=(TODAY() + 2 * DAY).isoformat())
    )
    assert "in the future" in response.content.decode()
    assert not Contact.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"how_it_went": "x" * 1001}, "at most 1000 characters"),
        ({"initiated_by": "someone"}, "Select a valid choice"),
        ({"method": "pigeon"}, "Select a valid choice"),
    ],
)
def test_contact_bad_input_saves_nothing(program_client, user, bad, message):
    """A contact with an overlong note or a made-up choice is refused with a message."""
    response = program_client.post(reverse("progress:contacts"), contact_form_data(**bad))
    assert message in response.content.decode()
    assert not Contact.objects.filter(user=user).exists()


def test_contacts_are_listed_newest_first(program_client, user):
    """Contacts are listed newest first, with the days since the last one."""
    ContactFactory(user=user, date=TODAY() - 10 * DAY, how_it_went="OLDER")
    ContactFactory(user=user, date=TODAY() - 4 * DAY, how_it_went="NEWER")
    page = program_client.get(reverse("progress:contacts")).content.decode()
    assert page.index("NEWER") < page.index("OLDER")
    assert "4 days since the last contact you noted" in page


@pytest.mark.parametrize(
    ("days_ago", "key"),
    [
        (None, "none"),
        (0, "too_soon"),
        (2, "too_soon"),
        (3, "balanced"),
        (30, "balanced"),
        (31, "too_long"),
    ],
)
def test_space_guidance_follows_the_documented_thresholds(program_client, user, days_ago, key):
    """The contact log's advice changes at 3 and at 31 days since the last contact."""
    if days_ago is not None:
        ContactFactory(user=user, date=TODAY() - days_ago * DAY)
    response = program_client.get(reverse("progress:contacts"))
    assert response.context["picture"]["guidance_key"] == key
    assert content.SPACE_GUIDANCE[key].replace("'", "&#x27;") in response.content.decode()


def test_feelings_checklist_saves_ticks_and_notes(program_client, user):
    """The feelings checklist keeps each tick and note across saves."""
    data = feelings_form_data()
    program_client.post(reverse("progress:feelings"), data)
    program_client.post(reverse("progress:feelings"), {**data, "regret_noticed": "on"})
    signs = {s.feeling: s for s in FeelingSign.objects.filter(user=user)}
    assert len(signs) == len(content.EX_FEELINGS)
    assert signs["longing"].noticed and signs["longing"].note == "They asked about the dog."
    assert signs["regret"].noticed and not signs["desire"].noticed


def test_feelings_note_is_limited_to_500(program_client, user):
    """A feelings note over 500 characters is refused, and nothing is saved."""
    response = program_client.post(reverse("progress:feelings"), {"regret_note": "x" * 501})
    assert "at most 500 characters" in response.content.decode()
    assert not FeelingSign.objects.filter(user=user).exists()


# Stage 4: before you reach out, held messages -----------------------------------------------
def test_reach_out_check_saves_and_flags_unhealthy_answers(program_client, user):
    """A desperate answer to the reach-out check suggests waiting, with reminders of your value."""
    data = reach_out_form_data(desperate="yes")
    program_client.post(reverse("progress:reach_out"), data)
    assert ReachOutCheck.objects.get(user=user).answers == data
    page = program_client.get(reverse("progress:reach_out")).content.decode()
    assert "suggest waiting" in page
    for reminder in content.VALUE_REMINDERS:
        assert reminder.replace("'", "&#x27;") in page


def test_a_held_message_stays_hidden_until_its_time(program_client, user):
    """A held message stays hidden until its time, and the pages say when that is."""
    program_client.post(
        reverse("progress:held_messages"),
        held_message_form_data(text="PLEASE-COME-BACK", hold_hours="48"),
    )
    message = HeldMessage.objects.get(user=user)
    assert message.status == "held"
    ready_at = timezone.now() + datetime.timedelta(hours=48)
    assert message.ready_at == ready_at
    listing = program_client.get(reverse("progress:held_messages")).content.decode()
    assert f"Waiting until {date_format(timezone.localtime(ready_at), 'j F, H:i')}" in listing
    detail = program_client.get(
        reverse("progress:message_detail", args=[message.pk])
    ).content.decode()
    assert "cooling off until" in detail
    assert date_format(timezone.localtime(ready_at), "l j F, H:i") in detail
    assert "PLEASE-COME-BACK" not in listing + detail


def test_a_waiting_message_can_be_let_go_but_not_marked_sent(program_client, user):
    """A message still cooling off can be let go, wiping it, but not marked sent or rewritten."""
    message = HeldMessageFactory(user=user)
    program_client.post(
        reverse("progress:message_decide", args=[message.pk]), {"decision": "sent_elsewhere"}
    )
    message.refresh_from_db()
    assert message.status == "held"
    assert (
        program_client.get(reverse("progress:message_rewrite", args=[message.pk])).status_code
        == 302
    )
    program_client.post(
        reverse("progress:message_decide", args=[message.pk]), {"decision": "let_go"}
    )
    message.refresh_from_db()
    assert message.status == "let_go" and message.text == ""


def test_a_ready_message_is_shown_with_the_check_and_can_be_marked_sent(program_client, user):
    """A ready message shows with the reach-out questions and can be marked as sent."""
    message = HeldMessageFactory(user=user, text="READY-TEXT", ready_at=timezone.now() - DAY)
    page = program_client.get(
        reverse("progress:message_detail", args=[message.pk])
    ).content.decode()
    assert "READY-TEXT" in page
    assert content.REACH_OUT_QUESTIONS[0][1] in page
    program_client.post(
        reverse("progress:message_decide", args=[message.pk]), {"decision": "sent_elsewhere"}
    )
    message.refresh_from_db()
    assert message.status == "sent_elsewhere" and message.decided_at


def test_rewriting_a_ready_message_restarts_the_hold(program_client, user):
    """Rewriting a ready message starts its cooling-off again."""
    message = HeldMessageFactory(user=user, ready_at=timezone.now() - DAY)
    program_client.post(
        reverse("progress:message_rewrite", args=[message.pk]),
        held_message_form_data(text="Gentler.", hold_hours="72"),
    )
    message.refresh_from_db()
    assert message.text == "Gentler." and message.is_waiting and message.hold_hours == 72


@pytest.mark.parametrize("bad", [{"text": "x" * 5001}, {"text": ""}, {"hold_hours": "5"}])
def test_held_message_bad_input_saves_nothing(program_client, user, bad):
    """An empty or overlong held message, or an odd hold time, saves nothing."""
    response = program_client.post(
        reverse("progress:held_messages"), held_message_form_data(**{"text": "Hi", **bad})
    )
    assert response.status_code == 200
    assert not HeldMessage.objects.filter(user=user).exists()


def test_unknown_decision_changes_nothing(program_client, user):
    """A made-up decision on a ready message leaves it held."""
    message = HeldMessageFactory(user=user, ready_at=timezone.now() - DAY)
    program_client.post(
        reverse("progress:message_decide", args=[message.pk]), {"decision": "send_now"}
    )
    message.refresh_from_db()
    assert message.status == "held"


def test_held_message_can_be_deleted(program_client, user):
    """A held message can be deleted."""
    message = HeldMessageFactory(user=user)
    program_client.post(reverse("progress:message_delete", args=[message.pk]))
    assert not HeldMessage.objects.filter(pk=message.pk).exists()


# Stage 5: responsibility --------------------------------------------------------------------
def test_responsibility_is_added_edited_and_deleted(program_client, user):
    """A responsibility entry can be added, edited and deleted."""
    data = responsibility_form_data()
    program_client.post(reverse("progress:responsibilities"), data)
    item = Responsibility.objects.get(user=user)
    program_client.post(
        reverse("progress:responsibility_edit", args=[item.pk]),
        {**data, "do_differently": "Calendar."},
    )
    item.refresh_from_db()
    assert item.do_differently == "Calendar."
    program_client.post(reverse("progress:responsibility_delete", args=[item.pk]))
    assert not Responsibility.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"what_happened": ""},
        {"my_part": ""},
        {"my_part": "x" * 2001},
        {"do_differently": "x" * 2001},
    ],
)
def test_responsibility_first_two_fields_are_required_and_all_limited(program_client, user, bad):
    """A responsibility entry needs what happened and your part, and overlong text is refused."""
    data = responsibility_form_data(**{"what_happened": "A", "my_part": "B", **bad})
    response = program_client.post(reverse("progress:responsibilities"), data)
    assert response.status_code == 200
    assert not Responsibility.objects.filter(user=user).exists()


def test_responsibility_page_shows_the_reminder(program_client):
    """The responsibility page shows its reminder."""
    page = program_client.get(reverse("progress:responsibilities")).content.decode()
    assert content.RESPONSIBILITY_REMINDER.replace("'", "&#x27;") in page


# Stage 6: patterns --------------------------------------------------------------------------
def test_patterns_save_three_habits_per_yes(program_client, user):
    """Each pattern answered yes saves its three new habits."""
    program_client.post(reverse("progress:patterns"), pattern_form_data())
    answers = PatternAnswers.objects.get(user=user).answers
    assert answers["taking_value"] == {
        "answer": "yes",
        "habits": ["Give first.", "Ask how they feel.", "See their side."],
    }
    assert answers["less_invested"] == {"answer": "no", "habits": []}


def test_habits_required_for_each_yes(program_client, user):
    """A yes with fewer than three habits says how many so far and keeps what was typed."""
    response = program_client.post(
        reverse("progress:patterns"), pattern_form_data(taking_value_habit_3="  ")
    )
    assert (
        "You answered yes: write three new habits for this pattern (2 of 3 so far)."
        in response.content.decode()
    )
    assert "Give first." in response.content.decode()
    assert not PatternAnswers.objects.filter(user=user).exists()


def test_habits_typed_beside_a_no_are_kept(program_client, user):
    """A no makes the habits optional: what the person typed anyway is saved, not refused."""
    response = program_client.post(
        reverse("progress:patterns"), pattern_form_data(less_invested_habit_2="Text back slower.")
    )
    assert response.status_code == 302
    answers = PatternAnswers.objects.get(user=user)
    assert answers.answers["less_invested"] == {"answer": "no", "habits": ["Text back slower."]}
    page = program_client.get(reverse("progress:patterns")).content.decode()
    assert 'value="Text back slower."' in page
    assert "the habits are optional" in page
    summary = program_client.get(reverse("progress:summary")).content.decode()
    assert "Text back slower." in summary


def test_every_pattern_question_needs_an_answer_and_habits_are_limited(program_client, user):
    """An unanswered pattern question or an overlong habit is refused, and nothing saves."""
    response = program_client.post(
        reverse("progress:patterns"),
        pattern_form_data(fears_insecurities="", taking_value_habit_1="x" * 301),
    )
    page = response.content.decode()
    assert "Please answer yes or no." in page
    assert "at most 300 characters" in page
    assert not PatternAnswers.objects.filter(user=user).exists()


def test_patterns_page_shows_the_worked_example_and_edits_in_place(program_client, user):
    """The patterns page shows a worked example, and saving again edits the same answers."""
    page = program_client.get(reverse("progress:patterns")).content.decode()
    assert content.PATTERN_QUESTIONS[0]["example_habits"][0] in page
    program_client.post(reverse("progress:patterns"), pattern_form_data())
    program_client.post(
        reverse("progress:patterns"),
        {"taking_value": "no", "less_invested": "no", "fears_insecurities": "no"},
    )
    assert PatternAnswers.objects.filter(user=user).count() == 1
    assert PatternAnswers.objects.get(user=user).answers["taking_value"]["habits"] == []


# Stage 7: memories and the date idea --------------------------------------------------------
def test_memory_is_added_edited_and_deleted(program_client, user):
    """A good memory can be added, edited and deleted."""
    data = memory_form_data()
    program_client.post(reverse("progress:memories"), data)
    memory = Memory.objects.get(user=user)
    program_client.post(reverse("progress:memory_edit", args=[memory.pk]), {**data, "when": "2020"})
    memory.refresh_from_db()
    assert memory.when == "2020"
    program_client.post(reverse("progress:memory_delete", args=[memory.pk]))
    assert not Memory.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"what": ""},
        {"what": "x" * 501},
        {"when": "x" * 101},
        {"where": "x" * 201},
        {"why_good": "x" * 1001},
    ],
)
def test_memory_bad_input_saves_nothing(program_client, user, bad):
    """A memory with nothing in what, or overlong text, is refused and saves nothing."""
    data = memory_form_data(**{"what": "A", "when": "", "where": "", "why_good": "", **bad})
    assert program_client.post(reverse("progress:memories"), data).status_code == 200
    assert not Memory.objects.filter(user=user).exists()


def test_date_idea_is_saved_once_and_shown_with_the_reminder(program_client, user):
    """The date idea page shows its reminder and keeps one idea, refusing an overlong one."""
    page = program_client.get(reverse("progress:date_idea")).content.decode()
    assert content.DATE_IDEA_REMINDER.replace("'", "&#x27;") in page
    program_client.post(reverse("progress:date_idea"), date_idea_form_data())
    program_client.post(
        reverse("progress:date_idea"), date_idea_form_data(idea="The café by the river.")
    )
    assert DateIdea.objects.get(user=user).idea == "The café by the river."
    assert (
        program_client.post(
            reverse("progress:date_idea"), date_idea_form_data(idea="x" * 1001)
        ).status_code
        == 200
    )
    assert DateIdea.objects.get(user=user).idea == "The café by the river."


def test_memories_are_listed(program_client, user):
    """Saved memories are listed on the memories page."""
    MemoryFactory(user=user, what="ICE-CREAM")
    assert "ICE-CREAM" in program_client.get(reverse("progress:memories")).content.decode()


# Are you sure? ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("overrides", "note"),
    [
        ({}, "clear eyes"),
        ({"impulsive": "yes"}, "might not be the right moment"),
        ({"band_aid": "not_sure"}, "not sure about some"),
    ],
)
def test_readiness_answers_are_saved_with_a_gentle_note(program_client, user, overrides, note):
    """The are-you-sure answers are saved and met with a gentle note to match."""
    program_client.post(reverse("progress:readiness"), readiness_form_data(**overrides))
    assert Readiness.objects.get(user=user).answers == readiness_form_data(**overrides)
    assert note in program_client.get(reverse("progress:readiness")).content.decode()


def test_readiness_needs_every_answer(program_client, user):
    """Every are-you-sure question must be answered before anything saves."""
    response = program_client.post(reverse("progress:readiness"), {"still_in_love": "yes"})
    assert "Please choose an answer." in response.content.decode()
    assert not Readiness.objects.filter(user=user).exists()


def test_responsibility_factory_rows_show_on_the_summary(program_client, user):
    """Your part in what happened shows on the personal summary."""
    ResponsibilityFactory(user=user, my_part="MY-PART")
    assert "MY-PART" in program_client.get(reverse("progress:summary")).content.decode()


# Past check-ins: edited and deleted ---------------------------------------------------------
def test_a_past_check_in_is_edited_from_the_list(program_client, user):
    """Every check-in in the list has its own edit link, not only today's."""
    past = CheckInFactory(user=user, date=TODAY() - 3 * DAY, mood=2, note="")
    page = program_client.get(reverse("progress:selfcare")).content.decode()
    assert reverse("progress:checkin_edit", args=[past.pk]) in page
    form = program_client.get(reverse("progress:checkin_edit", args=[past.pk])).content.decode()
    assert "Edit a check-in" in form
    response = program_client.post(
        reverse("progress:checkin_edit", args=[past.pk]),
        checkin_form_data(date=past.date.isoformat(), mood="5", note="Better than I thought."),
    )
    assert response.status_code == 302
    past.refresh_from_db()
    assert (past.mood, past.note, past.date) == (5, "Better than I thought.", TODAY() - 3 * DAY)


def test_a_past_check_in_cannot_move_onto_another_days(program_client, user):
    """A past check-in cannot be moved onto a day that has one; its date stays."""
    past = CheckInFactory(user=user, date=TODAY() - 3 * DAY, mood=2)
    CheckInFactory(user=user, date=TODAY() - 2 * DAY, mood=4)
    response = program_client.post(
        reverse("progress:checkin_edit", args=[past.pk]),
        checkin_form_data(date=(TODAY() - 2 * DAY).isoformat()),
    )
    assert "You already have a check-in for" in response.content.decode()
    past.refresh_from_db()
    assert past.date == TODAY() - 3 * DAY


def test_a_check_in_is_deleted_after_confirming(program_client, user):
    """Deleting a check-in asks first, then deletes it and says so."""
    past = CheckInFactory(user=user, date=TODAY() - 5 * DAY)
    url = reverse("progress:checkin_delete", args=[past.pk])
    page = program_client.get(url).content.decode()
    assert "Delete this check-in?" in page and "<title>Delete this check-in?" in page
    assert SelfCareCheckIn.objects.filter(pk=past.pk).exists()
    response = program_client.post(url, follow=True)
    assert "Check-in deleted." in response.content.decode()
    assert not SelfCareCheckIn.objects.filter(pk=past.pk).exists()


# Deleting asks first -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("factory", "delete", "keep", "model"),
    [
        (ContactFactory, "progress:contact_delete", "progress:contact_edit", Contact),
        (MemoryFactory, "progress:memory_delete", "progress:memory_edit", Memory),
        (
            ResponsibilityFactory,
            "progress:responsibility_delete",
            "progress:responsibility_edit",
            Responsibility,
        ),
        (HeldMessageFactory, "progress:message_delete", "progress:message_detail", HeldMessage),
    ],
)
def test_delete_links_open_a_confirmation_that_deletes_nothing(
    program_client, user, factory, delete, keep, model
):
    """Delete opens a page that asks first; only its button deletes, and Keep it goes back.

    The edit page's Delete is a link to a page that asks (no JavaScript needed); only its
    button deletes, and "Keep it" goes back to the row."""
    row = factory(user=user)
    delete_url = reverse(delete, args=[row.pk])
    assert delete_url in program_client.get(reverse(keep, args=[row.pk])).content.decode()
    page = program_client.get(delete_url).content.decode()
    assert "cannot be brought back" in page
    assert f'href="{reverse(keep, args=[row.pk])}">Keep it' in page
    assert model.objects.filter(pk=row.pk).exists()
    program_client.post(delete_url)
    assert not model.objects.filter(pk=row.pk).exists()

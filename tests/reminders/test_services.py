"""Reminders a person chooses: the settings page, who is due when in their own time, quiet
hours, one email per slot, retries, the emails themselves and one-click unsubscribe."""

import datetime as dt
import logging
import re
import smtplib

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from progress.models import HeldMessage, Urge
from reminders import emails, services
from reminders.emails import ReminderEmail
from reminders.models import Kind, ReminderSettings, SentReminder
from reminders.tasks import send_reminder
from tests.clock import NOON, frozen
from tests.factories import UserFactory
from tests.factories.journal import EntryFactory
from tests.factories.progress import CheckInFactory, HeldMessageFactory
from tests.factories.safety import SafetyCheckFactory
from tests.helpers.reminders import at, bodies, person, queued_sends, run_queued, send_one

pytestmark = [pytest.mark.django_db, frozen]

KIRITIMATI = "Pacific/Kiritimati"  # UTC+14
HONOLULU = "Pacific/Honolulu"  # UTC-10
SECRET_PHRASE = "Zanzibar-lighthouse-promise"


# The settings page ----------------------------------------------------------------------------
def test_a_visitor_is_sent_to_log_in(client):
    """A visitor opening the reminder settings is sent to log in."""
    response = client.get(reverse("reminders:settings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_account_page_links_to_reminders(client_logged_in):
    """The account page links to the reminder settings."""
    html = client_logged_in.get(reverse("account")).content.decode()
    assert f'href="{reverse("reminders:settings")}"' in html


def test_everything_is_off_until_the_person_turns_it_on(client_logged_in, user):
    """A new person's reminder boxes are all unticked, with times said to be in UTC."""
    response = client_logged_in.get(reverse("reminders:settings"))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.findall(r'<input type="checkbox"', html)
    assert not re.search(r"<input[^>]*\bchecked\b", html)
    assert "UTC" in html  # the zone the times are in
    assert not ReminderSettings.objects.filter(user=user).exists()
    assert ReminderSettings.for_user(user).is_on(Kind.DAILY) is False


def test_times_show_on_the_24_hour_clock_as_the_hints_say(client_logged_in, user):
    """A saved reminder time shows on the 24-hour clock, as the hint beside it says.

    A saved 18:23 reads "18:23" in a text box beside "For example 20:30": not a
    `type="time"` input, which Chromium draws as "06:23 PM" in an English locale."""
    ReminderSettings.objects.create(user=user, daily_enabled=True, daily_time=dt.time(18, 23))
    html = client_logged_in.get(reverse("reminders:settings")).content.decode()
    (daily,) = re.findall(r'<input[^>]*name="daily_time"[^>]*>', html)
    assert 'type="text"' in daily
    assert 'value="18:23"' in daily
    assert 'inputmode="numeric"' in daily
    assert 'type="time"' not in html
    assert "For example 20:30." in html


def test_choices_are_saved(client_logged_in, user):
    """Reminder choices are saved and confirmed, and can all be turned off again."""
    response = client_logged_in.post(
        reverse("reminders:settings"),
        {
            "daily_enabled": "on",
            "daily_time": "20:30",
            "weekly_enabled": "on",
            "quiet_start": "22:00",
            "quiet_end": "07:00",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("reminders:settings")
    assert "Your reminder choices are saved." in response.content.decode()
    prefs = ReminderSettings.objects.get(user=user)
    assert prefs.daily_enabled and prefs.weekly_enabled and not prefs.held_ready_enabled
    assert prefs.daily_time == dt.time(20, 30)
    assert (prefs.quiet_start, prefs.quiet_end) == (dt.time(22), dt.time(7))

    # Turning everything off again keeps one row.
    client_logged_in.post(reverse("reminders:settings"), {})
    prefs.refresh_from_db()
    assert not (prefs.daily_enabled or prefs.weekly_enabled)
    assert ReminderSettings.objects.filter(user=user).count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"daily_enabled": "on"}, "daily_time", "Choose a time for your daily reminder."),
        ({"daily_enabled": "on", "daily_time": "25:99"}, "daily_time", "24-hour clock"),
        ({"daily_time": "noon"}, "daily_time", "24-hour clock"),
        ({"quiet_start": "22:00"}, "quiet_end", "both a start and an end"),
        ({"quiet_end": "07:00"}, "quiet_start", "both a start and an end"),
        ({"quiet_start": "22:00", "quiet_end": "22:00"}, "quiet_end", "different time"),
        (
            {
                "daily_enabled": "on",
                "daily_time": "23:30",
                "quiet_start": "22:00",
                "quiet_end": "07:00",
            },
            "daily_time",
            "23:30 is in your quiet hours (22:00–07:00)",
        ),
        (
            {
                "daily_enabled": "on",
                "daily_time": "06:59",
                "quiet_start": "22:00",
                "quiet_end": "07:00",
            },
            "daily_time",
            "would never come",
        ),
    ],
)
def test_bad_choices_are_explained_next_to_the_field_and_nothing_is_saved(
    client_logged_in, user, data, field, message
):
    """A bad reminder time or quiet hours is explained beside its field, and nothing is saved."""
    response = client_logged_in.post(reverse("reminders:settings"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [field]
    assert message in str(form.errors[field])
    assert message in response.content.decode().replace("&ndash;", "–")
    assert not ReminderSettings.objects.filter(user=user).exists()


def test_a_daily_time_just_outside_wrapping_quiet_hours_is_fine(client_logged_in, user):
    """A daily reminder at 07:00, just as overnight quiet hours end, is accepted."""
    data = {
        "daily_enabled": "on",
        "daily_time": "07:00",
        "quiet_start": "22:00",
        "quiet_end": "07:00",
    }
    assert client_logged_in.post(reverse("reminders:settings"), data).status_code == 302
    assert ReminderSettings.objects.get(user=user).daily_time == dt.time(7)


@pytest.mark.parametrize(
    ("start", "end", "moment", "quiet"),
    [
        ((22, 0), (7, 0), (23, 15), True),
        ((22, 0), (7, 0), (0, 0), True),
        ((22, 0), (7, 0), (6, 59), True),
        ((22, 0), (7, 0), (7, 0), False),
        ((22, 0), (7, 0), (21, 59), False),
        ((13, 0), (14, 0), (13, 30), True),
        ((13, 0), (14, 0), (14, 0), False),
        ((13, 0), (14, 0), (12, 59), False),
    ],
)
def test_quiet_hours_including_those_that_wrap_past_midnight(start, end, moment, quiet):
    """Quiet hours hold from their start up to their end, also when they run past midnight."""
    prefs = ReminderSettings(quiet_start=dt.time(*start), quiet_end=dt.time(*end))
    assert prefs.is_quiet(dt.time(*moment)) is quiet


# Who is due, in their own time ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("zone", "utc", "local_day"),
    [
        # 21:00 in Kiritimati (UTC+14) is 07:00 UTC, on the day before in UTC.
        (KIRITIMATI, at(2026, 3, 18, 7, 0), "2026-03-18"),
        # 21:00 in Honolulu (UTC-10) is 07:00 UTC the next day.
        (HONOLULU, at(2026, 3, 19, 7, 0), "2026-03-18"),
    ],
)
def test_the_daily_reminder_is_due_at_the_persons_own_local_time(
    time_machine, zone, utc, local_day
):
    """The daily reminder arrives once, at the chosen time where the person lives."""
    user = person(zone, daily_enabled=True, daily_time=dt.time(21, 0))

    time_machine.move_to(utc - dt.timedelta(minutes=1), tick=False)
    assert services.dispatch() == 0  # 20:59 there

    time_machine.move_to(utc, tick=False)
    assert services.dispatch() == 1  # 21:00 there
    reminder = SentReminder.objects.get(user=user)
    assert (reminder.kind, reminder.slot) == (Kind.DAILY, local_day)

    time_machine.move_to(utc + dt.timedelta(hours=1, minutes=1), tick=False)
    assert services.dispatch() == 0  # sent already, and past its hour anyway


def test_the_same_instant_is_a_different_day_in_each_zone(time_machine):
    """Two people in zones a day apart each get the reminder for their own day."""
    kiritimati = person(KIRITIMATI, daily_enabled=True, daily_time=dt.time(21, 0))
    honolulu = person(HONOLULU, daily_enabled=True, daily_time=dt.time(21, 0))
    time_machine.move_to(at(2026, 3, 18, 7, 0), tick=False)  # 21:00 in both, a day apart
    assert services.dispatch() == 2
    assert SentReminder.objects.get(user=kiritimati).slot == "2026-03-18"
    assert SentReminder.objects.get(user=honolulu).slot == "2026-03-17"


def test_a_reminder_just_before_midnight_is_still_sent_after_it(time_machine):
    """A 23:45 reminder still arrives if sending slips past midnight, for the right day."""
    user = person("Europe/London", daily_enabled=True, daily_time=dt.time(23, 45))
    time_machine.move_to(at(2026, 1, 10, 0, 5), tick=False)  # 00:05 on the 10th in London
    assert services.dispatch() == 1
    assert SentReminder.objects.get(user=user).slot == "2026-01-09"


def test_no_daily_reminder_on_a_day_already_checked_in(time_machine):
    """No daily reminder comes on a day the person has already checked in."""
    user = person(HONOLULU, daily_enabled=True, daily_time=dt.time(8, 0))
    CheckInFactory(user=user, date=dt.date(2026, 3, 18))
    time_machine.move_to(at(2026, 3, 18, 18, 0), tick=False)  # 08:00 on the 18th there
    assert services.dispatch() == 0


def test_no_daily_reminder_after_a_check_in_made_before_moving_the_zone_west(time_machine):
    """A check-in made before moving the time zone west counts as today's: no reminder comes.

    Checked in just after midnight in Kiritimati (the 19th), then moved to Honolulu, where
    it is still the 18th: that check-in is today's, so the 08:00 reminder stays quiet."""
    user = person(KIRITIMATI, daily_enabled=True, daily_time=dt.time(8, 0))
    CheckInFactory(user=user, date=dt.date(2026, 3, 19))
    user.time_zone = HONOLULU
    user.save()
    time_machine.move_to(at(2026, 3, 18, 18, 0), tick=False)  # 08:00 on the 18th there
    assert services.dispatch() == 0


def test_the_weekly_counts_include_a_check_in_dated_ahead_of_the_new_today():
    """The weekly note counts a check-in made before moving the zone west, in week and streak.

    A check-in dated the day a move west has not reached yet is today's: counted in the
    week and in the streak."""
    user = person(HONOLULU)
    CheckInFactory(user=user, date=dt.date(2026, 3, 18))
    CheckInFactory(user=user, date=dt.date(2026, 3, 16))
    counts = services.weekly_counts(user, at(2026, 3, 18, 9, 0))  # 23:00 on the 17th there
    assert (counts["checkins"], counts["streak"]) == (2, 2)


def test_quiet_hours_that_wrap_hold_back_a_held_message_note_until_morning(time_machine):
    """A held message ready at 23:00 is only announced by email when quiet hours end at 07:00."""
    user = person(HONOLULU, held_ready_enabled=True, quiet_start=dt.time(22), quiet_end=dt.time(7))
    # Ready at 23:00 in Honolulu (09:00 UTC the next day).
    HeldMessageFactory(user=user, ready_at=at(2026, 3, 19, 9, 0))
    for utc in (at(2026, 3, 19, 9, 0), at(2026, 3, 19, 12, 0), at(2026, 3, 19, 16, 59)):
        time_machine.move_to(utc, tick=False)  # 23:00, 02:00, 06:59 there
        assert services.dispatch() == 0
    time_machine.move_to(at(2026, 3, 19, 17, 0), tick=False)  # 07:00 there
    assert services.dispatch() == 1
    assert SentReminder.objects.get(user=user).kind == Kind.HELD


def test_a_held_message_note_once_per_hold_and_not_for_a_message_still_cooling_off(time_machine):
    """A held message is announced when ready, again after a rewrite, never while cooling off."""
    user = person(held_ready_enabled=True)
    HeldMessageFactory(user=user, ready_at=NOON + dt.timedelta(hours=2))
    message = HeldMessageFactory(user=user, ready_at=NOON - dt.timedelta(minutes=1))
    assert services.dispatch() == 1
    assert services.dispatch() == 0
    # Held again after a rewrite: ready again later, a new note.
    message.start_hold()
    message.save()
    time_machine.move_to(message.ready_at, tick=False)
    assert services.dispatch() == 2  # the rewritten one and the one that was cooling off


def test_no_held_message_note_for_a_person_for_whom_reconnecting_is_unsafe():
    """Held messages are set aside for them: a note that one is ready would coach contact."""
    user = person(held_ready_enabled=True)
    SafetyCheckFactory(user=user, afraid=True)
    HeldMessageFactory(user=user, ready_at=NOON - dt.timedelta(minutes=1))
    assert services.dispatch() == 0
    assert not SentReminder.objects.filter(user=user).exists()


def test_the_weekly_note_goes_out_on_the_persons_sunday(time_machine):
    """The weekly note arrives once, at 10:00 on the person's own Sunday."""
    user = person(KIRITIMATI, weekly_enabled=True)
    # Saturday 21 March 19:59 UTC is Sunday 22 March 09:59 in Kiritimati.
    time_machine.move_to(at(2026, 3, 21, 19, 59), tick=False)
    assert services.dispatch() == 0
    time_machine.move_to(at(2026, 3, 21, 20, 0), tick=False)  # Sunday 10:00 there
    assert services.dispatch() == 1
    assert SentReminder.objects.get(user=user).slot == "2026-W12"
    time_machine.move_to(at(2026, 3, 22, 5, 0), tick=False)
    assert services.dispatch() == 0


def test_people_who_did_not_opt_in_get_nothing(time_machine):
    """People who never turned reminders on, or turned them off, get no email."""
    nothing_chosen = UserFactory()
    all_off = person(daily_enabled=False, daily_time=dt.time(12, 0), held_ready_enabled=False)
    for user in (nothing_chosen, all_off):
        HeldMessageFactory(user=user, ready_at=NOON - dt.timedelta(minutes=5))
        CheckInFactory(user=user, date=dt.date(2026, 3, 17))
    for moment in (NOON, at(2026, 3, 22, 12, 0)):  # a Wednesday noon, a Sunday noon
        time_machine.move_to(moment, tick=False)
        assert services.dispatch() == 0
    assert not SentReminder.objects.exists()
    assert not mail.outbox


# Sending once ---------------------------------------------------------------------------------
def test_dispatching_twice_sends_one_email():
    """A reminder is emailed once, however many times sending runs."""
    user = person(daily_enabled=True, daily_time=dt.time(12, 0))
    assert services.dispatch() == 1
    assert services.dispatch() == 0
    assert queued_sends() == 1
    run_queued()
    run_queued()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    reminder = SentReminder.objects.get(user=user)
    assert reminder.status == SentReminder.Status.SENT
    assert reminder.sent_at == NOON


def test_two_workers_given_the_same_reminder_send_it_once():
    """Two workers handed the same reminder still send the person one email."""
    person(daily_enabled=True, daily_time=dt.time(12, 0))
    services.dispatch()
    reminder = SentReminder.objects.get()
    assert send_reminder.call(reminder.pk) == "sent"
    assert send_reminder.call(reminder.pk) == "nothing to send"
    assert len(mail.outbox) == 1


def test_a_slot_claimed_by_another_dispatcher_meanwhile_is_not_claimed_again(monkeypatch):
    """Two servers sending reminders at once still give the person one reminder."""
    user = person(daily_enabled=True, daily_time=dt.time(12, 0))
    due = services.Due(Kind.DAILY, "2026-03-18")
    first = services.claim(user, due)
    assert str(first) == "daily reminder 2026-03-18 (pending)"
    # The other dispatcher inserted between this one's check and its insert: the unique
    # constraint refuses the second row, and nothing more is queued.
    monkeypatch.setattr(services, "_taken", lambda user, due: False)
    assert services.claim(user, due) is None
    assert SentReminder.objects.filter(user=user).count() == 1
    assert queued_sends() == 1


def test_a_deactivated_account_gets_nothing_already_queued():
    """A deactivated account gets no reminder, even one already queued."""
    user = person(daily_enabled=True, daily_time=dt.time(12, 0))
    services.dispatch()
    user.is_active = False
    user.save()
    run_queued()
    assert not mail.outbox


def test_an_unknown_time_zone_reads_as_the_sites(settings):
    """A person whose time zone is unknown still gets reminders, on the site's time."""
    settings.TIME_ZONE = "UTC"
    user = person("Mars/Olympus_Mons", daily_enabled=True, daily_time=dt.time(12, 0))
    assert services.dispatch() == 1
    assert SentReminder.objects.get(user=user).slot == "2026-03-18"
    assert str(ReminderSettings.objects.get(user=user)).startswith("Reminder settings of user")


def test_a_reminder_turned_off_after_it_was_queued_is_not_sent(client_logged_in, user):
    """A reminder turned off after it was queued never arrives."""
    ReminderSettings.objects.create(user=user, daily_enabled=True, daily_time=dt.time(12, 0))
    services.dispatch()
    client_logged_in.post(reverse("reminders:settings"), {})
    run_queued()
    assert not mail.outbox
    assert not SentReminder.objects.exists()


def test_a_failed_send_is_tried_again_later_and_logged_without_the_address(
    monkeypatch, time_machine, caplog
):
    """A reminder that fails to send arrives a minute later, and the logs never hold the address."""
    user = person(daily_enabled=True, daily_time=dt.time(12, 0))
    services.dispatch()
    reminder = SentReminder.objects.get()
    real_send = ReminderEmail.send
    failures = iter([smtplib.SMTPRecipientsRefused({user.email: (550, b"no")})])

    def flaky(self, *args, **kwargs):
        for error in failures:
            raise error
        return real_send(self, *args, **kwargs)

    monkeypatch.setattr(ReminderEmail, "send", flaky)
    caplog.set_level(logging.INFO)

    run_queued()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.attempts) == (SentReminder.Status.PENDING, 1)
    assert not mail.outbox
    retry = DBTaskResult.objects.get(task_path="reminders.tasks.send_reminder")
    assert retry.run_after == NOON + dt.timedelta(minutes=1)
    assert not DBTaskResult.objects.ready().exists()  # not before its time

    time_machine.move_to(NOON + dt.timedelta(minutes=1), tick=False)
    run_queued()
    reminder.refresh_from_db()
    assert (reminder.status, reminder.attempts) == (SentReminder.Status.SENT, 2)
    assert len(mail.outbox) == 1
    assert "SMTPRecipientsRefused" in caplog.text
    assert user.email not in caplog.text


def test_a_send_that_keeps_failing_stops_after_the_last_attempt(monkeypatch, time_machine):
    """A reminder that keeps failing stops after four tries instead of retrying forever."""
    person(daily_enabled=True, daily_time=dt.time(12, 0))
    services.dispatch()

    def broken(self, *args, **kwargs):
        raise ConnectionRefusedError("smtp down")

    monkeypatch.setattr(ReminderEmail, "send", broken)
    for _ in range(services.MAX_ATTEMPTS):
        run_queued()
        time_machine.shift(dt.timedelta(hours=1))
    reminder = SentReminder.objects.get()
    assert (reminder.status, reminder.attempts) == (SentReminder.Status.FAILED, 4)
    assert queued_sends() == 0


@pytest.mark.parametrize("discreet", [False, True])
def test_a_reminder_email_is_neutral_and_uses_the_persons_name_for_the_site(discreet, settings):
    """A reminder email never says ex, and in discreet mode never names the site."""
    settings.DISCREET_NAME = "Notes"
    user = person(daily_enabled=True, daily_time=dt.time(12, 0))
    user.discreet = discreet
    user.save()
    message = send_one(user)
    name = "Notes" if discreet else "exback"
    text, html = bodies(message)
    assert message.subject == "A moment for today's check-in"
    assert message.from_email.startswith(f"{name} <")
    assert name in text and name in html
    everything = (message.subject + text + html + message.from_email).lower()
    assert not re.search(r"\bex\b", everything)
    if discreet:
        assert "exback" not in everything.replace(settings.SITE_URL.lower(), "")
    assert emails.absolute(reverse("progress:checkin_today")) in text


def test_every_reminder_email_has_a_one_click_unsubscribe(settings):
    """Every reminder email has an unsubscribe link a mail program can use in one click."""
    settings.SITE_URL = "https://exback.example.org"
    user = person(daily_enabled=True, daily_time=dt.time(12, 0))
    message = send_one(user)
    reminder = SentReminder.objects.get(user=user)
    url = "https://exback.example.org" + reverse(
        "reminders:unsubscribe", args=[emails.unsubscribe_token(reminder)]
    )
    assert message.extra_headers["List-Unsubscribe"] == f"<{url}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text, html = bodies(message)
    assert url in text and url in html
    # As it goes out: the header whole (not folded into encoded words), the link unbroken.
    raw = message.message().as_string()
    assert f"List-Unsubscribe: <{url}>\n" in raw
    assert f"\n{url}\n" in raw


def test_a_held_message_note_links_to_it_and_never_quotes_it():
    """The email that a held message is ready links to it but never quotes its words."""
    user = person(held_ready_enabled=True)
    message = HeldMessageFactory(
        user=user, text=f"{SECRET_PHRASE}, I still think of you", ready_at=NOON
    )
    email = send_one(user)
    text, html = bodies(email)
    assert reverse("progress:message_detail", args=[message.pk]) in text
    for part in (email.subject, text, html):
        assert SECRET_PHRASE not in part


def test_a_decided_message_gets_no_note():
    """A held message already let go gets no email saying it is ready."""
    user = person(held_ready_enabled=True)
    message = HeldMessageFactory(user=user, ready_at=NOON)
    services.dispatch()
    message.decide(HeldMessage.Status.LET_GO)
    message.save()
    run_queued()
    assert not mail.outbox


def test_the_weekly_note_has_counts_and_none_of_the_persons_words(time_machine, caplog):
    """The weekly email gives the week's counts and none of the person's words."""
    sunday = at(2026, 3, 22, 10, 0)
    user = person(weekly_enabled=True)
    for day in (19, 20, 21, 22):
        CheckInFactory(user=user, date=dt.date(2026, 3, day), note=SECRET_PHRASE)
    CheckInFactory(user=user, date=dt.date(2026, 3, 10))  # before the week
    time_machine.move_to(sunday - dt.timedelta(days=1), tick=False)
    EntryFactory(user=user, title=SECRET_PHRASE, body=f"{SECRET_PHRASE} by the sea")
    EntryFactory(user=user, body="another")
    Urge.objects.create(user=user, outcome=Urge.Outcome.WAITED, note=SECRET_PHRASE)
    Urge.objects.create(user=user, outcome=Urge.Outcome.REACHED_OUT)
    HeldMessageFactory(user=user, text=SECRET_PHRASE, ready_at=sunday)
    time_machine.move_to(sunday, tick=False)
    caplog.set_level(logging.DEBUG)

    email = send_one(user)

    text, html = bodies(email)
    assert email.subject == "Your week, in a few numbers"
    assert "check-ins: 4 (current streak: 4 days)" in text
    assert "journal entries: 2" in text
    assert "took care of yourself instead: 1" in text
    assert "<li>check-ins: 4 (current streak: 4 days)</li>" in html
    for part in (email.subject, text, html, caplog.text):
        assert SECRET_PHRASE not in part
    assert user.email not in caplog.text


def test_a_quiet_week_gets_a_gentle_note(time_machine):
    """After a week with no check-ins, the weekly email says a quiet week is fine too."""
    user = person(weekly_enabled=True)
    time_machine.move_to(at(2026, 3, 22, 10, 0), tick=False)
    text, _ = bodies(send_one(user))
    assert "check-ins: 0" in text
    assert "A quiet week is fine too." in text


# Unsubscribing --------------------------------------------------------------------------------
@pytest.fixture
def sent(db):
    """A person who got their daily reminder, and its unsubscribe link."""
    user = person(daily_enabled=True, daily_time=dt.time(12, 0), weekly_enabled=True)
    send_one(user)
    reminder = SentReminder.objects.get(user=user)
    url = reverse("reminders:unsubscribe", args=[emails.unsubscribe_token(reminder)])
    return user, reminder, url


def prefs_of(user) -> ReminderSettings:
    return ReminderSettings.objects.get(user=user)


def test_the_link_asks_first_and_changes_nothing(sent):
    """Opening an unsubscribe link asks first and leaves the reminder on."""
    user, _, url = sent
    response = Client().get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Stop the daily check-in reminder?" in html
    assert '<form method="post">' in html
    assert prefs_of(user).daily_enabled


def test_the_mail_programs_one_click_post_unsubscribes_without_a_session_or_csrf_token(sent):
    """A mail program's one-click unsubscribe turns off just that reminder, with no sign-in."""
    user, reminder, url = sent
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "you won't get the daily check-in reminder any more" in response.content.decode()
    prefs = prefs_of(user)
    assert not prefs.daily_enabled
    assert prefs.weekly_enabled  # only the kind this email was
    reminder.refresh_from_db()
    assert reminder.unsubscribed_at == NOON


def test_the_confirm_button_unsubscribes_and_says_so(sent):
    """Pressing the unsubscribe button turns the reminder off and says so."""
    user, _, url = sent
    response = Client(enforce_csrf_checks=True).post(url, follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert "You're unsubscribed: the daily check-in reminder is off." in response.content.decode()
    assert not prefs_of(user).daily_enabled


def test_a_used_link_says_so_and_changes_nothing(sent, client_logged_in):
    """A used unsubscribe link says so and cannot turn a reminder switched back on off again."""
    user, _, url = sent
    Client().post(url, {"List-Unsubscribe": "One-Click"})
    # The person turns the reminder back on; the old link must not turn it off again.
    prefs = prefs_of(user)
    prefs.daily_enabled = True
    prefs.save()
    for response in (Client().get(url), Client().post(url, {"List-Unsubscribe": "One-Click"})):
        assert response.status_code == 200
        assert "This link has been used" in response.content.decode()
    assert prefs_of(user).daily_enabled


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: token[: len(token) // 2],
        lambda token: "NDI:" + token.split(":", 1)[1],  # another reminder's id, same signature
        lambda token: "not-a-token",
        lambda token: signing.dumps("1", salt=emails.UNSUBSCRIBE_SALT),  # signed, not an id
        lambda token: signing.dumps(1),  # signed for something else
    ],
    ids=["signature", "cut short", "another id", "garbage", "not an id", "other salt"],
)
def test_a_tampered_link_is_refused_with_a_clear_message(sent, tamper):
    """A tampered unsubscribe link is refused with a clear message and changes nothing."""
    user, reminder, _ = sent
    token = tamper(emails.unsubscribe_token(reminder))
    url = reverse("reminders:unsubscribe", args=[token])
    for response in (Client().get(url), Client().post(url, {"List-Unsubscribe": "One-Click"})):
        assert response.status_code == 400
        assert "This unsubscribe link isn't valid" in response.content.decode()
    assert prefs_of(user).daily_enabled
    reminder.refresh_from_db()
    assert reminder.unsubscribed_at is None


def test_an_old_link_is_refused_with_a_clear_message(sent, time_machine):
    """An unsubscribe link that is too old is refused and says so; the reminder stays on."""
    user, _, url = sent
    time_machine.shift(dt.timedelta(seconds=emails.UNSUBSCRIBE_MAX_AGE + 1))
    response = Client().post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 400
    assert "too old" in response.content.decode()
    assert prefs_of(user).daily_enabled


def test_the_data_export_has_the_reminder_choices(client_logged_in, user):
    """The data export includes the person's reminder choices."""
    ReminderSettings.objects.create(
        user=user, weekly_enabled=True, quiet_start=dt.time(22), quiet_end=dt.time(7)
    )
    data = client_logged_in.get(reverse("account_export_json")).json()
    assert data["reminders"] == {
        "daily_enabled": False,
        "held_ready_enabled": False,
        "weekly_enabled": True,
        "daily_time": None,
        "quiet_start": "22:00",
        "quiet_end": "07:00",
        "sent": 0,
    }


# Deleting the account -------------------------------------------------------------------------
def test_deleting_the_account_cancels_everything_pending(client_logged_in, user, password):
    """Deleting the account stops every pending reminder, and old unsubscribe links say so."""
    ReminderSettings.objects.create(
        user=user, daily_enabled=True, daily_time=dt.time(12, 0), held_ready_enabled=True
    )
    HeldMessageFactory(user=user, ready_at=NOON)
    assert services.dispatch() == 2
    token = emails.unsubscribe_token(SentReminder.objects.filter(user=user).first())

    response = client_logged_in.post(reverse("account_delete"), {"password": password})
    assert response.status_code == 302

    assert not SentReminder.objects.exists()
    assert not ReminderSettings.objects.exists()
    run_queued()  # the queued tasks find nothing to send
    assert not mail.outbox
    response = Client().get(reverse("reminders:unsubscribe", args=[token]))
    assert response.status_code == 400
    assert "no longer belongs to any account" in response.content.decode()

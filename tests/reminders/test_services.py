"""Each reminder arrives once, at the person's own local time, and never in quiet hours."""

import datetime as dt
import logging
import smtplib

import pytest
from django.core import mail
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from reminders import services
from reminders.emails import ReminderEmail
from reminders.models import Kind, ReminderSettings, SentReminder
from reminders.tasks import send_reminder
from tests.clock import NOON, frozen
from tests.factories import UserFactory
from tests.factories.progress import CheckInFactory, HeldMessageFactory
from tests.factories.safety import SafetyCheckFactory
from tests.helpers.reminders import at, person, queued_sends, run_queued

pytestmark = [pytest.mark.django_db, frozen]


KIRITIMATI = "Pacific/Kiritimati"  # UTC+14
HONOLULU = "Pacific/Honolulu"  # UTC-10


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
